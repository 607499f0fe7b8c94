"""Scale data for the forums: threads and posts in bulk, one very long thread,
and the WebSocket fan-out measurement.

realistic: 100,000 posts in about 5,000 threads (a few years of a national
network's forum), 10x: 1,000,000 in about 50,000. At both scales one thread has
exactly 5,000 posts, for the page benchmark. Threads are spread over the demo
categories and three closed groups; most are short, a few run to hundreds of
posts. Rows are written with bulk_create, but keep what forums.services
keeps: positions 1..n without gaps in each thread, post_count and last_post_at
true to the posts, an accepted answer only on a question's reply, and
body_html rendered from the body (once per distinct body).
"""

import asyncio
import contextlib
import datetime
import random
import statistics
import time
import uuid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from forums.models import (
    Category,
    Group,
    GroupMembership,
    MembershipStatus,
    Post,
    ReadState,
    Thread,
    ThreadKind,
)
from forums.text import render_post

SCALES = {"realistic": (100_000, 5_000), "10x": (1_000_000, 50_000)}
LONG_POSTS = 5_000
BATCH = 250  # threads per transaction
YEARS = datetime.timedelta(days=4 * 365)
LONG_TITLE = "Wat werkte deze week? Kleine successen uit de klas"
FANOUT_TITLE = "Live meelezen: vragen tijdens de landelijke studiedag"
GROUPS = [
    ("schaal-groep-noord", "Regio Noord: intern begeleiders"),
    ("schaal-groep-emb", "Netwerk EMB-leerkrachten"),
    ("schaal-groep-directies", "Directeuren SO/VSO"),
]
TOPICS = [
    "de-escalatie",
    "picto's",
    "ondersteunde communicatie",
    "een prikkelarme klas",
    "stage",
    "thuiszitters",
    "executieve functies",
    "rekenen",
    "zelfregulatie",
    "de overstap SO-VSO",
    "ouderbetrokkenheid",
    "het OPP",
    "jeugdhulp in school",
    "braille",
    "NGT",
]
TITLES = [
    "Ervaringen met {topic} in de onderbouw?",
    "Hoe pakken jullie {topic} aan in het VSO?",
    "Vraag over {topic} bij een leerling met TOS",
    "{topic}: wie heeft een goed voorbeeld?",
    "Tips gezocht: {topic} met een nieuw team",
    "Werkt {topic} ook in een combinatiegroep?",
    "Na de studiedag: verder met {topic}",
    "Ouders vragen naar {topic}; hoe leg je het uit?",
]
BODIES = [
    "Bij ons op school lopen we hier al een tijdje tegenaan. We hebben het in het "
    "zorgteam besproken, maar komen er niet uit. Hoe doen jullie dit? Ik ben vooral "
    "benieuwd naar wat je in de eerste weken van het schooljaar regelt.",
    "Herkenbaar! Wij zijn vorig jaar begonnen met een vaste volgorde:\n\n"
    "1. eerst observeren, minstens twee keer;\n"
    "2. dan een kort gesprek met de leerling;\n"
    "3. pas daarna afspraken met ouders.\n\n"
    "Het kost in het begin tijd, maar het scheelt later veel.",
    "Wij werken hiervoor samen met de logopedist en de ambulant begeleider. Het "
    "belangrijkste wat we leerden: spreek af wie het aanspreekpunt is voor ouders, "
    "anders krijgen ze drie verschillende verhalen.",
    "Goede vraag. Bij ons werkt het alleen als het **in het rooster** staat; alles "
    "wat erbij moet, schiet er op een drukke dag als eerste bij in.",
    "Dank jullie wel, hier kan ik mee verder. Ik laat na de vakantie weten hoe het "
    "ging.",
    "Misschien handig: in de kennisbank staat een artikel over groeperen naar "
    "ondersteuningsbehoefte. Daar staan een paar voorbeelden in die hierop lijken.",
    "Wij hebben dit geprobeerd en zijn ermee gestopt. Het paste niet bij onze "
    "leerlingen met veel prikkelgevoeligheid. Wat wel hielp: minder tegelijk "
    "veranderen, en de leerlingen zelf laten meedenken.",
    "Ik sluit me aan bij de vorige reacties. Eén aanvulling: leg de afspraken vast "
    "in het OPP, dan gaan ze mee als de leerling van groep wisselt.",
]
# The opening post of the long thread, and what its replies say.
LONG_BODY = (
    "Een draad voor de kleine successen: wat werkte deze week in jouw klas? Een "
    "leerling die voor het eerst zelf om een rustmoment vroeg, een nieuw picto dat "
    "aansloeg, een stage die goed begon. Kort is prima."
)
FANOUT_BODY = (
    "Tijdens de studiedag kun je hier vragen stellen aan de sprekers; de "
    "dagvoorzitter leest mee."
)


