"""The form a school's coordinator publishes an offer with, on the site."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .forms import BsnGuard, ChoicesById
from .models import Cluster, Profile, School, SupportNeed, SupportOffer
from .widgets import ProvinceChecklist


def colleagues_seen_by(user, schools):
    """The people at `schools` whom `user` may see, and `user` themselves."""
    from django.db.models import Q

    visible = Profile.objects.visible_to(user).values("pk")
    return (
        Profile.objects.filter(
            Q(pk__in=visible) | Q(user=user),
            affiliations__school__in=schools,
            user__is_active=True,
        )
        .distinct()
        .order_by("name")
    )


class ContactChoice(forms.ModelChoiceField):
    def label_from_instance(self, profile):
        return (
            f"{profile.name} ({profile.job_title})"
            if profile.job_title
            else profile.name
        )


class SupportOfferForm(forms.ModelForm):
    class Meta:
        model = SupportOffer
        fields = [
            "school",
            "title",
            "kind",
            "description",
            "support_needs",
            "clusters",
            "school_type",
            "provinces",
            "alliances",
            "at_our_school",
            "at_your_school",
            "online",
            "cost",
            "cost_note",
            "contact",
            "is_published",
        ]
        widgets = {
            "support_needs": forms.CheckboxSelectMultiple,
            "clusters": forms.CheckboxSelectMultiple,
            "provinces": ProvinceChecklist,
            "description": forms.Textarea(attrs={"rows": 8}),
            "alliances": forms.Textarea(attrs={"rows": 3}),
        }
        field_classes = {
            "support_needs": ChoicesById,
            "clusters": ChoicesById,
            "contact": ContactChoice,
        }
        help_texts = {
            "is_published": _(
                "A published offer is public: anyone can find it in the catalogue "
                "and the search. Leave it unticked to keep it as a draft."
            ),
        }

    def __init__(self, *args, schools, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = School.objects.filter(
            pk__in=[school.pk for school in schools]
        )
        self.fields["school"].empty_label = None
        if len(schools) == 1:
            self.fields["school"].widget = forms.HiddenInput()
            self.fields["school"].initial = schools[0].pk
        self.fields["support_needs"].queryset = SupportNeed.objects.all()
        self.fields["clusters"].queryset = Cluster.objects.all()
        # Colleagues at the coordinator's schools whom the coordinator may see
        # (a hidden profile stays hidden), and the coordinator; the model's
        # clean() checks the chosen person works at the offer's school.
        self.fields["contact"].queryset = colleagues_seen_by(user, schools)
        self.fields["provinces"].label = _("Provinces served")
        for name in ("title", "description", "alliances", "cost_note"):
            limit = SupportOffer._meta.get_field(name).max_length
            self.fields[name].widget.attrs["maxlength"] = str(limit)


class SupportRequestForm(BsnGuard, forms.Form):
    """Asking for an offer. Visitors also give a name and an address; members
    ask as themselves. Text that looks like a citizen service number is
    refused unless the sender says it is not one."""

    guarded_fields = ("question", "pupil_need")

    name = forms.CharField(label=_("Your name"), max_length=150)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("We send you a link to confirm it. The school does not see it."),
    )
    sender_school = forms.CharField(
        label=_("Your school"),
        max_length=200,
        help_text=_("The name and place of the school that asks."),
    )
    question = forms.CharField(
        label=_("Your question"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    pupil_need = forms.CharField(
        label=_("What the pupil needs, in general terms"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "For example: a pupil in group 5 with a language disorder who loses "
            "track in whole-class instruction. No name, date of birth or other "
            "detail that makes the pupil recognisable."
        ),
    )
    not_a_bsn = forms.BooleanField(
        label=_("The number in my text is not a citizen service number (BSN)"),
        required=False,
    )

    def __init__(self, *args, member: bool, school_name: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if member:
            del self.fields["name"]
            del self.fields["email"]
            self.fields["sender_school"].initial = school_name
        for field in self.fields.values():
            if getattr(field, "max_length", None):
                field.widget.attrs["maxlength"] = str(field.max_length)


class RespondForm(forms.Form):
    ACTIONS = [
        ("accept", _("Accept: we can help")),
        ("decline", _("Decline: we cannot help")),
        ("refer", _("Pass it on to a colleague at our school")),
    ]
    action = forms.ChoiceField(
        label=_("Your answer"), choices=ACTIONS, widget=forms.RadioSelect
    )
    message = forms.CharField(
        label=_("Message"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "To the school that asked when you accept or decline: say how you go "
            "on (who calls whom, when). To your colleague when you pass it on."
        ),
    )
    colleague = forms.ModelChoiceField(
        label=_("Colleague"), queryset=Profile.objects.none(), required=False
    )

    def __init__(self, *args, school, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["colleague"].queryset = colleagues_seen_by(user, [school])
        self.fields["message"].widget.attrs["maxlength"] = "4000"

    def clean(self):
        data = super().clean()
        action = data.get("action")
        if action == "refer" and not data.get("colleague"):
            self.add_error("colleague", _("Choose the colleague to pass it on to."))
        if action in ("accept", "decline") and not data.get("message", "").strip():
            self.add_error("message", _("Write the school that asked how you go on."))
        return data
