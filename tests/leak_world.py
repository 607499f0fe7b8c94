"""One item of every private kind the site holds, each marked with canaries.

A canary is a unique word (lower-case letters and digits, so it survives
slugs, HTML escaping and Markdown) put in every text field of a private item,
together with the roles that may see it. The leak sweep then asks every URL and
socket as every role and looks for canaries that role may not see.

Roles are the people the sweep signs in as:

- ``visitor``: no account;
- ``outsider``: an account without a member school (a mainstream school's IB'er);
- ``other_member``: a member at another school, in no closed group;
- ``group_member``: a member who manages the closed group;
- ``owner``: the member who owns most private items (their question, notification,
  registrations, report, join request, invitation);
- ``hidden_owner``: a member whose profile is hidden and who is suspended.

Every role's e-mail address is a canary only that role may see: nobody is ever
shown another person's address.
"""

import datetime
import secrets
import string

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Permission
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction
from wagtail.rich_text import RichText

ROLES = (
    "visitor",
    "outsider",
    "other_member",
    "group_member",
    "owner",
    "hidden_owner",
)
MEMBERS = frozenset({"other_member", "group_member", "owner", "hidden_owner"})
# A word every private text also holds, to search and filter for.
NEEDLE = "kanariepiet"


def _body(text: str):
    return [("paragraph", RichText(f"<p>{text}</p>"))]


class World:
    """Named handles on the items, and every canary with who may see it."""

    def __init__(self):
        self.canaries: dict[str, frozenset[str]] = {}
        self.users: dict = {"visitor": None}

    def canary(self, label: str, allowed=frozenset()) -> str:
        # Letters only: digits could add up to something the BSN guard stops.
        word = (
            "zq"
            + label
            + "".join(secrets.choice(string.ascii_lowercase) for _ in range(8))
        )
        self.canaries[word] = frozenset(allowed)
        return word

    def text(self, label: str, allowed=frozenset()) -> str:
        """A sentence with a fresh canary and the needle, for a text field."""
        return f"{NEEDLE} {self.canary(label, allowed)} tekst"

    def forbidden_for(self, role: str) -> set[str]:
        return {word for word, allowed in self.canaries.items() if role not in allowed}


def build_world(home) -> World:
    """Everything below `home`, which the `home` fixture made."""
    w = World()
    _people(w)
    _forum(w)
    _events(w, home)
    _pages(w, home)
    _network_items(w)
    _offers(w)
    _signals(w)
    _consultations(w)
    _helpdesk(w)
    _newsletter(w, home)
    _search_log(w)
    return w


# People ---------------------------------------------------------------------


