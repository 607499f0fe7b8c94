"""Directory, profile and school pages. Visibility is decided in permissions.py;
a profile someone may not see answers 404, so its existence does not leak."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _

from network.pagination import Counted, LookingAhead, paginate
from network.query_params import int_param

from .contact import can_ask
from .directory import URL_WORDS, DirectoryForm, search_directory
from .models import (
    Cluster,
    Profile,
    Province,
    School,
    SchoolType,
)
from .permissions import can_view_profile
from .prefetch import names_beside
from .text import render_markdown

DIRECTORY_PAGE_SIZE = 20
SORT_LABELS = [("name", _("Name")), ("recent", _("Recently updated"))]
FACET_LABELS = {
    "support_need": _("Support need"),
    "topic": _("Topic"),
    "cluster": _("Cluster"),
    "school_type": _("SO or VSO"),
    "province": _("Province"),
    "availability": _("Availability"),
}


def _with_cards(page):
    """The page's profiles with the names a card shows (schools, support
    needs), in one query."""
    profiles = list(page.object_list)
    schools, needs, _topics = names_beside(
        [profile.pk for profile in profiles], topics=False
    )
    for profile in profiles:
        profile.school_names = schools.get(profile.pk, [])
        profile.need_names = needs.get(profile.pk, [])
    page.object_list = profiles
    return page


def directory(request):
    form = DirectoryForm(request.GET)
    filters = form.filters()
    result = search_directory(request.user, filters)
    listed = result.profiles.select_related("photo")
    if result.approximate:
        number = int_param(request.GET, "page")
        profiles = LookingAhead(listed, number, DIRECTORY_PAGE_SIZE)
    else:
        profiles = Counted(listed, result.total)
    page = _with_cards(paginate(request, profiles, DIRECTORY_PAGE_SIZE))
    facets = [
        {
            "param": URL_WORDS[name],
            "label": FACET_LABELS[name],
            "values": values,
        }
        for name, values in result.facets.items()
    ]
    return render(
        request,
        "network/directory.html",
        {
            "profiles": page,
            "total": result.total,
            "approximate": result.approximate,
            "facets": facets,
            "filters": filters,
            "query": filters.get("q", ""),
            "sort": filters.get("sort", "name"),
            "sorts": SORT_LABELS,
            "has_filters": any(key != "sort" for key in filters),
            # Shown on the folded "Filters" button on a phone: "Filters (2)".
            "active_filters": sum(key not in ("sort", "q") for key in filters),
        },
    )


def profile_detail(request, slug):
    profile = get_object_or_404(
        Profile.objects.select_related("user", "photo").prefetch_related(
            "support_needs", "clusters", "topics", "affiliations__school"
        ),
        slug=slug,
    )
    if not can_view_profile(request.user, profile):
        raise Http404
    return render(
        request,
        "network/profile_detail.html",
        {
            "profile": profile,
            "bio": render_markdown(profile.bio),
            "is_owner": request.user.is_authenticated
            and profile.user_id == request.user.pk,
            "can_ask": can_ask(request.user, profile),
        },
    )


def school_list(request):
    schools = School.objects.select_related("board").prefetch_related("clusters")
    province = request.GET.get("provincie", "")
    if province in Province.values:
        schools = schools.filter(province=province)
    cluster = int_param(request.GET, "cluster")
    if cluster is not None:
        schools = schools.filter(clusters__number=cluster)
    kind = request.GET.get("soort", "")
    if kind in (SchoolType.SO, SchoolType.VSO):
        schools = schools.filter(school_type__in=SchoolType.matching(kind))
    return render(
        request,
        "network/school_list.html",
        {
            "schools": paginate(request, schools.distinct(), DIRECTORY_PAGE_SIZE),
            "provinces": Province.choices,
            "clusters": Cluster.objects.all(),
            "school_types": [
                (SchoolType.SO, SchoolType.SO.label),
                (SchoolType.VSO, SchoolType.VSO.label),
            ],
            "chosen": {
                "provincie": province,
                "cluster": "" if cluster is None else str(cluster),
                "soort": kind,
            },
        },
    )


def school_detail(request, brin):
    school = get_object_or_404(
        School.objects.select_related("board").prefetch_related(
            "clusters", "locations"
        ),
        brin=brin.upper(),
    )
    people = (
        Profile.objects.visible_to(request.user)
        .filter(pk__in=school.affiliations.values("profile_id"))
        .select_related("photo")
        .order_by("name")
    )
    offers = school.offers.published().prefetch_related("support_needs")
    return render(
        request,
        "network/school_detail.html",
        {
            "school": school,
            "offers": offers,
            "people": _with_cards(paginate(request, people, DIRECTORY_PAGE_SIZE)),
        },
    )