def seed_forums(scale: str, stdout, member) -> None:
    """Bring the forum up to the post count of `scale`; idempotent. Needs the
    demo forum (its categories) and the scale people. `member` (the benchmark's
    signed-in person) joins two groups and has read some threads."""
    posts_wanted, threads_wanted = SCALES[scale]
    rng = random.Random(100_000)
    now = timezone.now()
    authors = list(
        get_user_model()
        .objects.filter(
            username__startswith="schaal-", profile__schools__board__is_member=True
        )
        .order_by("pk")
        .values_list("pk", flat=True)[:5_000]
    )
    categories = list(Category.objects.order_by("position"))
    groups = _groups(authors, member, rng)
    bodies = [(body, render_post(body)) for body in BODIES]
    if not Thread.objects.filter(title=LONG_TITLE).exists():
        with transaction.atomic(), _dated_by_hand():
            long = _long_thread(categories[0], authors, bodies, now, rng)
            ReadState.objects.create(
                user=member, thread=long, last_read_position=LONG_POSTS // 4
            )
            fanout, _times = _thread_row(
                categories[1], FANOUT_TITLE, authors[0], 1, now, rng
            )
            fanout.save()
            Post.objects.create(
                thread=fanout,
                author_id=authors[0],
                position=1,
                body=FANOUT_BODY,
                body_html=render_post(FANOUT_BODY),
                created_at=now,
            )
            # The people wrote for years; their accounts are as old (and the
            # one who replies in the fan-out has the ordinary rate limits).
            get_user_model().objects.filter(
                username__startswith="schaal-", date_joined__gt=now - YEARS
            ).update(date_joined=now - YEARS)
    # Most threads are short; some run to hundreds of posts.
    lengths = _lengths(threads_wanted - 1, posts_wanted - LONG_POSTS, rng)
    existing = _scale_threads().count()
    for start in range(existing, len(lengths), BATCH):
        batch = lengths[start : start + BATCH]
        with transaction.atomic(), _dated_by_hand():
            _threads(batch, categories, groups, authors, bodies, member, now, rng)
        stdout.write(f"  seeding forum threads: {start + len(batch)}/{len(lengths)}\n")
        stdout.flush()


def counts() -> tuple[int, int]:
    """Threads and posts the seeder wrote (the demo's and the fan-out's aside)."""
    threads = _scale_threads() | Thread.objects.filter(title=LONG_TITLE)
    return threads.count(), Post.objects.filter(thread__in=threads).count()


def long_thread() -> Thread:
    return Thread.objects.get(title=LONG_TITLE)


def bench_urls() -> list[tuple]:
    """The forum's rows for the benchmark table, in the format of URLS. The
    thread pages use the short address, which does not depend on the title."""
    thread = long_thread()
    category = Category.objects.filter(is_helpdesk=False).order_by("position").first()
    url = f"/forum/draad/{thread.pk}/"
    return [
        ("forum index", "/forum/", "member"),
        ("forum category", category.get_absolute_url(), "member"),
        ("5,000-post thread, page 1", url, "member"),
        ("5,000-post thread, page 125", f"{url}?pagina=125", "member"),
        (
            f"5,000-post thread, page {thread.last_page}",
            f"{url}?pagina={thread.last_page}",
            "member",
        ),
    ]


