"""A member's signals to the association, and the dossiers it publishes.
Someone who may not see a signal gets 404, so its existence does not leak."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from network.pagination import paginate
from network.text import render_markdown

from .forms import ReporterMessageForm, SignalForm
from .models import Dossier, MessageKind, Signal
from .permissions import can_read_dossiers, can_report, can_see_signal, reporting_school
from .services import add_reporter_message, report_signal

SIGNALS_PER_PAGE = 25


@login_required
def signal_list(request):
    if not can_report(request.user):
        return render(request, "association/not_member.html", status=403)
    signals = (
        Signal.objects.filter(reporter=request.user)
        .select_related("theme")
        .order_by("-created_at", "-pk")
    )
    return render(
        request,
        "association/signal_list.html",
        {"signals": paginate(request, signals, SIGNALS_PER_PAGE)},
    )


@login_required
def signal_new(request):
    if not can_report(request.user):
        return render(request, "association/not_member.html", status=403)
    school = reporting_school(request.user)
    form = SignalForm(request.POST or None, school=school)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "not_a_bsn"}
        signal = report_signal(request.user, **data)
        messages.success(
            request,
            _("Thank you. Your signal has reached the association's policy advisers."),
        )
        return redirect(signal)
    return render(
        request, "association/signal_form.html", {"form": form, "school": school}
    )


@login_required
def signal_detail(request, pk):
    signal = get_object_or_404(
        Signal.objects.select_related("theme", "school", "dossier"), pk=pk
    )
    if not can_see_signal(request.user, signal):
        raise Http404
    is_reporter = signal.reporter_id == request.user.pk
    form = ReporterMessageForm(request.POST or None) if is_reporter else None
    if form is not None and request.method == "POST" and form.is_valid():
        add_reporter_message(signal, request.user, form.cleaned_data["text"])
        messages.success(request, _("Your addition has been sent."))
        return redirect(signal)
    shown = signal.messages.exclude(kind=MessageKind.NOTE).select_related("author")
    published = (
        signal.dossier if signal.dossier and signal.dossier.published_at else None
    )
    return render(
        request,
        "association/signal_detail.html",
        {
            "signal": signal,
            "signal_messages": shown,
            "form": form,
            "dossier": published,
        },
    )


@login_required
def dossier_list(request):
    if not can_read_dossiers(request.user):
        return render(request, "association/not_member.html", status=403)
    dossiers = Dossier.objects.filter(published_at__lte=timezone.now()).order_by(
        "-published_at"
    )
    return render(request, "association/dossier_list.html", {"dossiers": dossiers})


@login_required
def dossier_detail(request, slug):
    dossier = get_object_or_404(Dossier, slug=slug, published_at__lte=timezone.now())
    if not can_read_dossiers(request.user):
        raise Http404
    return render(
        request,
        "association/dossier_detail.html",
        {
            "dossier": dossier,
            "summary": render_markdown(dossier.summary),
            # Counted in schools, and shown as "fewer than 5" below five.
            "school_count": dossier.signals.values("school").distinct().count(),
        },
    )