def _people(w: World) -> None:
    from network.models import Affiliation, Board, Profile, School

    board = Board.objects.create(name="Stichting Kans", number="41001", is_member=True)
    w.school_a = School.objects.create(
        name="De Burcht", brin="12AB", board=board, city="Zwolle", province="OV"
    )
    w.school_b = School.objects.create(
        name="De Horizon", brin="34CD", board=board, city="Utrecht", province="UT"
    )
    users = get_user_model().objects

    def person(role, name, school, *, visibility="members", coordinator=False, **f):
        email = f"{w.canary('mail', {role})}@school.nl"
        user = users.create_user(
            username=role, email=email, password=None, date_joined=_days_ago(90)
        )
        if school is not None:
            profile = Profile.objects.create(
                user=user, name=name, visibility=visibility, **f
            )
            Affiliation.objects.create(
                profile=profile, school=school, is_coordinator=coordinator
            )
        w.users[role] = user
        return user

    # Public people, never swept: their names may show anywhere.
    w.expert = person(
        "expert",
        "Petra Publiek",
        w.school_b,
        visibility="public",
        open_for_questions=True,
        job_title="Gedragsspecialist",
    )
    w.organiser = person(
        "organiser", f"Olga {w.canary('organisername', MEMBERS)}", w.school_b
    )
    w.hidden_organiser = person(
        "hidden_organiser",
        f"Henk {w.canary('hiddenorganiser')}",
        w.school_b,
        visibility="hidden",
    )
    w.moderator = person("moderator", "Mo Moderator", w.school_b)
    w.moderator.user_permissions.add(Permission.objects.get(codename="moderate"))
    w.moderator = users.get(pk=w.moderator.pk)

    seen_by_members = MEMBERS
    w.owner = person(
        "owner",
        f"Olaf {w.canary('ownername', seen_by_members)}",
        w.school_a,
        coordinator=True,
        job_title=w.text("ownerjob", seen_by_members),
        bio=w.text("ownerbio", seen_by_members),
    )
    w.owner.profile.topics.set([w.canary("ownertopic", seen_by_members)])
    w.hidden_owner = person(
        "hidden_owner",
        f"Vera {w.canary('hiddenname', {'hidden_owner'})}",
        w.school_a,
        visibility="hidden",
        job_title=w.text("hiddenjob", {"hidden_owner"}),
        bio=w.text("hiddenbio", {"hidden_owner"}),
    )
    w.hidden_owner.profile.topics.set([w.canary("hiddentopic", {"hidden_owner"})])
    w.other_member = person("other_member", "Bram Ander", w.school_b)
    w.group_member = person("group_member", "Greet Groep", w.school_b)
    w.outsider = person("outsider", "", None)
    for unswept in ("expert", "organiser", "hidden_organiser", "moderator"):
        del w.users[unswept]


def _days_ago(days: int):
    return timezone.now() - datetime.timedelta(days=days)


# Forum ----------------------------------------------------------------------


def _forum(w: World) -> None:
    from forums import moderation_services as moderation
    from forums import services
    from forums.models import Category, Group, GroupMembership, MembershipStatus

    w.public_category = Category.objects.create(
        name="Open vragen", slug="open", visible_to_visitors=True
    )
    w.members_category = Category.objects.create(name="Gedrag", slug="gedrag")
    w.group = Group.objects.create(name="Werkgroep Noord", slug="noord")
    w.group_membership = GroupMembership.objects.create(
        group=w.group,
        user=w.group_member,
        status=MembershipStatus.ACTIVE,
        is_manager=True,
    )
    # The owner asked to join; a manager has not decided yet.
    w.join_request = GroupMembership.objects.create(
        group=w.group, user=w.owner, status=MembershipStatus.REQUESTED
    )

    in_group = {"group_member"}
    attachment = SimpleUploadedFile(
        f"{w.canary('attachname', in_group)}.txt",
        w.text("attachcontent", in_group).encode(),
        content_type="text/plain",
    )
    w.closed_thread = services.start_thread(
        w.group_member,
        w.group,
        title=f"Overleg {w.canary('closedtitle', in_group)}",
        body=w.text("closedbody", in_group),
        attachments=[attachment],
    )
    w.closed_reply = services.reply(
        w.group_member, w.closed_thread, body=w.text("closedreply", in_group)
    )
    w.attachment = w.closed_thread.posts.get(position=1).attachments.get()

    w.members_thread = services.start_thread(
        w.expert,
        w.members_category,
        title=f"Ledenvraag {w.canary('memberstitle', MEMBERS)}",
        body=w.text("membersbody", MEMBERS),
    )

    w.public_thread = services.start_thread(
        w.expert, w.public_category, title="Openbare vraag", body="Wie weet raad?"
    )
    w.edited_post = services.reply(
        w.expert, w.public_thread, body=w.text("beforeedit", set())
    )
    services.edit_post(w.expert, w.edited_post, body="Aangepast antwoord.")
    w.hidden_post = services.reply(
        w.expert, w.public_thread, body=w.text("hiddenpost", set())
    )
    moderation.hide_post(w.moderator, w.hidden_post, reason=w.text("hidereason", set()))
    w.report = moderation.report_post(
        w.owner, w.edited_post, reason=w.text("report", {"owner"})
    )

    w.hidden_thread = services.start_thread(
        w.expert,
        w.public_category,
        title=f"Verborgen {w.canary('hiddentitle', set())}",
        body=w.text("hiddenthreadbody", set()),
    )
    moderation.hide_thread(
        w.moderator, w.hidden_thread, reason=w.text("hidethread", set())
    )

    # A thread in the open category merged into the closed group's thread: its
    # old address must not lead an outsider to the closed one.
    w.merged_thread = services.start_thread(
        w.group_member,
        w.public_category,
        title=f"Dubbel {w.canary('mergedtitle', in_group)}",
        body=w.text("mergedbody", in_group),
    )
    moderation.merge_threads(
        w.moderator, w.merged_thread, w.closed_thread, reason="Dubbel"
    )
    w.merged_thread.refresh_from_db()
    w.closed_thread.refresh_from_db()

    w.suspension = moderation.suspend_member(
        w.moderator,
        w.hidden_owner,
        days=3,
        reason=w.text("suspension", {"hidden_owner"}),
    )
    w.threads = [
        w.closed_thread,
        w.members_thread,
        w.public_thread,
        w.hidden_thread,
        w.merged_thread,
    ]
    w.posts = [
        w.closed_thread.posts.get(position=1),
        w.closed_reply,
        w.members_thread.posts.get(position=1),
        w.edited_post,
        w.hidden_post,
        w.hidden_thread.posts.get(position=1),
    ]


