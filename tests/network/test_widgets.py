"""WrittenSelect writes the markup Django's own Select template writes."""

import pytest
from django import forms

from network.widgets import WrittenSelect

CHOICES = [
    ("", "Elk cluster"),
    (1, "1. Visueel"),
    ("x", 'Quote " and <b>tag</b> & ampersand'),
    ("Regio", [("noord", "Noord"), ("zuid", "Zuid <script>")]),
]


@pytest.mark.parametrize(
    "value, attrs",
    [
        (None, {}),
        ("1", {"form": "search-form"}),
        (
            "zuid",
            {"id": "id_regio", "data-x": 'a"b', "disabled": True, "hidden": False},
        ),
        (["1", "x"], {"aria-describedby": "hint"}),
    ],
)
@pytest.mark.parametrize("required", [False, True])
def test_it_writes_what_the_template_writes(value, attrs, required):
    django_select = forms.Select(attrs=attrs, choices=CHOICES)
    written = WrittenSelect(attrs=attrs, choices=CHOICES)
    django_select.is_required = written.is_required = required
    assert written.render("regio", value) == django_select.render("regio", value)


def test_it_is_what_a_bound_field_renders():
    class Form(forms.Form):
        cluster = forms.TypedChoiceField(
            choices=CHOICES[:3], coerce=str, required=False, widget=WrittenSelect
        )

    class DjangoForm(forms.Form):
        cluster = forms.TypedChoiceField(
            choices=CHOICES[:3], coerce=str, required=False
        )

    data = {"cluster": "x"}
    assert str(Form(data)["cluster"]) == str(DjangoForm(data)["cluster"])
    assert 'value="x" selected' in str(Form(data)["cluster"])
