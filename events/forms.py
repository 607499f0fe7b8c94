"""Forms for registering and for organisers. The registration form is built
from the questions and workshop rounds the editor set up for the event."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import EventPage, QuestionKind, Status
from .services import RegistrationError, require_session_seats


def question_field_name(question) -> str:
    return f"question_{question.pk}"


def round_field_name(number: int) -> str:
    return f"round_{number}"


class RegistrationForm(forms.Form):
    """Visitors give their name and address; members are known already, so
    they only answer the event's own questions."""

    name = forms.CharField(label=_("Your name"), max_length=150)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We send a link to this address to complete your registration."),
    )

    def __init__(self, *args, event: EventPage, visitor: bool, session_free=None, **kw):
        super().__init__(*args, **kw)
        self.event = event
        if not visitor:
            del self.fields["name"], self.fields["email"]
        else:
            self.fields["name"].widget.attrs["autocomplete"] = "name"
            self.fields["email"].widget.attrs["autocomplete"] = "email"
        session_free = session_free or {}
        self.session_free = session_free
        for number, sessions in event.rounds:
            self.fields[round_field_name(number)] = forms.TypedChoiceField(
                label=_("Workshop in round %(number)s") % {"number": number},
                choices=[
                    (s.pk, self._session_label(s, session_free)) for s in sessions
                ],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose one session in this round.")},
            )
        for question in event.questions.all():
            self.fields[question_field_name(question)] = self._question_field(question)

    @staticmethod
    def _session_label(session, session_free) -> str:
        free = session_free.get(session.pk)
        if free is None:
            return session.title
        if free == 0:
            return _("%(title)s (full)") % {"title": session.title}
        return _("%(title)s (%(free)s seats left)") % {
            "title": session.title,
            "free": free,
        }

    @staticmethod
    def _question_field(question) -> forms.Field:
        common = {
            "label": question.label,
            "help_text": question.help_text,
            "required": question.required,
        }
        if question.kind == QuestionKind.CHOICE:
            return forms.ChoiceField(
                choices=[(o, o) for o in question.options],
                widget=forms.RadioSelect,
                **common,
            )
        if question.kind == QuestionKind.CHECKBOX:
            return forms.BooleanField(**common)
        if question.kind == QuestionKind.LONG_TEXT:
            return forms.CharField(
                max_length=2000, widget=forms.Textarea(attrs={"rows": 3}), **common
            )
        return forms.CharField(max_length=300, **common)

    def clean(self):
        """A workshop known to be full when the form was sent is refused at its
        round, before anything is registered (the service checks again under
        its lock, for one that filled meanwhile: see add_registration_error)."""
        cleaned = super().clean()
        for number, sessions in self.event.rounds:
            chosen = [
                s for s in sessions if s.pk == cleaned.get(round_field_name(number))
            ]
            try:
                require_session_seats(self.event, chosen, self.session_free)
            except RegistrationError as error:
                self.add_registration_error(error)
        return cleaned

    def add_registration_error(self, error) -> None:
        """Show a refusal by events.services.register where it belongs: a full
        workshop at its round's choice, anything else above the form. The
        bound form keeps everything typed."""
        session = getattr(error, "session", None)
        field = round_field_name(session.round) if session is not None else None
        self.add_error(field if field in self.fields else None, error.message)

    def answers(self) -> dict:
        answers = {}
        for question in self.event.questions.all():
            value = self.cleaned_data.get(question_field_name(question))
            if value not in (None, ""):
                answers[str(question.pk)] = value
        return answers

    def sessions(self) -> list:
        chosen = {
            self.cleaned_data[round_field_name(number)]
            for number, _ in self.event.rounds
        }
        return [
            s for _, sessions in self.event.rounds for s in sessions if s.pk in chosen
        ]


class AddByHandForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"))
    language = forms.ChoiceField(
        label=_("Language of the e-mails"),
        choices=[("nl", "Nederlands"), ("en", "English")],
    )


class OrganiserMessageForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=150)
    body = forms.CharField(
        label=_("Message"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Sent by e-mail to everyone with a seat, in plain text."),
    )


class StatusFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[("", _("Everyone active"))] + list(Status.choices),
    )
