"""Bad input into every form never costs a 500, nor what was typed elsewhere.

As each role (visitor, member, coordinator, organiser, moderator, helpdesk,
editor) the test opens the demo site from the home page and follows links
(tests.form_crawl), takes every form it meets, and sends each one again and
again with one field holding a bad value: a megabyte of text, a NUL byte,
invalid UTF-8, right-to-left override text, an over-long e-mail address,
dates and numbers that are not, the public XSS payloads the forum tests use
(one per field, and all of them in one field per form), and for hidden and
choice fields values that are not on offer. The CSRF token stays as the page
gave it; the other fields hold a good value. Each submission is rolled back, so
the next one meets the same site.

It asserts that:
- no submission answers 500; a query with a NUL byte counts as one, since
  PostgreSQL refuses those (this runs on SQLite too, which would store it);
- when the form is shown again, the good text typed in its other fields is
  still there;
- every text field of every form of ours has a maximum length the form checks;
- the crawl reached every form class defined in our packages and the allauth
  forms the site uses (login, signup, password reset and its link, password
  change, e-mail addresses, two-factor activation): a form nobody can reach by
  a link fails the test with its name, so a new form cannot be left out.

Out of scope: the forms of Wagtail's admin panels (page, snippet, image and
settings editors and their chooser filters) and Django's admin. Our own views
inside Wagtail's admin (school import, merging topics, purging attendee data,
the search report) are in scope and are opened from the URLs our apps register
with the admin.
"""

import copy
import importlib
import pkgutil
import sys
from dataclasses import dataclass, field
from http import HTTPStatus
from urllib.parse import urlencode

import pytest
from django import forms
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.signals import got_request_exception
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, reverse

from tests.bad_input.conftest import PASSWORD
from tests.bad_values import ONE_MB, refusing_nul_like_postgresql
from tests.form_crawl import FoundForm, crawl, forms_on
from tests.forums.test_posting import XSS

OUR_APPS = ("lecso_site", "network", "events", "forums", "search", "association")

