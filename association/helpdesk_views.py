"""The member's side of the helpdesk: asking, their questions, one question
with its answers. Someone who may not see a case gets 404, so its existence
does not leak."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from network.pagination import paginate
from network.ratelimit import count_attempt, refuse
from network.uploads import serve_private

from .helpdesk import CaseError, ask, member_writes
from .helpdesk_forms import AskForm, MemberMessageForm
from .models import Case, CaseAttachment, CaseMessageKind
from .permissions import (
    can_ask_helpdesk,
    can_see_case,
    cases_shared_with,
    reporting_school,
)

CASES_PER_PAGE = 25


def _not_member(request):
    return render(
        request,
        "association/not_member.html",
        {
            "heading": _("The association's helpdesk"),
            "explanation": _(
                "Staff of member schools ask the association's advisers questions "
                "here, in confidence. Your account is not linked to a member "
                "school; ask your school's coordinator to add you, or contact "
                "the association."
            ),
        },
        status=403,
    )


@login_required
def case_list(request):
    if not can_ask_helpdesk(request.user):
        return _not_member(request)
    mine = Case.objects.filter(asker=request.user).select_related("theme")
    shared = cases_shared_with(request.user).select_related("theme")
    return render(
        request,
        "association/helpdesk/case_list.html",
        {
            "cases": paginate(request, mine, CASES_PER_PAGE),
            "shared": shared[:CASES_PER_PAGE],
        },
    )


@login_required
def case_new(request):
    if not can_ask_helpdesk(request.user):
        return _not_member(request)
    form = AskForm(request.POST or None, request.FILES or None)
    limited = None
    if request.method == "POST" and form.is_valid():
        limited = count_attempt(
            request,
            "helpdesk",
            settings.RATE_LIMIT_HELPDESK_QUESTIONS,
            key=f"user:{request.user.pk}",
        )
        if limited is None:
            data = form.cleaned_data
            case = ask(
                request.user,
                subject=data["subject"],
                question=data["question"],
                theme=data["theme"],
                share_with_coordinator=data["share_with_coordinator"],
                uploads=data["attachments"],
            )
            messages.success(
                request,
                _(
                    "Thank you. Your question #%(number)s has reached the "
                    "association's advisers; you will hear in your inbox when "
                    "they answer."
                )
                % {"number": case.pk},
            )
            return redirect(case)
    response = render(
        request,
        "association/helpdesk/case_form.html",
        {
            "form": form,
            "school": reporting_school(request.user),
            "limited": limited,
        },
    )
    return refuse(response, limited) if limited else response


@login_required
def case_detail(request, pk):
    case = get_object_or_404(
        Case.objects.select_related("theme", "school", "merged_into", "article"), pk=pk
    )
    if not can_see_case(request.user, case):
        raise Http404
    if case.merged_into_id and can_see_case(request.user, case.merged_into):
        messages.info(
            request,
            _("Question #%(old)s was merged into this one.") % {"old": case.pk},
        )
        return redirect(case.merged_into)
    is_asker = case.asker_id == request.user.pk
    form = None
    if is_asker:
        form = MemberMessageForm(request.POST or None, request.FILES or None)
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            member_writes(
                case,
                request.user,
                form.cleaned_data["text"],
                uploads=form.cleaned_data["attachments"],
            )
        except CaseError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Your addition has reached the advisers."))
            return redirect(case)
    shown = (
        case.messages.exclude(kind=CaseMessageKind.NOTE)
        .select_related("author")
        .prefetch_related("attachments")
    )
    return render(
        request,
        "association/helpdesk/case_detail.html",
        {
            "case": case,
            "case_messages": shown,
            "question_attachments": case.attachments.filter(message__isnull=True),
            "form": form,
            "is_asker": is_asker,
            "article": _published_article(case),
        },
    )


def _published_article(case):
    page = case.article
    if page is None or not page.live:
        return None
    return page


@login_required
def case_attachment(request, pk):
    item = get_object_or_404(
        CaseAttachment.objects.select_related("case", "message"), pk=pk
    )
    if not can_see_case(request.user, item.case):
        raise Http404
    if item.message is not None and not item.message.reaches_member:
        raise Http404
    return serve_private(item.file, name=item.name, content_type=item.content_type)
