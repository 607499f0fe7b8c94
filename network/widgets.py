"""Form widgets the network's admin and site forms share."""

from django import forms
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from .models import Province


class ProvinceChecklist(forms.CheckboxSelectMultiple):
    """Checkboxes for the twelve provinces over a text field that stores the
    chosen codes comma-separated (SupportOffer.provinces)."""

    def __init__(self, attrs=None, choices=()):
        super().__init__(attrs, choices=Province.choices)

    def format_value(self, value):
        if isinstance(value, str):
            value = value.split(",")
        return [code for code in value or [] if code]

    def value_from_datadict(self, data, files, name):
        chosen = data.getlist(name) if hasattr(data, "getlist") else data.get(name, [])
        return ",".join(code for code in Province.values if code in chosen)


class WrittenSelect(forms.Select):
    """A <select> written out in Python, to the markup Django's own templates
    give. Django renders every option through a template of its own: the
    search page's four filters took 1.6 ms that way, half the time of the
    rest of its template."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        groups = []
        for group_name, options, _index in widget["optgroups"]:
            written = "".join(
                format_html(
                    '\n  <option value="{}"{}>{}</option>\n',
                    str(option["value"]),
                    _attributes(option["attrs"]),
                    option["label"],
                )
                for option in options
            )
            if group_name:
                written = format_html(
                    '\n  <optgroup label="{}">{}\n  </optgroup>',
                    group_name,
                    mark_safe(written),
                )
            groups.append(written)
        return format_html(
            '<select name="{}"{}>{}\n</select>',
            widget["name"],
            _attributes(widget["attrs"]),
            mark_safe("".join(groups)),
        )


def _attributes(attrs: dict) -> str:
    """HTML attributes as django/forms/widgets/attrs.html writes them: True
    as the bare name, False left out."""
    return mark_safe(
        "".join(
            format_html(" {}", name)
            if value is True
            else format_html(' {}="{}"', name, str(value))
            for name, value in attrs.items()
            if value is not False
        )
    )
