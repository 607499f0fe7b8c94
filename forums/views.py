"""The forums' index, a category or closed group with its threads, and the
forms to start a thread, reply and edit (a thread page is in
thread_views.py). Permission questions go to permissions.py; writing goes
through services.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from network.pagination import paginate
from network.query_params import int_param
from network.uploads import serve_private

from . import membership, services
from .errors import ForumError, PossibleBSN
from .forms import EditPostForm, PostForm, ThreadForm
from .models import (
    Attachment,
    Category,
    Group,
    GroupMembership,
    MembershipStatus,
    Post,
    Thread,
)
from .permissions import (
    can_edit_post,
    can_read_place,
    can_view_post,
    can_view_thread,
    can_write_in,
    is_group_manager,
    is_moderator,
    readable_categories,
    readable_groups,
    visible_threads,
    write_refusal,
)
from .reading import activity_per_place, follows, unread_count, with_read_state

THREADS_PER_PAGE = 25


def index(request):
    user = request.user
    activity = activity_per_place(user, visible_threads(user))
    categories = list(readable_categories(user))
    groups = readable_groups(user)
    other_groups = (
        Group.objects.exclude(pk__in=groups.values("pk"))
        if user.is_authenticated
        else Group.objects.none()
    )
    return TemplateResponse(
        request,
        "forums/index.html",
        {
            "categories": [_with_activity(c, "c", activity) for c in categories],
            "groups": [_with_activity(g, "g", activity) for g in groups],
            "other_groups": other_groups,
            "pending": _membership_groups(user, MembershipStatus.REQUESTED),
            "invited": _membership_groups(user, MembershipStatus.INVITED),
            "is_moderator": is_moderator(user),
        },
    )


def _with_activity(place, kind: str, activity: dict) -> tuple:
    """(place, its unread posts), the place given its thread count and the
    time of its last post."""
    found = activity.get((kind, place.pk))
    place.thread_count = found.threads if found else 0
    place.last_activity = found.last_post_at if found else None
    return place, found.unread if found else 0


def _membership_groups(user, status) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(
        GroupMembership.objects.filter(user=user, status=status).values_list(
            "group_id", flat=True
        )
    )


def _place_page(request, place, template: str, extra=None):
    if not can_read_place(request.user, place):
        if isinstance(place, Group):
            return TemplateResponse(
                request, "forums/group_closed.html", {"group": place}, status=403
            )
        return TemplateResponse(
            request, "forums/members_only.html", {"place": place}, status=403
        )
    threads = visible_threads(request.user).filter(
        **({"group": place} if isinstance(place, Group) else {"category": place})
    )
    filter_solved = request.GET.get("toon")
    if filter_solved == "onbeantwoord":
        threads = threads.filter(kind="question", accepted_post__isnull=True)
    threads = with_read_state(threads.select_related("author"), request.user)
    page = paginate(request, threads, THREADS_PER_PAGE)
    for thread in page:
        thread.unread = unread_count(thread)
    context = {
        "place": place,
        "threads": page,
        "may_write": can_write_in(request.user, place),
        "following": follows(request.user, place),
        "filter": filter_solved,
    }
    context.update(extra or {})
    return TemplateResponse(request, template, context)


def category(request, slug):
    return _place_page(
        request, get_object_or_404(Category, slug=slug), "forums/category.html"
    )


def group(request, slug):
    group = get_object_or_404(Group, slug=slug)
    return _place_page(
        request,
        group,
        "forums/group.html",
        {"is_manager": is_group_manager(request.user, group)},
    )


def _write_error(form, error) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


def _submit(request, form, save):
    """The one way the forum's writing forms go: on POST, validate, then either
    preview or save through `save(cleaned_data)`. Returns (form, preview,
    saved). A possible BSN brings the form back with its confirmation box; any
    refusal lands next to the field, with what was typed kept."""
    if request.method != "POST" or not form.is_valid():
        return form, None, None
    if "preview" in request.POST:
        from .text import render_post

        return form, render_post(form.cleaned_data["body"]), None
    try:
        return form, None, save(form.cleaned_data)
    except PossibleBSN as error:
        form = type(form)(request.POST, request.FILES, ask_bsn_confirmation=True)
        form.is_valid()
        _write_error(form, error)
    except ForumError as error:
        _write_error(form, error)
    return form, None, None


@login_required
def new_thread(request, kind, slug):
    place = get_object_or_404(Group if kind == "g" else Category, slug=slug)
    refusal = write_refusal(request.user, place)
    if refusal is not None and refusal.code == "suspended":
        return TemplateResponse(
            request,
            "forums/suspended.html",
            {"place": place, "notice": refusal.message},
            status=403,
        )
    if refusal is not None:
        raise PermissionDenied
    form = ThreadForm(request.POST or None, request.FILES or None)
    form, preview, created = _submit(
        request,
        form,
        lambda data: services.start_thread(
            request.user,
            place,
            title=data["title"],
            body=data["body"],
            kind=data["kind"],
            attachments=data["attachments"],
            not_a_bsn=data["not_a_bsn"],
        ),
    )
    if created is not None:
        messages.success(request, _("Your thread is posted."))
        return redirect(created)
    status = 400 if request.method == "POST" and preview is None else 200
    return TemplateResponse(
        request,
        "forums/thread_form.html",
        {"form": form, "place": place, "preview": preview},
        status=status,
    )


@login_required
@require_POST
def reply(request, pk):
    # A merged thread takes no replies: they belong in the thread it joined.
    thread = get_object_or_404(Thread, pk=pk, merged_into__isnull=True)
    # A suspended member or a locked thread gets the service's message next to
    # the form; someone who may never write here gets a plain refusal.
    refusal = write_refusal(request.user, thread.place, thread)
    if refusal is not None and refusal.code == "forbidden":
        raise PermissionDenied
    form, preview, post = _submit(
        request,
        PostForm(request.POST, request.FILES),
        lambda data: services.reply(
            request.user,
            thread,
            body=data["body"],
            attachments=data["attachments"],
            not_a_bsn=data["not_a_bsn"],
        ),
    )
    if post is not None:
        return redirect(post.get_absolute_url())
    return TemplateResponse(
        request,
        "forums/reply_form.html",
        {
            "form": form,
            "thread": thread,
            "place": thread.place,
            "preview": preview,
        },
        status=200 if preview is not None else 400,
    )


@login_required
def edit_post(request, pk):
    post = get_object_or_404(Post.objects.select_related("thread"), pk=pk)
    if not can_edit_post(request.user, post):
        raise PermissionDenied
    form = EditPostForm(request.POST or None, initial={"body": post.body})
    form, _preview, saved = _submit(
        request,
        form,
        lambda data: services.edit_post(
            request.user, post, body=data["body"], not_a_bsn=data["not_a_bsn"]
        ),
    )
    if saved is not None:
        messages.success(request, _("Your changes are saved."))
        return redirect(post.get_absolute_url())
    return TemplateResponse(
        request,
        "forums/edit_form.html",
        {"form": form, "post": post, "thread": post.thread},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def post_history(request, pk):
    post = get_object_or_404(Post.objects.select_related("thread"), pk=pk)
    if not is_moderator(request.user):
        raise PermissionDenied
    return TemplateResponse(
        request,
        "forums/post_history.html",
        {"post": post, "thread": post.thread, "revisions": post.revisions.all()},
    )


def _visible_post(request, pk) -> Post:
    """The post, or a 404 for someone who may not see it: the answer (a
    redirect to its thread) would otherwise name a thread they cannot read."""
    post = get_object_or_404(
        Post.objects.select_related("thread__category", "thread__group"), pk=pk
    )
    if not can_view_post(request.user, post):
        raise Http404
    return post


@login_required
@require_POST
def helpful(request, pk):
    post = _visible_post(request, pk)
    try:
        services.toggle_helpful(request.user, post)
    except ForumError as error:
        messages.error(request, error.message)
    return redirect(post.get_absolute_url())


@login_required
@require_POST
def accept(request, pk):
    post = _visible_post(request, pk)
    try:
        thread = services.accept_answer(request.user, post)
    except ForumError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Marked as the answer.")
            if thread.accepted_post_id
            else _("No longer marked as the answer."),
        )
    return redirect(post.get_absolute_url())


@login_required
@require_POST
def follow(request):
    kinds = {
        "draad": (Thread, "thread"),
        "categorie": (Category, "category"),
        "groep": (Group, "group"),
    }
    kind = kinds.get(request.POST.get("soort", ""))
    if kind is None:
        raise Http404
    model, field = kind
    target = get_object_or_404(model, pk=int_param(request.POST, "id"))
    try:
        following = membership.toggle_follow(request.user, target)
    except ForumError as error:
        raise PermissionDenied from error
    messages.success(
        request,
        _("You follow this now: new posts arrive in your notifications.")
        if following
        else _("You no longer follow this."),
    )
    return redirect(target.get_absolute_url())


def attachment(request, pk):
    item = get_object_or_404(Attachment.objects.select_related("post__thread"), pk=pk)
    post = item.post
    if not can_view_thread(request.user, post.thread) or (
        post.is_hidden and not is_moderator(request.user)
    ):
        raise Http404
    return serve_private(item.file, name=item.name, content_type=item.content_type)


@login_required
@require_POST
def join_group(request, slug):
    group = get_object_or_404(Group, slug=slug)
    if membership.ask_to_join(request.user, group).status == MembershipStatus.ACTIVE:
        messages.success(request, _("Welcome to %(group)s.") % {"group": group.name})
        return redirect(group)
    messages.success(
        request,
        _("Your request is sent. A group manager decides; you get a notification."),
    )
    return redirect("forums:index")
