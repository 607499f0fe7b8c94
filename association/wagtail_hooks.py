"""Signals, their themes and dossiers in Wagtail's admin, for the policy
advisers; the member's side on the account page and in the data export."""

from django import forms
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views, helpdesk_admin
from .models import Consultation, Dossier, Signal, SignalMessage, SignalTheme
from .permissions import can_report, is_adviser
from .services import tell_reporter


class SignalViewSet(SnippetViewSet):
    model = Signal
    icon = "warning"
    menu_label = _("Signals")
    list_display = ["theme", "school", "province", "status", "created_at"]
    list_filter = ["status", "theme", "province", "dossier"]
    search_fields = ["what", "effect"]
    search_backend_name = None
    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("theme", read_only=True),
                        FieldPanel("since", read_only=True),
                    ]
                ),
                FieldPanel("what", read_only=True),
                FieldPanel("effect", read_only=True),
                FieldRowPanel(
                    [
                        FieldPanel("school", read_only=True),
                        FieldPanel("province", read_only=True),
                        FieldPanel("school_type", read_only=True),
                    ]
                ),
                FieldRowPanel(
                    [
                        FieldPanel("alliance", read_only=True),
                        FieldPanel("municipality", read_only=True),
                    ]
                ),
                FieldPanel("may_name_school", read_only=True),
                FieldPanel("reporter", read_only=True),
            ],
            heading=_("What the member reported"),
        ),
        FieldRowPanel([FieldPanel("status"), FieldPanel("dossier")]),
        InlinePanel(
            "messages",
            heading=_("Replies, questions and internal notes"),
            label=_("Message"),
            panels=[FieldPanel("kind"), FieldPanel("text")],
        ),
    ]


class DossierViewSet(SnippetViewSet):
    model = Dossier
    icon = "folder-open-inverse"
    menu_label = _("Dossiers")
    list_display = ["title", "published_at", "created_at"]
    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("summary", widget=forms.Textarea(attrs={"rows": 10})),
        FieldPanel("published_at"),
    ]


class SignalThemeViewSet(SnippetViewSet):
    model = SignalTheme
    icon = "tag"
    menu_label = _("Signal themes")
    list_display = ["name", "sort_order"]
    sort_order_field = "sort_order"


class ConsultationViewSet(SnippetViewSet):
    model = Consultation
    icon = "list-ul"
    menu_label = _("Consultations")
    list_display = ["title", "opens_at", "closes_at", "audience", "answer_by"]
    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("intro", widget=forms.Textarea(attrs={"rows": 10})),
        InlinePanel("attachments", heading=_("Documents"), label=_("Document")),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        FieldRowPanel([FieldPanel("audience"), FieldPanel("answer_by")]),
        FieldRowPanel([FieldPanel("results_for_members"), FieldPanel("reminder_days")]),
        InlinePanel(
            "questions",
            heading=_("Questions"),
            label=_("Question"),
            min_num=1,
            panels=[
                FieldPanel("text"),
                FieldPanel("kind"),
                FieldPanel("choices"),
                FieldRowPanel([FieldPanel("scale_low"), FieldPanel("scale_high")]),
                FieldPanel("required"),
            ],
        ),
    ]


class AssociationGroup(SnippetViewSetGroup):
    menu_label = _("Signals")
    menu_icon = "warning"
    menu_order = 255
    items = (SignalViewSet, DossierViewSet, SignalThemeViewSet, ConsultationViewSet)


register_snippet(AssociationGroup)


@hooks.register("register_admin_urls")
def report_url():
    return [
        path("signalen/rapport/", admin_views.report_view, name="association_report"),
        path("helpdesk/", helpdesk_admin.queue, name="helpdesk_admin_queue"),
        path(
            "helpdesk/<int:pk>/", helpdesk_admin.case_view, name="helpdesk_admin_case"
        ),
        path("helpdesk/jaar/", helpdesk_admin.year_view, name="helpdesk_admin_year"),
    ]


