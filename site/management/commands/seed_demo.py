"""Build the demo site: page tree, Dutch news and knowledge, a news workflow and an
admin login. Safe to run again: what exists is left as it is."""

from urllib.parse import urlsplit

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import (
    GroupApprovalTask,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.rich_text import RichText

from demo import pages as demo
from demo import sector, sector_words
from demo.association import seed_consultations, seed_signals
from demo.events import seed_events
from demo.forums import seed_forums
from demo.helpdesk import seed_helpdesk
from demo.network import seed_network
from demo.newsletter import seed_newsletter
from demo.offers import seed_offers, seed_support_requests
from demo.search import seed_search_stats
from lecso_site.models import (
    HomePage,
    KnowledgeArticle,
    KnowledgeIndexPage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)
from network.models import Cluster

ADMIN_USERNAME = "admin"
ADMIN_EMAIL = "admin@example.org"
DEMO_ADMIN_PASSWORD = "lecso-demo"
NEWS_WORKFLOW_NAME = "Nieuwsredactie"


class Command(BaseCommand):
    help = "Create demo content and an admin login (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off (never on a production site).",
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off: this looks like production, where a demo admin with a "
                "known password must not exist. Use --force if you are sure."
            )
        with transaction.atomic():
            home = self.home_page()
            # Created in menu order: news, knowledge, about.
            news_index = self.child(
                home,
                NewsIndexPage,
                title="Nieuws",
                slug="nieuws",
                intro=demo.NEWS_INTRO,
            )
            knowledge_index = self.child(
                home,
                KnowledgeIndexPage,
                title="Kennisbank",
                slug="kennisbank",
                intro=demo.KNOWLEDGE_INTRO,
            )
            articles = {
                data["slug"]: self.knowledge_article(knowledge_index, data)
                for data in [
                    *demo.KNOWLEDGE,
                    *sector.KNOWLEDGE,
                    *sector_words.KNOWLEDGE,
                ]
            }
            for data in demo.NEWS:
                self.news_page(news_index, data, articles)
            self.about_pages(home)
            self.news_workflow(news_index)
            people = seed_network()
            offers = seed_offers()
            seed_support_requests()
            signals = seed_signals()
            seed_consultations()
            cases = seed_helpdesk(knowledge_index)
            created_admin = self.admin_user()
        # Outside the block above: the registrations' e-mails are dealt with when
        # the agenda's own transaction commits (see demo.events).
        events = seed_events(home)
        admin = get_user_model().objects.filter(username=ADMIN_USERNAME)
        threads = seed_forums(moderators=admin)
        issues = seed_newsletter(home)
        searches = seed_search_stats()
        self.report(created_admin)
        if people:
            self.stdout.write(f"  Directory: {people} demo people at 12 schools")
        if offers:
            self.stdout.write(
                f"  Offers: {offers} support offers at /aanbod/, with a few requests"
            )
        if issues:
            self.stdout.write(
                "  Newsletter: two sent issues and a draft at /nieuwsbrief/; send one "
                "from its page in the admin (Send)"
            )
        if cases:
            self.stdout.write(
                f"  Helpdesk: {cases} questions in every status under Helpdesk in "
                "the admin; one became a question-and-answer in the knowledge base"
            )
        if signals:
            self.stdout.write(
                f"  Signals: {signals} demo signals and a dossier in the admin, "
                "under Signalen; consultations at /raadplegingen/"
            )
        if events:
            self.stdout.write(f"  Agenda: {events} demo events at /agenda/")
        if threads:
            self.stdout.write(f"  Forum:  {threads} demo threads at /forum/")
        if searches:
            self.stdout.write(
                "  Search: /zoeken/; four weeks of demo search statistics under "
                "Reports in the admin"
            )

    # --- page tree ------------------------------------------------------------

    def home_page(self) -> HomePage:
        home = HomePage.objects.first()
        if home is None:
            root = Page.get_first_root_node()
            # Wagtail's install leaves a placeholder "Welcome" page; make room for ours.
            for placeholder in root.get_children().filter(
                content_type__model="page", content_type__app_label="wagtailcore"
            ):
                placeholder.delete()
            home = root.add_child(
                instance=HomePage(
                    title="Samen sterk in speciaal onderwijs",
                    slug="home",
                    intro=demo.HOME_INTRO,
                )
            )
            home.save_revision().publish()
        base_url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={
                "hostname": base_url.hostname or "localhost",
                "port": base_url.port or (443 if base_url.scheme == "https" else 80),
                "site_name": "LECSO",
                "root_page": home,
            },
        )
        return home

    def child(self, parent: Page, model, *, slug: str, show_in_menus=True, **fields):
        existing = model.objects.child_of(parent).filter(slug=slug).first()
        if existing is not None:
            return existing
        page = parent.add_child(
            instance=model(slug=slug, show_in_menus=show_in_menus, **fields)
        )
        page.save_revision().publish()
        return page

    def knowledge_article(self, index: KnowledgeIndexPage, data: dict):
        existing = KnowledgeArticle.objects.child_of(index).filter(slug=data["slug"])
        if existing.exists():
            return existing.get()
        article = KnowledgeArticle(
            title=data["title"],
            slug=data["slug"],
            intro=data["intro"],
            audience=data["audience"],
            body=self.stream(data["body"]),
        )
        article.clusters.set(Cluster.objects.filter(number__in=data["clusters"]))
        article.tags.set(data["tags"])
        index.add_child(instance=article)
        article.save_revision().publish()
        return article

    def news_page(self, index: NewsIndexPage, data: dict, articles: dict):
        if NewsPage.objects.child_of(index).filter(slug=data["slug"]).exists():
            return
        body = []
        for block_type, value in data["body"]:
            if block_type == "call_to_action" and isinstance(value.get("page"), str):
                value = {**value, "page": articles[value["page"]]}
            body.append((block_type, value))
        page = NewsPage(
            title=data["title"],
            slug=data["slug"],
            intro=data["intro"],
            theme=data["theme"],
            date=demo.news_date(data["days_ago"]),
            body=self.stream(body),
        )
        page.tags.set(data["tags"])
        index.add_child(instance=page)
        page.save_revision().publish()

    def about_pages(self, home: HomePage):
        about_data = demo.ABOUT
        about = self.child(
            home,
            StandardPage,
            title=about_data["title"],
            slug=about_data["slug"],
            intro=about_data["intro"],
            body=self.stream(about_data["body"]),
        )
        for data in about_data["children"]:
            self.child(
                about,
                StandardPage,
                title=data["title"],
                slug=data["slug"],
                intro=data["intro"],
                body=self.stream(data["body"]),
            )

    @staticmethod
    def stream(blocks):
        return [
            (kind, RichText(value) if kind == "paragraph" else value)
            for kind, value in blocks
        ]

    # --- workflow and people --------------------------------------------------

    def news_workflow(self, news_index: NewsIndexPage):
        """News goes through moderators before it is published."""
        workflow, _ = Workflow.objects.get_or_create(name=NEWS_WORKFLOW_NAME)
        if not WorkflowTask.objects.filter(workflow=workflow).exists():
            task, _ = GroupApprovalTask.objects.get_or_create(name="Eindredactie")
            task.groups.set(Group.objects.filter(name="Moderators"))
            # Workflow is a ClusterableModel: its related manager would only stage
            # the row in memory, so the link is created directly.
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        WorkflowPage.objects.update_or_create(
            page=news_index, defaults={"workflow": workflow}
        )

    def admin_user(self) -> bool:
        User = get_user_model()
        if User.objects.filter(username=ADMIN_USERNAME).exists():
            return False
        admin = User.objects.create_superuser(
            ADMIN_USERNAME, ADMIN_EMAIL, DEMO_ADMIN_PASSWORD, first_name="Beheerder"
        )
        # Sign-in is by verified e-mail address; the demo's is verified already.
        EmailAddress.objects.create(
            user=admin, email=ADMIN_EMAIL, verified=True, primary=True
        )
        return True

    def report(self, created_admin: bool):
        base = settings.WAGTAILADMIN_BASE_URL
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        self.stdout.write(f"  Site:   {base}/")
        self.stdout.write(f"  Admin:  {base}/admin/")
        if created_admin:
            self.stdout.write(
                f"  Login:  {ADMIN_EMAIL} / {DEMO_ADMIN_PASSWORD}  (demo only)"
            )
        else:
            self.stdout.write(
                f"  Login:  {ADMIN_EMAIL} (exists; demo password was "
                f"{DEMO_ADMIN_PASSWORD} unless you changed it)"
            )