# Events ---------------------------------------------------------------------


def _events(w: World, home) -> None:
    from events.messaging import notify_attendees
    from events.models import (
        EventIndexPage,
        EventOrganiser,
        EventPage,
        EventQuestion,
        OrganiserMessage,
    )
    from events.services import register

    w.agenda = EventIndexPage(title="Agenda", slug="agenda")
    home.add_child(instance=w.agenda)
    start = timezone.now() + datetime.timedelta(days=10)

    def event(title, **fields):
        page = EventPage(
            title=title,
            start=start,
            end=start + datetime.timedelta(hours=2),
            capacity=20,
            **fields,
        )
        page.questions.add(EventQuestion(label="Dieetwensen", kind="text"))
        w.agenda.add_child(instance=page)
        page.save_revision().publish()
        EventOrganiser.objects.create(event=page, user=w.organiser, role="gastvrouw")
        EventOrganiser.objects.create(event=page, user=w.hidden_organiser)
        return EventPage.objects.get(pk=page.pk)

    registrant = {"owner"}
    w.members_event = event(
        "Ledenbijeenkomst online",
        audience="members",
        format="online",
        online_url=f"https://vergader.example/{w.canary('meetinglink', registrant)}",
    )
    w.open_event = event(
        "Open middag", audience="open", venue_name="De Brug", venue_city="Utrecht"
    )
    question = w.members_event.questions.get()
    w.registration = register(
        w.members_event,
        name=w.owner.profile.name,
        email=w.owner.email,
        user=w.owner,
        answers={str(question.pk): w.text("answer", registrant)},
    )
    w.visitor_registration = register(
        w.open_event,
        name=f"Bezoeker {w.canary('visitorname', set())}",
        email=f"{w.canary('visitormail', set())}@elders.nl",
    )
    w.owner_open_registration = register(
        w.open_event, name=w.owner.profile.name, email=w.owner.email, user=w.owner
    )
    # An organiser's message to everyone with a seat: theirs and the owner's.
    w.organiser_message = OrganiserMessage.objects.create(
        event=w.members_event,
        sender=w.organiser,
        subject=f"Bericht {w.canary('organisersubject', registrant)}",
        body=w.text("organiserbody", registrant),
        recipient_count=1,
    )
    notify_attendees(w.organiser_message, [w.registration])
    w.events = [w.members_event, w.open_event]


# Pages ----------------------------------------------------------------------


