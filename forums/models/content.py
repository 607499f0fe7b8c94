"""Threads and posts. Each post has a position in its thread, given under a
lock when it is written, so a page of a long thread is a range of positions:
as fast for page 200 of 5,000 posts as for page 1."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from network.uploads import private_storage

from .structure import Category, Group

POSTS_PER_PAGE = 20
SEARCHED_POSTS = 25


class ThreadKind(models.TextChoices):
    DISCUSSION = "discussion", _("Discussion")
    QUESTION = "question", _("Question")


class Thread(index.Indexed, models.Model):
    category = models.ForeignKey(
        Category,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="threads",
    )
    group = models.ForeignKey(
        Group, on_delete=models.CASCADE, null=True, blank=True, related_name="threads"
    )
    title = models.CharField(_("title"), max_length=150)
    kind = models.CharField(
        _("kind"),
        max_length=10,
        choices=ThreadKind.choices,
        default=ThreadKind.QUESTION,
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="forum_threads",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_post_at = models.DateTimeField(db_index=True)
    post_count = models.PositiveIntegerField(default=0)
    accepted_post = models.ForeignKey(
        "Post", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    is_locked = models.BooleanField(_("locked"), default=False)
    is_pinned = models.BooleanField(_("pinned"), default=False)
    is_hidden = models.BooleanField(_("hidden"), default=False)
    merged_into = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Rises by one with every change an open page must show (a post written,
    # edited, hidden, restored or merged in); each post keeps the version of
    # its last change. A page that knows version N asks for what is newer, so
    # a live message lost on the way is found and fetched (live.py).
    version = models.PositiveIntegerField(default=0)

    # Found by its title, opening post, accepted answer and first replies (see
    # search_body); who may see it is filtered on category, group and state.
    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("search_body"),
        index.FilterField("id"),
        index.FilterField("category"),
        index.FilterField("group"),
        index.FilterField("is_hidden"),
        index.FilterField("merged_into"),
        index.FilterField("last_post_at"),
        # Solved helpdesk questions are suggested to a member asking the
        # association's helpdesk (lecso_site.helpdesk_knowledge).
        index.FilterField("accepted_post"),
    ]

    class Meta:
        ordering = ["-is_pinned", "-last_post_at"]
        permissions = [("moderate", "Can moderate the forums")]
        constraints = [
            models.CheckConstraint(
                condition=(Q(category__isnull=False) & Q(group__isnull=True))
                | (Q(category__isnull=True) & Q(group__isnull=False)),
                name="thread_in_a_category_or_a_group",
            )
        ]
        indexes = [
            models.Index(fields=["category", "-is_pinned", "-last_post_at"]),
            models.Index(fields=["group", "-is_pinned", "-last_post_at"]),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("forums:thread", args=[self.pk, self.slug])

    @property
    def slug(self) -> str:
        return slugify(self.title)[:60] or "draad"

    @property
    def is_solved(self) -> bool:
        return self.accepted_post_id is not None

    @property
    def place(self):
        return self.category or self.group

    @property
    def last_page(self) -> int:
        return max((self.post_count - 1) // POSTS_PER_PAGE + 1, 1)

    def search_body(self) -> str:
        """The text search knows this thread by. A 5,000-post thread is not read
        whole on every reply: the opening post, the accepted answer and the
        first replies carry what people look for."""
        posts = self.posts.filter(is_hidden=False).order_by("position")
        bodies = list(posts.values_list("body", flat=True)[:SEARCHED_POSTS])
        if self.accepted_post_id and not self.accepted_post.is_hidden:
            bodies.append(self.accepted_post.body)
        return "\n".join(bodies)


class Post(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="forum_posts",
    )
    position = models.PositiveIntegerField()
    body = models.TextField(_("message"), max_length=20000)
    # Rendered from Markdown and cleaned with nh3 when saved; templates show this.
    body_html = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    is_hidden = models.BooleanField(default=False)
    helpful_count = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["thread", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["thread", "position"], name="one_post_per_position"
            )
        ]
        # An open page catching up asks for the posts changed after its version.
        indexes = [models.Index(fields=["thread", "version"])]

    def __str__(self) -> str:
        return f"{self.thread} #{self.position}"

    def get_absolute_url(self) -> str:
        url = self.thread.get_absolute_url()
        query = f"?pagina={self.page}" if self.page > 1 else ""
        return f"{url}{query}#bericht-{self.position}"

    @property
    def page(self) -> int:
        return (self.position - 1) // POSTS_PER_PAGE + 1

    @cached_property
    def shown_attachments(self) -> list:
        """The attachments shown with the post; a page of posts sets them for
        all its posts from one query (forums.rendering)."""
        return list(self.attachments.all())

    @cached_property
    def author_name(self) -> str:
        if self.author_id is None:
            return str(_("Former member"))
        return display_name(self.author)


def display_name(user) -> str:
    """How a person is named to others in the forum."""
    return user.name_for_others(str(_("A member of the network")))


class PostRevision(models.Model):
    """The text before an edit; moderators see the history."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    body = models.TextField()
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.post} ({self.created_at:%Y-%m-%d %H:%M})"


class Reaction(models.Model):
    """A "helpful" mark; one per person per post."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reactions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "user"], name="one_reaction_each")
        ]

    def __str__(self) -> str:
        return f"{self.user} finds {self.post} helpful"


class Attachment(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(storage=private_storage, upload_to="forum/%Y/%m/")
    name = models.CharField(max_length=200)
    size = models.PositiveIntegerField()
    content_type = models.CharField(max_length=100)

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("forums:attachment", args=[self.pk])

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")