def check_thread_queries(rows) -> bool:
    """The thread page runs the same queries whatever the page: a page is a range
    of positions. False (with an ERROR line) when the counts differ."""
    pages = {
        name: queries
        for name, _url, _p50, _p95, queries, _size in rows
        if name.startswith("5,000-post")
    }
    if len(set(pages.values())) == 1:
        return True
    print(
        "ERROR: the 5,000-post thread's pages run different numbers of queries: "
        + ", ".join(f"{name} {n}" for name, n in pages.items())
    )
    return False


# --- the WebSocket fan-out -------------------------------------------------------

FANOUT_CLIENTS = 200


def measure_fanout(clients: int = FANOUT_CLIENTS) -> list[dict]:
    """`clients` sockets on one thread, through the whole ASGI stack (origin
    check, session, the consumer's permission check); one reply is posted
    through forums.services.reply and each socket's wait for it is timed,
    from the call to the moment its message is out. With the in-memory
    channel layer, and with Redis when REDIS_URL is set."""
    from django.test.utils import override_settings

    layers = [("in-memory", {"BACKEND": "channels.layers.InMemoryChannelLayer"})]
    if settings.REDIS_URL:
        layers.append(
            (
                "Redis",
                {
                    "BACKEND": "channels_redis.core.RedisChannelLayer",
                    "CONFIG": {
                        "hosts": [
                            {
                                "address": settings.REDIS_URL,
                                **settings.REDIS_LAYER_CONNECTION,
                            }
                        ],
                        **settings.CHANNEL_LAYER_CONFIG,
                        # Its own prefix: nothing else on this Redis hears it.
                        "prefix": f"lecso-bench-{uuid.uuid4().hex[:8]}",
                    },
                },
            )
        )
    thread = Thread.objects.get(title=FANOUT_TITLE)
    cookies = _sessions(clients)
    results = []
    for name, layer in layers:
        with override_settings(CHANNEL_LAYERS={"default": layer}):
            results.append(
                {"layer": name, **asyncio.run(_fanout(thread, cookies, clients))}
            )
    return results


def report_fanout(results: list[dict]) -> bool:
    print(
        f"\nWebSocket fan-out: {FANOUT_CLIENTS} sockets on one thread, one reply "
        "through forums.services.reply; latency from the call to each socket"
    )
    print(
        f"{'layer':<10} {'connect s':>9} {'reply ms':>8} {'p50 ms':>8} "
        f"{'p95 ms':>8} {'max ms':>8} {'received':>8}"
    )
    ok = True
    for r in results:
        print(
            f"{r['layer']:<10} {r['connect']:>9.2f} {r['reply']:>8.1f} "
            f"{r['p50']:>8.1f} {r['p95']:>8.1f} {r['max']:>8.1f} "
            f"{r['received']:>8}"
        )
        if r["received"] != r["clients"]:
            print(
                f"ERROR: {r['layer']}: {r['received']} of {r['clients']} sockets "
                f"received the reply ({r['refused']} refused)"
            )
            ok = False
    return ok


def _sessions(clients: int) -> list[str]:
    """Session cookies of `clients` different members."""
    from django.test import Client

    users = get_user_model().objects.filter(
        username__startswith="schaal-", profile__schools__board__is_member=True
    )
    cookies = []
    for user in users.order_by("pk")[:clients]:
        client = Client()
        client.force_login(user)
        cookies.append(client.cookies[settings.SESSION_COOKIE_NAME].value)
    return cookies


