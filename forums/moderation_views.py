"""Moderation pages: the report form members use, and for moderators the
queue of open reports, a page per post and per thread with the actions on it,
suspending a member, and the log. Every action goes through
moderation_services.py; a view parses the form, calls it and renders."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from network.pagination import paginate

from . import moderation_services as moderation
from .errors import ForumError
from .models import Category, Group, ModerationLog, Post, Report, Thread
from .permissions import can_view_post, current_suspension, is_moderator

REPORTS_PER_PAGE = 25
LOG_ENTRIES_PER_PAGE = 50


# Forms --------------------------------------------------------------------


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("Kept in the moderation log, for other moderators."),
    )

    def __init__(self, *args, reason_required=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = reason_required
        if not reason_required:
            self.fields["reason"].label = gettext_lazy("Reason (optional)")


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("What is wrong with this message?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy(
            "Only the moderators read this. They decide whether the message stays."
        ),
    )


class MoveForm(ReasonForm):
    place = forms.ChoiceField(label=gettext_lazy("Move to"))
    field_order = ["place", "reason"]

    def __init__(self, *args, thread, **kwargs):
        super().__init__(*args, **kwargs)
        categories = [
            (f"c-{c.pk}", c.name)
            for c in Category.objects.exclude(pk=thread.category_id or 0)
        ]
        groups = [
            (f"g-{g.pk}", g.name)
            for g in Group.objects.exclude(pk=thread.group_id or 0)
        ]
        choices = [("", gettext_lazy("Choose a category or group"))]
        if categories:
            choices.append((gettext_lazy("Categories"), categories))
        if groups:
            choices.append((gettext_lazy("Closed groups"), groups))
        self.fields["place"].choices = choices

    def clean_place(self):
        kind, _sep, pk = self.cleaned_data["place"].partition("-")
        model = Group if kind == "g" else Category
        place = model.objects.filter(pk=pk).first()
        if place is None:
            raise forms.ValidationError(_("Choose a category or group."))
        return place


class MergeForm(ReasonForm):
    target = forms.IntegerField(
        label=gettext_lazy("Number of the thread to merge into"),
        min_value=1,
        help_text=gettext_lazy(
            "The number at the start of that thread's address: 123 in "
            "/forum/draad/123-title/. The posts of this thread go to its end."
        ),
    )
    field_order = ["target", "reason"]

    def clean_target(self):
        target = Thread.objects.filter(pk=self.cleaned_data["target"]).first()
        if target is None:
            raise forms.ValidationError(_("There is no thread with this number."))
        return target


class SuspendForm(ReasonForm):
    days = forms.IntegerField(
        label=gettext_lazy("Number of days"),
        min_value=1,
        max_value=moderation.MAX_SUSPENSION_DAYS,
        initial=7,
        help_text=gettext_lazy("The member can still read, but not post."),
    )
    field_order = ["days", "reason"]


# Helpers ------------------------------------------------------------------


def _moderators_only(view):
    """Signed in (else to the sign-in page) and a moderator (else 403)."""

    @login_required
    def wrapped(request, *args, **kwargs):
        if not is_moderator(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def _form_error(form, error: ForumError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


# Member-facing -------------------------------------------------------------


@login_required
def report(request, pk):
    """Report a post to the moderators: for anyone signed in who can read the
    thread, except the post's author."""
    post = get_object_or_404(Post.objects.select_related("thread"), pk=pk)
    if not can_view_post(request.user, post) or post.author_id == request.user.pk:
        raise PermissionDenied
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            moderation.report_post(
                request.user, post, reason=form.cleaned_data["reason"]
            )
        except ForumError as error:
            _form_error(form, error)
        else:
            messages.success(
                request,
                _("Thank you. A moderator will look at the message you reported."),
            )
            return redirect(post.get_absolute_url())
    return TemplateResponse(
        request,
        "forums/moderation/report.html",
        {"form": form, "post": post, "thread": post.thread, "place": post.thread.place},
        status=400 if request.method == "POST" else 200,
    )


# Moderators ---------------------------------------------------------------


@_moderators_only
def queue(request):
    """Open reports, oldest first."""
    return TemplateResponse(
        request,
        "forums/moderation/queue.html",
        {"reports": paginate(request, moderation.open_reports(), REPORTS_PER_PAGE)},
    )


@_moderators_only
@require_POST
def resolve_report(request, pk):
    report = get_object_or_404(Report, pk=pk)
    # The queue sends no reason; one sent anyway is checked like any other.
    form = ReasonForm(request.POST, reason_required=False)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["reason"]))
        return redirect("forums:moderation_queue")
    try:
        moderation.resolve_report(
            request.user, report, reason=form.cleaned_data["reason"]
        )
    except ForumError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The report is marked as handled."))
    return redirect("forums:moderation_queue")


