"""Schools as a kind of search result, and a place name as their filter.

Schools are public. A search finds them by name, place, province, BRIN,
samenwerkingsverband and board. A place in the query ("scholen in Utrecht")
is read as a filter on the schools (those in that city, at a location there,
or in that province) when the query also says "school(s)" or is only the
place: "best practice" is not a search in Best. With nothing else asked, the
schools of the place lead the results, by name."""

import re
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import FloatField, Q, Value, prefetch_related_objects
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from network.models import Province, School, SchoolLocation, SchoolType

from .backends import lower_score_is_better
from .snippets import mark, snippet
from .sources import Source, ranked
from .text import search_words

CACHE_KEY = "search:places"
CACHE_SECONDS = 60 * 60
# Words that name this kind of result rather than what it is about.
KIND_WORDS = frozenset({"school", "scholen", "schoollocatie", "vestiging"})
# A place asked for outranks any text match, which scores far below this.
FIRST = 1e6


@dataclass
class Place:
    cities: set[str] = field(default_factory=set)
    provinces: set[str] = field(default_factory=set)

    def schools(self) -> Q:
        at_location = SchoolLocation.objects.filter(
            city__iregex=_one_of(self.cities)
        ).values("school_id")
        found = Q(pk__in=at_location) if self.cities else Q()
        if self.cities:
            found |= Q(city__iregex=_one_of(self.cities))
        if self.provinces:
            found |= Q(province__in=self.provinces)
        return found


def _one_of(names) -> str:
    return "^(" + "|".join(re.escape(name) for name in sorted(names)) + ")$"


def _places() -> dict[tuple, Place]:
    places = cache.get(CACHE_KEY)
    if places is None:
        places = {}
        cities = set(School.objects.values_list("city", flat=True))
        cities |= set(SchoolLocation.objects.values_list("city", flat=True))
        for city in cities:
            key = tuple(search_words(city))
            if key:
                places.setdefault(key, Place()).cities.add(city)
        for code, label in Province.choices:
            places.setdefault(tuple(search_words(label)), Place()).provinces.add(code)
        cache.set(CACHE_KEY, places, CACHE_SECONDS)
    return places


def forget(**_kwargs):
    cache.delete(CACHE_KEY)


def place_in(words: list[str]) -> tuple[Place | None, list[str]]:
    """The first place named in the words (its longest name), and the other
    words."""
    known = _places()
    for start in range(len(words)):
        for end in range(len(words), start, -1):
            place = known.get(tuple(words[start:end]))
            if place is not None:
                return place, words[:start] + words[end:]
    return None, words


class SchoolSource(Source):
    key = "scholen"
    label = _("Schools")
    singular = _("School")
    order = 35
    understands = frozenset({"cluster", "school_type"})
    # A school's few lines name its pupils ("leerlingen met autisme"): found for
    # that word, but after the article and the expert who are about it.
    weight = 0.3

    def queryset(self, user, filters):
        # The board is shown with each hit: it comes with it.
        schools = School.objects.select_related("board")
        if filters.cluster:
            schools = schools.filter(
                pk__in=School.objects.filter(clusters__number=filters.cluster).values(
                    "pk"
                )
            )
        if filters.school_type:
            schools = schools.filter(
                school_type__in=SchoolType.matching(filters.school_type)
            )
        return schools

    def same_sql_for(self, user, filters):
        # Every school for everyone, whatever the moment.
        return "everyone"

    def search(self, backend, words, operator, user, filters):
        schools = self.built(user, filters)
        place, other_words = place_in(words)
        about = [word for word in other_words if word not in KIND_WORDS]
        if place is None or (about == other_words and about):
            return ranked(backend, words, operator, schools)
        schools = schools.filter(place.schools())
        if about:
            return ranked(backend, about, operator, schools)
        first = -FIRST if lower_score_is_better(backend) else FIRST
        return schools.annotate(_score=Value(first, output_field=FloatField()))

    def public_words(self):
        yield from School.objects.values_list("name", flat=True)
        yield from School.objects.values_list("city", flat=True).distinct()

    def results(self, schools, pattern, request):
        prefetch_related_objects(schools, "clusters")
        results = []
        for school in schools:
            clusters = ", ".join(str(c.number) for c in school.clusters.all())
            meta = [f"{school.city}, {school.province_name}"]
            if school.school_type:
                meta.append(school.get_school_type_display())
            if clusters:
                meta.append(f"{_('Cluster')} {clusters}")
            results.append(
                self.result(
                    school,
                    title=SafeString(mark(school.name, pattern)),
                    url=school.get_absolute_url(),
                    snippet=snippet(
                        [school.description, school.alliance, school.board.name],
                        pattern,
                    ),
                    meta=meta,
                )
            )
        return results


SCHOOLS = SchoolSource()