async def _fanout(thread: Thread, cookies: list[str], clients: int) -> dict:
    from channels.db import database_sync_to_async
    from channels.testing import WebsocketCommunicator

    from forums import services
    from lecso_site.asgi import application

    path = f"/ws/forum/draad/{thread.pk}/?taal=nl"
    sockets = [
        WebsocketCommunicator(
            application,
            path,
            headers=[
                (b"host", b"localhost"),
                (b"origin", b"http://localhost"),
                (b"cookie", f"{settings.SESSION_COOKIE_NAME}={cookie}".encode()),
            ],
        )
        for cookie in cookies[:clients]
    ]
    start = time.perf_counter()
    opened = await asyncio.gather(*(s.connect(timeout=60) for s in sockets))
    connect = time.perf_counter() - start
    live = [s for s, (accepted, _code) in zip(sockets, opened, strict=True) if accepted]

    async def arrival(socket):
        message = await socket.receive_json_from(timeout=30)
        return time.perf_counter(), message

    waiting = [asyncio.create_task(arrival(s)) for s in live]
    await asyncio.sleep(0)  # every socket is listening before the reply
    author = await database_sync_to_async(
        lambda: get_user_model().objects.get(pk=thread.author_id)
    )()
    body = (
        f"Vraag van de zaal om {timezone.localtime():%H:%M:%S}: komen de dia's online?"
    )
    sent = time.perf_counter()
    post = await database_sync_to_async(services.reply)(author, thread, body=body)
    reply = time.perf_counter() - sent
    arrivals = await asyncio.gather(*waiting, return_exceptions=True)
    latencies = [
        (at - sent) * 1000
        for result in arrivals
        if not isinstance(result, BaseException)
        for at, message in [result]
        if message.get("event") == "new" and message.get("position") == post.position
    ]
    for socket in live:
        await socket.disconnect()
    ordered = sorted(latencies) or [float("nan")]
    return {
        "clients": clients,
        "refused": clients - len(live),
        "received": len(latencies),
        "connect": connect,
        "reply": reply * 1000,
        "p50": statistics.median(ordered),
        "p95": ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))],
        "max": ordered[-1],
    }


# --- rows ------------------------------------------------------------------------


@contextlib.contextmanager
def _dated_by_hand():
    """bulk_create would stamp every row with now; the seeder dates them."""
    fields = [Thread._meta.get_field("created_at"), Post._meta.get_field("created_at")]
    for field in fields:
        field.auto_now_add = False
    try:
        yield
    finally:
        for field in fields:
            field.auto_now_add = True


def _scale_threads():
    return Thread.objects.filter(author__username__startswith="schaal-").exclude(
        title__in=[LONG_TITLE, FANOUT_TITLE]
    )


def _lengths(threads: int, posts: int, rng: random.Random) -> list[int]:
    """`threads` lengths that add up to `posts`: long-tailed, at least one post,
    at most a few hundred."""
    raw = [rng.lognormvariate(0, 1.0) for _ in range(threads)]
    factor = posts / sum(raw)
    lengths = [min(max(1, round(r * factor)), 600) for r in raw]
    difference = posts - sum(lengths)
    while difference:
        index = rng.randrange(threads)
        step = 1 if difference > 0 else -1
        if 1 <= lengths[index] + step <= 600:
            lengths[index] += step
            difference -= step
    return lengths


def _groups(authors, member, rng) -> list[tuple[Group, list[int]]]:
    """The closed groups with the people in them; `member` is in the first two."""
    groups = []
    for number, (slug, name) in enumerate(GROUPS):
        group, created = Group.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "description": "Besloten groep van het netwerk."},
        )
        people = rng.sample(authors, min(60, len(authors)))
        if created:
            GroupMembership.objects.bulk_create(
                GroupMembership(
                    group=group,
                    user_id=pk,
                    status=MembershipStatus.ACTIVE,
                    is_manager=n == 0,
                )
                for n, pk in enumerate(people)
            )
            if number < 2:
                GroupMembership.objects.get_or_create(
                    group=group,
                    user=member,
                    defaults={"status": MembershipStatus.ACTIVE},
                )
        people = list(
            group.memberships.filter(status=MembershipStatus.ACTIVE)
            .exclude(user=member)
            .values_list("user_id", flat=True)
        )
        groups.append((group, people))
    return groups


