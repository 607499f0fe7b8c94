"""The living style page, /stijl/: every component of the design system as the
site draws it, for developers and designers. Only with DEBUG on; elsewhere it
does not exist (404)."""

from types import SimpleNamespace

from django.conf import settings
from django.http import Http404
from django.shortcuts import render

COLOURS = [
    "brand-900",
    "brand-700",
    "brand-600",
    "brand-100",
    "accent-600",
    "accent-400",
    "accent-100",
    "ink",
    "muted",
    "surface",
    "success",
    "danger",
    "focus",
]
PEOPLE = [
    ("Marieke de Vries", "Intern begeleider"),
    ("Bram Jansen", "Logopedist"),
    ("Aïcha El Amrani", "Gedragsspecialist"),
    ("Joost van der Berg", "Directeur"),
]


def style_guide(request):
    if not settings.DEBUG:
        raise Http404
    # Profiles as the avatar tag reads them: a name (and no photo).
    people = [SimpleNamespace(name=name, role=role) for name, role in PEOPLE]
    return render(
        request,
        "lecso_site/style_guide.html",
        {
            "colours": COLOURS,
            "people": people,
            "sample": SimpleNamespace(name="Anna Visser"),
        },
    )
