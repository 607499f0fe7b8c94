from django import forms
from django.utils.translation import gettext_lazy as _


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "maxlength": "254"}),
        help_text=_(
            "We send a link to confirm it; we keep the address only once you "
            "have. Every newsletter has a link to unsubscribe at once."
        ),
    )


class MemberChoiceForm(forms.Form):
    receives = forms.BooleanField(
        label=_("Send me the members' newsletter"), required=False
    )