def _pages(w: World, home) -> None:
    from lecso_site.models import (
        KnowledgeArticle,
        KnowledgeIndexPage,
        NewsIndexPage,
        NewsPage,
        StandardPage,
    )

    news = NewsIndexPage(title="Nieuws", slug="nieuws")
    home.add_child(instance=news)
    news.save_revision().publish()
    knowledge = KnowledgeIndexPage(title="Kennisbank", slug="kennisbank")
    home.add_child(instance=knowledge)
    knowledge.save_revision().publish()

    w.draft_page = NewsPage(
        title=f"Concept {w.canary('drafttitle')}",
        slug="concept",
        date=datetime.date.today(),
        intro=w.text("draftintro"),
        body=_body(w.text("draftbody")),
        live=False,
    )
    news.add_child(instance=w.draft_page)
    w.draft_page.save_revision()

    w.revised_page = KnowledgeArticle(
        title="Ondersteunde communicatie",
        slug="communicatie",
        intro="Over communicatie.",
        body=_body("Gepubliceerde tekst."),
    )
    knowledge.add_child(instance=w.revised_page)
    w.revised_page.save_revision().publish()
    w.revised_page.title = f"Nieuwe versie {w.canary('revisiontitle')}"
    w.revised_page.body = _body(w.text("revisionbody"))
    w.revised_page.save_revision()  # not published

    w.restricted_page = StandardPage(
        title=f"Besloten {w.canary('restrictedtitle')}",
        slug="besloten",
        intro=w.text("restrictedintro"),
        body=_body(w.text("restrictedbody")),
    )
    home.add_child(instance=w.restricted_page)
    w.restricted_page.save_revision().publish()
    w.page_restriction = PageViewRestriction.objects.create(
        page=w.restricted_page,
        restriction_type=PageViewRestriction.PASSWORD,
        password="geheim-wachtwoord",
    )

    documents = get_document_model()
    w.public_document = documents.objects.create(
        title="Handreiking",
        file=ContentFile(b"Openbare handreiking", "handreiking.txt"),
    )
    restricted = Collection.get_first_root_node().add_child(name="Bestuur")
    w.collection_restriction = CollectionViewRestriction.objects.create(
        collection=restricted,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="geheim-wachtwoord",
    )
    w.private_document = documents.objects.create(
        title=f"Notulen {w.canary('doctitle')}",
        collection=restricted,
        file=ContentFile(w.text("doccontent").encode(), "notulen.txt"),
    )
    w.documents = [w.public_document, w.private_document]


# Questions, notifications, invitations ----------------------------------------


def _network_items(w: World) -> None:
    from network.contact import ask_expert, reply
    from network.models import Invitation
    from network.notifications import notify

    sender = {"owner"}
    w.question = ask_expert(
        w.expert.profile,
        user=w.owner,
        subject=f"Vraag {w.canary('questionsubject', sender)}",
        message=w.text("questionbody", sender),
        organisation="",
    )
    # The expert's answer is the asker's and the expert's alone.
    reply(w.question, w.expert, answer=w.text("expertanswer", sender))

    w.visitor_question = ask_expert(
        w.expert.profile,
        user=AnonymousUser(),
        subject=f"Bezoekersvraag {w.canary('visitorsubject')}",
        message=w.text("visitorquestion"),
        name=f"Bezoeker {w.canary('visitorsender')}",
        email=f"{w.canary('visitorsendermail')}@elders.nl",
        organisation=w.text("visitororganisation"),
    )
    w.notification = notify(
        w.owner,
        kind="test",
        title=f"Melding {w.canary('notetitle', sender)}",
        body=w.text("notebody", sender),
        url="/forum/",
    )
    w.invitation = Invitation.objects.create(
        email=f"{w.canary('invitee', sender)}@prive.nl",
        school=w.school_a,
        invited_by=w.owner,
    )


