from django import forms
from django.core.validators import MaxLengthValidator
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

from .guard import possible_bsns
from .images import PhotoField
from .models import Cluster, Invitation, Profile, SupportNeed, Topic
from .query_params import MAX_INTEGER
from .search_text import rebuilding_once

MAX_TOPICS = 20
TOPIC_MAX_LENGTH = Topic._meta.get_field("name").max_length
TOPICS_MAX_LENGTH = 1000
# Longer than any passphrase; the form checks it like every other text field.
PASSWORD_MAX_LENGTH = 4096


BSN_MESSAGE = _(
    "This looks like a citizen service number (BSN): %(numbers)s. A pupil must "
    "not be recognisable. Remove it, or tick the box below if it is not a BSN."
)


class BsnGuard:
    """A form mixin: refuses text that holds a number like a citizen service
    number, unless the writer ticks (`not_a_bsn`) that it is not one."""

    guarded_fields: tuple[str, ...] = ()

    def clean(self):
        data = super().clean()
        if data.get("not_a_bsn"):
            return data
        for name in self.guarded_fields:
            numbers = possible_bsns(data.get(name) or "")
            if numbers:
                self.add_error(name, BSN_MESSAGE % {"numbers": ", ".join(numbers)})
        return data


class ChoicesById(forms.ModelMultipleChoiceField):
    """Check boxes of database rows. A value too big to be an id is refused as
    a choice not on offer: SQLite cannot even compare it (OverflowError)."""

    def clean(self, value):
        for choice in value or ():
            text = str(choice)
            if text.isascii() and text.isdigit() and int(text) > MAX_INTEGER:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": text},
                )
        return super().clean(value)


class ProfileForm(forms.ModelForm):
    photo_upload = PhotoField(
        label=_("Photo"),
        required=False,
        help_text=_("A JPEG, PNG or WebP image of at most 10 MB."),
    )
    remove_photo = forms.BooleanField(label=_("Remove my photo"), required=False)
    email_notifications = forms.ChoiceField(
        label=_("E-mail about notifications"),
        widget=forms.RadioSelect,
        required=False,
    )

    class Meta:
        model = Profile
        fields = [
            "name",
            "job_title",
            "bio",
            "support_needs",
            "topics",
            "clusters",
            "school_type",
            "languages",
            "open_for_questions",
            "open_for_visit",
            "open_for_talk",
            "visibility",
        ]
        widgets = {
            "support_needs": forms.CheckboxSelectMultiple,
            "clusters": forms.CheckboxSelectMultiple,
            "visibility": forms.RadioSelect,
            "bio": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "topics": _("Separate topics with commas, e.g. picto's, de-escalatie."),
        }
        field_classes = {"support_needs": ChoicesById, "clusters": ChoicesById}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["support_needs"].queryset = SupportNeed.objects.all()
        self.fields["clusters"].queryset = Cluster.objects.all()
        topics = self.fields["topics"]
        topics.max_length = TOPICS_MAX_LENGTH
        topics.validators.append(MaxLengthValidator(TOPICS_MAX_LENGTH))
        topics.widget.attrs["maxlength"] = str(TOPICS_MAX_LENGTH)
        user_field = self.instance.user._meta.get_field("email_notifications")
        self.fields["email_notifications"].choices = user_field.choices
        self.fields[
            "email_notifications"
        ].initial = self.instance.user.email_notifications

    def clean_topics(self):
        topics = self.cleaned_data["topics"]
        if len(topics) > MAX_TOPICS:
            raise forms.ValidationError(
                _("Choose at most %(count)s topics.") % {"count": MAX_TOPICS},
                code="too_many_topics",
            )
        too_long = [topic for topic in topics if len(topic) > TOPIC_MAX_LENGTH]
        if too_long:
            raise forms.ValidationError(
                _("A topic has at most %(limit)s characters: “%(topic)s…” is longer.")
                % {"limit": TOPIC_MAX_LENGTH, "topic": too_long[0][:30]},
                code="topic_too_long",
            )
        return topics

    def save(self, commit=True):
        profile = super().save(commit=False)
        upload = self.cleaned_data.get("photo_upload")
        if self.cleaned_data.get("remove_photo"):
            profile.photo = None
        elif upload:
            profile.photo = get_image_model().objects.create(
                title=profile.name, file=upload
            )
        if commit:
            with transaction.atomic(), rebuilding_once():
                profile.save()
                self.save_m2m()
                if choice := self.cleaned_data.get("email_notifications"):
                    profile.user.email_notifications = choice
                    profile.user.save(update_fields=["email_notifications"])
        return profile


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("Colleague's e-mail address"))
    school = forms.ModelChoiceField(queryset=None, label=_("School"), empty_label=None)

    def __init__(self, *args, schools, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = schools

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        from django.contrib.auth import get_user_model

        if get_user_model().objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                _("This address already has an account."), code="exists"
            )
        return email

    def save(self, invited_by) -> Invitation:
        return Invitation.objects.create(
            email=self.cleaned_data["email"],
            school=self.cleaned_data["school"],
            invited_by=invited_by,
        )


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        max_length=PASSWORD_MAX_LENGTH,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("To be sure it is you."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This password is not right."), code="wrong")
        return password


class AskExpertForm(forms.Form):
    """The question form. Visitors without an account also give a name and an
    address; members ask as themselves."""

    name = forms.CharField(label=_("Your name"), max_length=150)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We send you a link to confirm it. The expert does not see it."),
    )
    organisation = forms.CharField(
        label=_("Your school or organisation"), max_length=200, required=False
    )
    subject = forms.CharField(label=_("Subject"), max_length=150)
    message = forms.CharField(
        label=_("Your question"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Do not include names or other details that identify a pupil."),
    )

    def __init__(self, *args, member: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if member:
            del self.fields["name"]
            del self.fields["email"]


class ReplyForm(forms.Form):
    answer = forms.CharField(
        label=_("Your answer"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Sent to the person who asked; your e-mail address stays private."),
    )
    decline = forms.BooleanField(
        label=_("I cannot help with this question (the text above says why)"),
        required=False,
    )
