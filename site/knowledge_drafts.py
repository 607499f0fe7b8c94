"""Questions that become lasting knowledge: a solved question in the forum's
helpdesk (forum_knowledge) or an answered private helpdesk case
(helpdesk_knowledge) becomes a draft KnowledgeQuestion, with the asker's
words anonymised before the editor sees them. The draft goes through the
usual review before it is published."""

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from network.text import render_markdown

from .models import KnowledgeIndexPage, KnowledgeQuestion

INTRO_LENGTH = 400


def knowledge_index_for(user):
    """The knowledge base, when `user` may add an article to it."""
    index = KnowledgeIndexPage.objects.live().first()
    if index is None or not user.is_authenticated:
        return None
    return index if index.permissions_for_user(user).can_add_subpage() else None


def draft_question(
    index,
    user,
    *,
    title: str,
    question: str,
    answer_html: str,
    source_url: str,
    source_label: str,
    theme=None,
    audience=None,
) -> KnowledgeQuestion:
    """A draft Q&A under `index`, saved as a revision by `user`."""
    intro = " ".join(question.split())
    if len(intro) > INTRO_LENGTH:
        intro = intro[: INTRO_LENGTH - 1].rsplit(" ", 1)[0] + "…"
    body = [("paragraph", mark_safe(answer_html))]  # noqa: S308 - cleaned by caller
    if source_url:
        body.append(
            (
                "paragraph",
                f'<p><a href="{escape(source_url)}">{escape(source_label)}</a></p>',
            )
        )
    article = KnowledgeQuestion(
        title=title[:255],
        intro=intro,
        question=question,
        theme=theme,
        live=False,
        body=body,
        **({"audience": audience} if audience else {}),
    )
    index.add_child(instance=article)
    article.save_revision(user=user)
    return article


def answer_html(markdown_text: str) -> str:
    """An answer written in the site's Markdown, as cleaned HTML."""
    return str(render_markdown(markdown_text)) or "<p>{}</p>".format(
        escape(_("(no answer yet)"))
    )
