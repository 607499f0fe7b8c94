"""Consultations on the site: the open ones a member is asked, answering,
and the results once they may be seen. A consultation someone is not asked
still shows its title and intro to members; answers and results follow the
rules in consultations.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from network.permissions import is_member
from network.text import render_markdown

from .consultation_forms import ConsultationForm
from .consultations import (
    AlreadyAnswered,
    can_answer,
    can_see_results,
    existing_response,
    in_audience,
    results,
    submit,
)
from .models import Consultation
from .permissions import is_adviser


def _visible(user):
    """Members see opened consultations; advisers also the ones to come."""
    consultations = Consultation.objects.all()
    if not is_adviser(user):
        consultations = consultations.filter(opens_at__lte=timezone.now())
    return consultations


@login_required
def consultation_list(request):
    if not is_member(request.user):
        return render(request, "association/not_member.html", status=403)
    now = timezone.now()
    consultations = _visible(request.user)
    open_ones = [
        c
        for c in consultations.filter(opens_at__lte=now, closes_at__gt=now)
        if in_audience(request.user, c)
    ]
    closed = consultations.filter(closes_at__lte=now, results_for_members=True)
    return render(
        request,
        "association/consultation_list.html",
        {"open_consultations": open_ones, "closed_consultations": closed[:20]},
    )


@login_required
def consultation_detail(request, slug):
    consultation = get_object_or_404(_visible(request.user), slug=slug)
    if not (is_member(request.user) or is_adviser(request.user)):
        raise Http404
    questions = list(consultation.questions.all())
    answered = existing_response(request.user, consultation)
    form = None
    if answered is None and can_answer(request.user, consultation):
        form = ConsultationForm(request.POST or None, questions=questions)
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            submit(request.user, consultation, form.values())
        except AlreadyAnswered:
            messages.error(
                request,
                _(
                    "This consultation has been answered already; your answers "
                    "were not added."
                ),
            )
        else:
            messages.success(request, _("Thank you; your answers have been saved."))
        return redirect(consultation)
    return render(
        request,
        "association/consultation_detail.html",
        {
            "consultation": consultation,
            "intro": render_markdown(consultation.intro),
            "attachments": consultation.attachments.select_related("document"),
            "form": form,
            "answered": answered,
            "in_audience": in_audience(request.user, consultation),
            "can_see_results": can_see_results(request.user, consultation),
        },
    )


@login_required
def consultation_results(request, slug):
    consultation = get_object_or_404(_visible(request.user), slug=slug)
    if not can_see_results(request.user, consultation):
        raise Http404
    respondents, per_question = results(consultation)
    return render(
        request,
        "association/consultation_results.html",
        {
            "consultation": consultation,
            "respondents": respondents,
            "per_question": per_question,
        },
    )
