"""The links of includes/pagination.html."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def page_query(context, page, number) -> str:
    """The current query string with `page`'s own parameter (`page.param`, see
    network.pagination) set to `number`; every other parameter, the page number
    of another listing on the same page included, stays as it is."""
    query = context["request"].GET.copy()
    query[getattr(page, "param", "page")] = number
    return f"?{query.urlencode()}"


@register.simple_tag(takes_context=True)
def pagination(context, items, label="", anchor="") -> str:
    """includes/pagination.html rendered once, for a page that shows the same
    page links twice (above and below a thread's posts):
    `{% pagination posts_page label as pages %}` then `{{ pages }}` twice."""
    template = context.template.engine.get_template("includes/pagination.html")
    values = {"items": items, "label": label, "anchor": anchor}
    values["request"] = context["request"]
    return template.render(context.new(values))