def _thread_row(place, title, author, length, last, rng, kind=ThreadKind.QUESTION):
    """An unsaved thread of `length` posts, the last at `last`, and the posts'
    times."""
    times = [last]
    for _ in range(length - 1):
        times.append(times[-1] - datetime.timedelta(minutes=rng.randint(5, 720)))
    times.reverse()
    thread = Thread(
        category=place if isinstance(place, Category) else None,
        group=place if isinstance(place, Group) else None,
        title=title,
        kind=kind,
        author_id=author,
        created_at=times[0],
        last_post_at=times[-1],
        post_count=length,
    )
    return thread, times


def _long_thread(category, authors, bodies, now, rng) -> Thread:
    times = sorted(
        now - datetime.timedelta(minutes=rng.randint(60, 700 * 1440))
        for _ in range(LONG_POSTS)
    )
    thread = Thread.objects.create(
        category=category,
        title=LONG_TITLE,
        kind=ThreadKind.DISCUSSION,
        author_id=authors[0],
        created_at=times[0],
        last_post_at=times[-1],
        post_count=LONG_POSTS,
        is_pinned=True,
    )
    opening = (LONG_BODY, render_post(LONG_BODY))
    Post.objects.bulk_create(
        (
            Post(
                thread=thread,
                author_id=authors[0] if position == 1 else rng.choice(authors),
                position=position,
                body=body,
                body_html=html,
                created_at=at,
                helpful_count=rng.choice([0, 0, 0, 1, 2]),
            )
            for position, at in enumerate(times, start=1)
            for body, html in [opening if position == 1 else rng.choice(bodies[1:])]
        ),
        batch_size=1_000,
    )
    return thread


def _threads(lengths, categories, groups, authors, bodies, member, now, rng):
    rows = []
    for length in lengths:
        if rng.random() < 0.1:
            place, people = rng.choice(groups)
        else:
            place, people = rng.choice(categories), authors
        kind = ThreadKind.QUESTION if rng.random() < 0.6 else ThreadKind.DISCUSSION
        last = now - datetime.timedelta(minutes=rng.randint(10, 900 * 1440))
        title = rng.choice(TITLES).format(topic=rng.choice(TOPICS))
        thread, times = _thread_row(
            place,
            title[0].upper() + title[1:],
            rng.choice(people),
            length,
            last,
            rng,
            kind,
        )
        rows.append((thread, times, people))
    threads = Thread.objects.bulk_create(thread for thread, _times, _people in rows)
    posts, read = [], []
    for thread, times, people in rows:
        posts.extend(
            Post(
                thread=thread,
                author_id=thread.author_id if position == 1 else rng.choice(people),
                position=position,
                body=body,
                body_html=html,
                created_at=at,
            )
            for position, at in enumerate(times, start=1)
            for body, html in [bodies[0] if position == 1 else rng.choice(bodies[1:])]
        )
        if thread.category_id and rng.random() < 0.1:
            read.append(
                ReadState(
                    user=member,
                    thread=thread,
                    last_read_position=rng.randint(1, thread.post_count),
                )
            )
    Post.objects.bulk_create(posts, batch_size=1_000)
    # A third of the answered questions have an accepted answer: the first reply.
    answered = [
        t for t in threads if t.kind == ThreadKind.QUESTION and t.post_count > 1
    ]
    accepted = rng.sample(answered, len(answered) // 3)
    first_replies = dict(
        Post.objects.filter(thread__in=accepted, position=2).values_list(
            "thread_id", "pk"
        )
    )
    for thread in accepted:
        thread.accepted_post_id = first_replies[thread.pk]
    Thread.objects.bulk_update(accepted, ["accepted_post"], batch_size=500)
    ReadState.objects.bulk_create(read)