def _offers(w: World) -> None:
    """A published offer whose contact shares their profile with members only,
    and a draft only its school's coordinator (the owner) may see."""
    from network.models import SupportOffer

    w.offer = SupportOffer.objects.create(
        school=w.school_a,
        title="Advies bij gedrag",
        description=f"{NEEDLE} openbaar aanbod",
        kind="consultatie",
        provinces="OV",
        at_your_school=True,
        cost="gratis",
        contact=w.owner.profile,
        is_published=True,
    )
    from network.models import RequestStatus, SupportRequest

    # A member of another school asks; the owner (coordinator and contact)
    # answers. A colleague at the school who is neither sees nothing.
    asker_and_school = {"other_member", "owner"}
    w.support_request = SupportRequest.objects.create(
        offer=w.offer,
        offer_title=w.offer.title,
        school=w.school_a,
        sender=w.other_member,
        sender_name="Bram Ander",
        sender_school=f"School {w.canary('requestschool', asker_and_school)}",
        question=w.text("requestquestion", asker_and_school),
        pupil_need=w.text("requestneed", asker_and_school),
    )
    w.visitor_support_request = SupportRequest.objects.create(
        offer=w.offer,
        offer_title=w.offer.title,
        school=w.school_a,
        sender_name=f"Bezoeker {w.canary('requestvisitor')}",
        sender_email=f"{w.canary('requestmail')}@elders.nl",
        sender_school="Basisschool",
        question=w.text("visitorrequest"),
        pupil_need=w.text("visitorneed"),
        status=RequestStatus.UNCONFIRMED,
        confirmation_token="bevestig-een-onbekende-vraag",
    )
    w.draft_offer = SupportOffer.objects.create(
        school=w.school_a,
        title=f"Concept {w.canary('offertitle', {'owner'})}",
        description=w.text("offerbody", {"owner"}),
        kind="materialen",
        provinces="OV",
        online=True,
        cost="gratis",
    )


def _signals(w: World) -> None:
    """The owner's signal, with a reply they may read and an internal note
    nobody swept may; a dossier in draft and a published one for members."""
    from association.models import (
        Dossier,
        MessageKind,
        Signal,
        SignalMessage,
        SignalTheme,
    )

    w.dossier = Dossier.objects.create(
        title="Vervoer",
        slug="vervoer",
        summary=w.text("dossiertext", MEMBERS),
        published_at=timezone.now(),
    )
    w.draft_dossier = Dossier.objects.create(
        title=f"Concept {w.canary('dossierdraft')}",
        slug="concept-dossier",
        summary=w.text("dossierdraftbody"),
    )
    w.signal = Signal.objects.create(
        reporter=w.owner,
        school=w.school_a,
        province="OV",
        theme=SignalTheme.objects.get(slug="leerlingenvervoer"),
        what=w.text("signalwhat", {"owner"}),
        effect=w.text("signaleffect", {"owner"}),
        since="recent",
        alliance=f"SWV {w.canary('signalalliance', {'owner'})}",
        dossier=w.dossier,
    )
    SignalMessage.objects.create(
        signal=w.signal, kind=MessageKind.REPLY, text=w.text("signalreply", {"owner"})
    )
    SignalMessage.objects.create(
        signal=w.signal, kind=MessageKind.NOTE, text=w.text("signalnote")
    )


def _consultations(w: World) -> None:
    """An open consultation for members, which the owner answered in words
    only they (in their data export) and the advisers may read before it
    closes; a closed one whose results stay with the advisers."""
    from association.models import Answer, Consultation, Question, Response

    now = timezone.now()
    w.open_consultation = Consultation.objects.create(
        title="Standpunt thuiszitters",
        slug="standpunt-thuiszitters",
        intro=w.text("consultationintro", MEMBERS),
        opens_at=now - datetime.timedelta(days=1),
        closes_at=now + datetime.timedelta(days=5),
    )
    w.closed_consultation = Consultation.objects.create(
        title="Standpunt vervoer",
        slug="standpunt-vervoer",
        intro=w.text("closedintro", MEMBERS),
        opens_at=now - datetime.timedelta(days=20),
        closes_at=now - datetime.timedelta(days=1),
        results_for_members=False,
    )
    for consultation, label in (
        (w.open_consultation, "openanswer"),
        (w.closed_consultation, "closedanswer"),
    ):
        question = Question.objects.create(
            consultation=consultation, text="Toelichting", kind="open"
        )
        response = Response.objects.create(consultation=consultation, user=w.owner)
        Answer.objects.create(
            response=response, question=question, value=w.text(label, {"owner"})
        )