class AdviserMenuItem(MenuItem):
    def is_shown(self, request):
        return is_adviser(request.user)


class HelpdeskMenuItem(AdviserMenuItem):
    """Names how many questions are new, so a glance at the menu tells."""

    def render_component(self, request):
        from .models import Case, CaseStatus

        component = super().render_component(request)
        waiting = Case.objects.filter(status=CaseStatus.NEW).count()
        if waiting:
            component.label = f"{self.label} ({waiting})"
        return component


@hooks.register("register_admin_menu_item")
def helpdesk_menu_item():
    return HelpdeskMenuItem(
        _("Helpdesk"),
        reverse("helpdesk_admin_queue"),
        icon_name="help",
        order=256,
    )


@hooks.register("register_reports_menu_item")
def helpdesk_year_menu_item():
    return AdviserMenuItem(
        _("Helpdesk per year"),
        reverse("helpdesk_admin_year"),
        icon_name="help",
        order=711,
    )


@hooks.register("register_reports_menu_item")
def report_menu_item():
    return AdviserMenuItem(
        _("Signals report"),
        reverse("association_report"),
        icon_name="warning",
        order=710,
    )


@hooks.register("after_edit_snippet")
def reply_to_reporter(request, instance):
    """Messages an adviser added in the admin get their author, and replies
    and questions reach the reporter; internal notes do not."""
    if not isinstance(instance, Signal):
        return
    for message in SignalMessage.objects.filter(signal=instance, author__isnull=True):
        if message.kind == "melder":
            continue
        message.author = request.user
        message.save(update_fields=["author"])
        tell_reporter(message)


@hooks.register("network_account_sections")
def signals_on_the_account_page(request):
    if not can_report(request.user):
        return ""
    return render_to_string("association/account_section.html", request=request)


@hooks.register("network_data_exporters")
def export_consultation_answers(user):
    from .models import Response

    responses = Response.objects.filter(user=user).select_related("consultation")
    return {
        "consultation_answers": [
            {
                "consultation": response.consultation.title,
                "for_board": response.board.name if response.board_id else None,
                "answered_at": response.created_at.isoformat(),
                "answers": [
                    {"question": answer.question.text, "answer": answer.value}
                    for answer in response.answers.select_related("question")
                ],
            }
            for response in responses
        ]
    }


@hooks.register("network_data_exporters")
def export_helpdesk_cases(user):
    from .models import Case

    cases = (
        Case.objects.filter(asker=user)
        .select_related("theme")
        .prefetch_related("messages", "attachments")
    )
    return {
        "helpdesk_questions": [
            {
                "number": case.pk,
                "subject": case.subject,
                "question": case.question,
                "theme": case.theme.name,
                "status": case.status,
                "shared_with_coordinator": case.share_with_coordinator,
                "asked_at": case.created_at.isoformat(),
                "messages": [
                    {
                        "from": "you" if message.kind == "lid" else "association",
                        "text": message.text,
                        "at": message.created_at.isoformat(),
                    }
                    for message in case.messages.all()
                    if message.reaches_member
                ],
                "attachments": [item.name for item in case.attachments.all()],
            }
            for case in cases
        ]
    }


@hooks.register("network_data_exporters")
def export_signals(user):
    signals = Signal.objects.filter(reporter=user).select_related("theme")
    return {
        "signals": [
            {
                "theme": signal.theme.name,
                "what": signal.what,
                "since": signal.since,
                "effect": signal.effect,
                "samenwerkingsverband": signal.alliance,
                "municipality": signal.municipality,
                "may_name_school": signal.may_name_school,
                "status": signal.status,
                "reported_at": signal.created_at.isoformat(),
                "messages": [
                    {"from": message.kind, "text": message.text}
                    for message in signal.messages.exclude(kind="notitie")
                ],
            }
            for signal in signals
        ]
    }