BAD_TEXT = [
    ("1 MB of text", "Lange tekst " * (ONE_MB // 12)),
    ("a NUL byte", "voor\x00na"),
    ("invalid UTF-8", b"\xff\xfe\x81ongeldig\xc3\x28"),
    ("right-to-left override", "\u202egnp.exe\u202c Jansen"),
    ("an over-long e-mail address", "a" * 300 + "@" + "b" * 300 + ".nl"),
    ("a date that is not", "31-02-2026"),
    ("a number that is not", "-1e309"),
    ("only white space", " \t\r\n "),
]
BAD_CHOICE = [
    ("a value not on offer", "bestaat-niet"),
    ("a huge number", "9" * 40),
    ("a negative number", "-1"),
    ("a digit that is not 0-9", "²"),
    ("a NUL byte", "1\x00"),
    ("invalid UTF-8", b"\xff\xfe"),
]
# The school import reads a CSV file; the other file fields are attachments
# and photos. A name that reverses and is too long, holding bytes that are
# neither UTF-8 nor Windows-1252 (which has no 0x81, 0x8D, 0x8F, 0x90, 0x9D),
# once as binary (a NUL byte) and once as text.
BAD_FILE_NAME = "\u202efdp.exe\u202c" + "x" * 300 + ".csv"
BAD_FILES = [
    ("an odd binary file", b"\xff\xfe\x00\x81\x8d\x8f\x90\x9d;naam\r\n"),
    ("an odd text file", b"brin;naam\r\n12AB;De Burcht \x81\x8d\x8f\x90\x9d\r\n"),
]

OUT_OF_SCOPE = {
    "events.wagtail_hooks.PersonFilterForm": (
        "the search box of the organiser chooser in Wagtail's page editor"
    ),
}

KEPT_KINDS = {"text", "textarea", "email", "search", "url", "tel"}
GOOD = {
    "email": "bewaard{n}@example.org",
    "url": "https://example.org/bewaard{n}",
    "tel": "0301234567",
    "password": PASSWORD,
    "number": "3",
    "date": "2026-06-15",
    "time": "10:00",
    "datetime-local": "2026-06-15T10:00",
}


def good_value(kind: str, n: int) -> str:
    return GOOD.get(kind, "Bewaardetekst{n}").format(n=n)


@dataclass
class Findings:
    server_errors: list = field(default_factory=list)
    lost_input: list = field(default_factory=list)
    unbounded_fields: set = field(default_factory=set)
    reached: set = field(default_factory=set)
    instances: list = field(default_factory=list)
    submissions: int = 0
    kept_checks: int = 0  # re-shown forms whose other texts were compared

    def take_instances(self) -> None:
        """Note the classes of the forms the last request made, and their text
        fields without a maximum length (once __init__ has run to the end:
        subclasses add and remove fields after the base class)."""
        for form in self.instances:
            self.reached.add(type(form))
            if not _is_ours(type(form)):
                continue
            for name, form_field in form.fields.items():
                if isinstance(form_field, forms.CharField) and (
                    form_field.max_length is None
                ):
                    self.unbounded_fields.add(f"{_name(type(form))}.{name}")
        self.instances.clear()


# --- Observing the site while it handles the submissions -----------------------


def _is_ours(cls) -> bool:
    return cls.__module__.split(".")[0] in OUR_APPS


@pytest.fixture
def observed(monkeypatch):
    """Records which forms the site instantiates and any exception a request
    raised; refuses, as PostgreSQL does, any query with a NUL byte. It only
    observes: every form still runs its own __init__."""
    findings = Findings()
    original_init = forms.BaseForm.__init__

    def init(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        findings.instances.append(self)

    monkeypatch.setattr(forms.BaseForm, "__init__", init)
    exceptions = []

    def remember(sender, request, **kwargs):
        exceptions.append(repr(sys.exc_info()[1]))

    got_request_exception.connect(remember, weak=False)
    with refusing_nul_like_postgresql():
        yield findings, exceptions
    got_request_exception.disconnect(remember)


def _name(cls) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


# --- What should be reached ------------------------------------------------------


def our_form_classes() -> set[type]:
    for package in OUR_APPS:
        module = importlib.import_module(package)
        for info in pkgutil.walk_packages(module.__path__, f"{package}."):
            if ".migrations" in info.name or ".management" in info.name:
                continue
            # A search backend for the other database loads that database's
            # index models, and holds no forms.
            if info.name.endswith(("sqlite_backend", "postgres_backend")):
                continue
            importlib.import_module(info.name)

    def below(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from below(sub)

    return {
        cls
        for cls in below(forms.BaseForm)
        if _is_ours(cls) and _name(cls) not in OUT_OF_SCOPE
    }


def allauth_forms_the_site_uses() -> set[type]:
    from allauth.account import app_settings as account_settings
    from allauth.account import forms as account_forms
    from allauth.mfa import app_settings as mfa_settings
    from allauth.mfa.totp.forms import ActivateTOTPForm
    from allauth.utils import get_form_class

    wanted = {
        "login": account_forms.LoginForm,
        "signup": account_forms.SignupForm,
        "reset_password": account_forms.ResetPasswordForm,
        "reset_password_from_key": account_forms.ResetPasswordKeyForm,
        "change_password": account_forms.ChangePasswordForm,
        "add_email": account_forms.AddEmailForm,
    }
    used = {
        get_form_class(account_settings.FORMS, key, default)
        for key, default in wanted.items()
    }
    used.add(get_form_class(mfa_settings.FORMS, "activate_totp", ActivateTOTPForm))
    return used


def our_admin_urls() -> list[str]:
    """The admin screens our apps register (register_admin_urls hooks), the
    ones without arguments; the crawl follows their links."""
    from wagtail import hooks

    urls = []
    for hook in hooks.get_hooks("register_admin_urls"):
        if hook.__module__.split(".")[0] not in OUR_APPS:
            continue
        for pattern in hook():
            if isinstance(pattern, URLPattern) and pattern.name:
                if not pattern.pattern.converters:
                    urls.append(reverse(pattern.name))
    return urls


# --- Sending bad values ------------------------------------------------------------


def good_data(form: FoundForm) -> dict:
    data = {}
    for n, item in enumerate(form.fields):
        if item.kind == "file":
            continue
        if item.kind == "checkbox":
            if item.checked:
                data[item.name] = item.options
        elif item.kind in ("hidden", "select", "radio") or item.name.startswith("csrf"):
            data[item.name] = item.value
        elif item.kind in GOOD or item.is_text:
            data[item.name] = good_value(item.kind, n)
        else:
            data[item.name] = item.value
    if form.submit:
        data[form.submit[0]] = form.submit[1]
    return data


def bad_submissions(form: FoundForm):
    """(field name, label, data) for each bad value in each field, the good
    values in the others."""
    base = good_data(form)
    text_fields = [f for f in form.fields if f.is_text and f.kind != "hidden"]
    if text_fields:
        every_payload = "\n".join(XSS)
        yield (
            text_fields[0].name,
            "every XSS payload",
            {
                **base,
                text_fields[0].name: every_payload,
            },
        )
    for index, item in enumerate(form.fields):
        if item.name.startswith("csrf"):
            continue
        if item.kind == "file":
            for label, content in BAD_FILES:
                upload = SimpleUploadedFile(BAD_FILE_NAME, content)
                yield item.name, label, {**base, item.name: upload}
        elif item.is_text:
            values = [*BAD_TEXT, ("an XSS payload", XSS[index % len(XSS)])]
            for label, value in values:
                yield item.name, label, {**base, item.name: value}
        else:
            for label, value in BAD_CHOICE:
                yield item.name, label, {**base, item.name: value}


def _send(client, form: FoundForm, data: dict):
    # Bytes (invalid UTF-8) go into the body as they are.
    data = {k: [v] if isinstance(v, bytes) else v for k, v in data.items()}
    if form.method == "get":
        return client.get(form.action, data)
    raw = [v for v in data.values() if isinstance(v, list) and v]
    if any(isinstance(v[0], bytes) for v in raw):
        # In the plain form encoding, with the bytes percent-encoded.
        body = urlencode(data, doseq=True)
        return client.post(
            form.action, body, content_type="application/x-www-form-urlencoded"
        )
    return client.post(form.action, data)


def _lost_fields(
    form: FoundForm, data: dict, filled: str, response
) -> list[str] | None:
    """The good texts in the form's other fields that the re-shown form no
    longer holds, or None when the form is not shown again. The form shown
    again is the one on the page with the same action and the most fields in
    common (the header's search box has a q too)."""
    if 300 <= response.status_code < 400:
        return None
    if not response.headers.get("Content-Type", "").startswith("text/html"):
        return None
    names = {item.name for item in form.fields}
    again = [
        candidate
        for candidate in forms_on(form.action, response.content.decode("utf-8"))
        if candidate.action.split("?")[0].endswith(form.action.split("?")[0])
    ]
    if not again:
        return None
    best = max(again, key=lambda c: len(names & {f.name for f in c.fields}))
    shown = {item.name: item.value for item in best.fields}
    others = [
        item.name
        for item in form.fields
        if item.name != filled and item.kind in KEPT_KINDS and item.name in shown
    ]
    if not others:
        return None
    return [name for name in others if shown[name].strip() != data[name]]


def fuzz(client, form: FoundForm, role: str, findings: Findings, exceptions: list):
    for name, label, data in bad_submissions(form):
        cookies = copy.deepcopy(client.cookies)
        cache.clear()  # rate limits would answer in place of the form
        del exceptions[:]
        with transaction.atomic():
            response = _send(client, form, data)
            transaction.set_rollback(True)
        client.cookies = cookies
        findings.take_instances()
        findings.submissions += 1
        where = f"{role}: {form.describe()} with {label} in {name!r}"
        if response.status_code >= HTTPStatus.INTERNAL_SERVER_ERROR:
            findings.server_errors.append(f"{where}: {' '.join(exceptions)}")
        elif (lost := _lost_fields(form, data, name, response)) is not None:
            findings.kept_checks += 1
            if lost:
                findings.lost_input.append(f"{where}: lost {', '.join(lost)}")


def sign_in(role: str, user) -> Client:
    client = Client(raise_request_exception=False)
    if user is None:
        return client
    signed_in = client.post(
        reverse("account_login"), {"login": user.email, "password": PASSWORD}
    )
    assert signed_in.status_code == HTTPStatus.FOUND, f"{role} cannot sign in"
    # Setting up two-factor authentication asks for the password again first.
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    return client


def test_bad_input_in_every_form_costs_no_500_and_no_typed_text(world, observed):
    findings, exceptions = observed
    admin_urls = our_admin_urls()
    forms_per_role = {}
    fuzzed = set()  # a form met again as another role is not sent again
    for role, user in world.users.items():
        client = sign_in(role, user)
        seeds = ["/", *admin_urls] if user else ["/", world.reset_url]
        found = crawl(client, seeds, per_pattern=3)
        # Only what handling the submissions instantiated counts as reached.
        findings.instances.clear()
        findings.reached.clear()
        for form in found.forms:
            if form.key not in fuzzed:
                fuzzed.add(form.key)
                fuzz(client, form, role, findings, exceptions)
        forms_per_role[role] = set(findings.reached)

    reached = set().union(*forms_per_role.values())
    expected = our_form_classes() | allauth_forms_the_site_uses()
    missing = sorted(_name(cls) for cls in expected - reached)
    problems = [
        *(f"500: {line}" for line in findings.server_errors),
        *(f"input lost: {line}" for line in findings.lost_input),
        *(f"no maximum length: {name}" for name in sorted(findings.unbounded_fields)),
        *(f"no crawl reached: {name}" for name in missing),
    ]
    print(
        f"\n{findings.submissions} bad submissions, "
        f"{findings.kept_checks} re-shown forms compared"
    )
    assert not problems, "\n".join(problems)
    assert findings.submissions > 1000
    assert findings.kept_checks > 300, "forms shown again were compared"