def _helpdesk(w: World) -> None:
    """The owner's helpdesk question, with a file, an answer and an internal
    note; two of a colleague at the owner's school (the owner is its
    coordinator), one shared with the coordinator and one not; one of a member
    at the other school."""
    from association import helpdesk
    from association.models import SignalTheme

    theme = SignalTheme.objects.get(slug="bekostiging")

    def case(asker, label, allowed, *, shared=False, files=()):
        return helpdesk.ask(
            asker,
            theme=theme,
            subject=f"Vraag {w.canary(label + 'subject', allowed)}",
            question=w.text(label + "question", allowed),
            share_with_coordinator=shared,
            uploads=files,
        )

    upload = SimpleUploadedFile(
        f"{w.canary('caseattachname', {'owner'})}.txt",
        w.text("caseattachcontent", {"owner"}).encode(),
        content_type="text/plain",
    )
    upload.content_type = "text/plain"
    w.case = case(w.owner, "case", {"owner"}, files=[upload])
    w.case_attachment = w.case.attachments.get()
    adviser = get_user_model().objects.create_user(
        username="adviseur", email="adviseur@vereniging.nl", password=None
    )
    helpdesk.adviser_writes(w.case, adviser, "notitie", w.text("casenote"))
    helpdesk.adviser_writes(w.case, adviser, "antwoord", w.text("casereply", {"owner"}))
    helpdesk.member_writes(w.case, w.owner, w.text("caseaddition", {"owner"}))
    colleague = {"hidden_owner"}
    w.shared_case = case(
        w.hidden_owner, "sharedcase", colleague | {"owner"}, shared=True
    )
    w.unshared_case = case(w.hidden_owner, "unsharedcase", colleague)
    w.other_case = case(w.other_member, "othercase", {"other_member"})
    w.cases = [w.case, w.shared_case, w.unshared_case, w.other_case]


def _newsletter(w: World, home) -> None:
    """A members' issue that was sent, a public one, an issue in draft, and a
    public subscriber whose address nobody swept may see."""
    from django.utils import timezone as tz

    from lecso_site.models import NewsletterIndexPage, NewsletterIssue, Subscriber

    archive = NewsletterIndexPage(title="Nieuwsbrief", slug="nieuwsbrief")
    home.add_child(instance=archive)
    archive.save_revision().publish()
    sent = tz.now() - datetime.timedelta(days=3)
    for title, audience, allowed, live in (
        ("Ledenbrief", "leden", MEMBERS, True),
        ("Openbare brief", "openbaar", set(ROLES), True),
        ("Conceptbrief", "openbaar", set(), False),
    ):
        issue = NewsletterIssue(
            title=f"{title} {w.canary(title.lower() + 'title', allowed)}",
            audience=audience,
            intro=w.text(title.lower() + "intro", allowed),
            body=_body(w.text(title.lower() + "body", allowed)),
            live=live,
        )
        archive.add_child(instance=issue)
        revision = issue.save_revision()
        if live:
            revision.publish()
            NewsletterIssue.objects.filter(pk=issue.pk).update(sending_started_at=sent)
    Subscriber.objects.create(
        email=f"{w.canary('subscriber')}@elders.nl", confirmed_at=sent
    )


def _search_log(w: World) -> None:
    from search.models import QueryStat

    for day in range(3):
        QueryStat.objects.create(
            day=timezone.localdate() - datetime.timedelta(days=day),
            query=f"{NEEDLE} {w.canary('searchlog')}",
            searches=5,
        )