@_moderators_only
def moderate_post(request, pk):
    """Hide or restore one post, with the reports on it."""
    post = get_object_or_404(
        Post.objects.select_related("thread", "author__profile"), pk=pk
    )
    if request.method == "POST":
        action = request.POST.get("action")
    else:
        action = "restore" if post.is_hidden else "hide"
    form = ReasonForm(request.POST or None, reason_required=action == "hide")
    if request.method == "POST":
        if action not in ("hide", "restore"):
            form.add_error(None, _("Choose what to do."))
        elif form.is_valid():
            service = (
                moderation.hide_post if action == "hide" else moderation.restore_post
            )
            try:
                service(request.user, post, reason=form.cleaned_data["reason"])
            except ForumError as error:
                _form_error(form, error)
            else:
                messages.success(
                    request,
                    _("The message is hidden.")
                    if action == "hide"
                    else _("The message is visible again."),
                )
                return redirect(post.get_absolute_url())
    return TemplateResponse(
        request,
        "forums/moderation/post.html",
        {
            "form": form,
            "post": post,
            "thread": post.thread,
            "place": post.thread.place,
            "reports": post.reports.select_related("reporter__profile").order_by(
                "resolved_at", "created_at"
            ),
            "is_moderator": True,
        },
        status=400 if request.method == "POST" else 200,
    )


# action: (prefix of its form, service)
THREAD_ACTIONS = {
    "lock": ("lock", moderation.lock_thread),
    "unlock": ("lock", moderation.unlock_thread),
    "pin": ("pin", moderation.pin_thread),
    "unpin": ("pin", moderation.unpin_thread),
    "hide": ("hide", moderation.hide_thread),
    "restore": ("hide", moderation.restore_thread),
    "move": ("move", moderation.move_thread),
    "merge": ("merge", moderation.merge_threads),
}

THREAD_DONE = {
    "lock": gettext_lazy("The thread is closed for new replies."),
    "unlock": gettext_lazy("The thread is open for replies again."),
    "pin": gettext_lazy("The thread is pinned."),
    "unpin": gettext_lazy("The thread is no longer pinned."),
    "hide": gettext_lazy("The thread is hidden."),
    "restore": gettext_lazy("The thread is visible again."),
    "move": gettext_lazy("The thread is moved."),
    "merge": gettext_lazy("The threads are merged."),
}


def _thread_forms(thread, data=None, bound_prefix=None) -> dict:
    def bind(prefix):
        return data if prefix == bound_prefix else None

    return {
        prefix: form_class(bind(prefix), prefix=prefix, **extra)
        for prefix, form_class, extra in [
            ("lock", ReasonForm, {}),
            ("pin", ReasonForm, {}),
            ("hide", ReasonForm, {}),
            ("move", MoveForm, {"thread": thread}),
            ("merge", MergeForm, {}),
        ]
    }


@_moderators_only
def moderate_thread(request, pk):
    """Lock, pin, hide, move or merge a thread; each asks for a reason."""
    thread = get_object_or_404(
        Thread.objects.select_related("category", "group"), pk=pk
    )
    action = request.POST.get("action") if request.method == "POST" else None
    if action is not None and action not in THREAD_ACTIONS:
        action = None
        messages.error(request, _("Choose what to do."))
    prefix, service = THREAD_ACTIONS.get(action, (None, None))
    forms_by_prefix = _thread_forms(thread, request.POST or None, prefix)
    if action is not None:
        form = forms_by_prefix[prefix]
        if form.is_valid():
            data = form.cleaned_data
            try:
                if action == "move":
                    result = service(
                        request.user, thread, data["place"], reason=data["reason"]
                    )
                elif action == "merge":
                    result = service(
                        request.user, thread, data["target"], reason=data["reason"]
                    )
                else:
                    result = service(request.user, thread, reason=data["reason"])
            except ForumError as error:
                _form_error(form, error)
            else:
                messages.success(request, THREAD_DONE[action])
                return redirect(result)
    return TemplateResponse(
        request,
        "forums/moderation/thread.html",
        {
            "thread": thread,
            "place": thread.place,
            "forms": forms_by_prefix,
            "has_errors": any(f.errors for f in forms_by_prefix.values()),
        },
        status=400 if request.method == "POST" else 200,
    )


@_moderators_only
def suspend(request, pk):
    """Stop a member from posting for a number of days."""
    member = get_object_or_404(
        get_user_model().objects.select_related("profile"), pk=pk
    )
    form = SuspendForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            moderation.suspend_member(
                request.user,
                member,
                days=form.cleaned_data["days"],
                reason=form.cleaned_data["reason"],
            )
        except ForumError as error:
            _form_error(form, error)
        else:
            messages.success(
                request,
                _("%(name)s is suspended from posting.")
                % {"name": member.name_for_others(member.username)},
            )
            return redirect("forums:moderation_log")
    return TemplateResponse(
        request,
        "forums/moderation/suspend.html",
        {
            "form": form,
            "member": member,
            "name": member.name_for_others(member.username),
            "running": current_suspension(member),
            "past": member.forum_suspensions.select_related("by__profile").order_by(
                "-created_at"
            ),
        },
        status=400 if request.method == "POST" else 200,
    )


@_moderators_only
def log(request):
    """Every moderation action, newest first, with who and why."""
    entries = ModerationLog.objects.select_related(
        "actor__profile",
        "thread__merged_into",
        "post__thread",
        "target_user__profile",
    ).order_by("-created_at", "-pk")
    return TemplateResponse(
        request,
        "forums/moderation/log.html",
        {"entries": paginate(request, entries, LOG_ENTRIES_PER_PAGE)},
    )
