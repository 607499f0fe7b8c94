"""Related rows for a page of objects, one query per relation, handed to each
object as if prefetch_related had found them.

prefetch_related builds, for every object, a queryset filtered on that object
to hold what it found: a filter compiled per object, about half a millisecond
each, which made the ten milliseconds of a page of twenty cards with two
relations. Here each object gets an empty queryset that already holds its rows,
so `obj.relation.all()` in a template reads them without a query."""

from collections import defaultdict


def attach(objects, relation: str, pairs) -> None:
    """Give each of `objects` its `relation` (a many-to-many field or a reverse
    foreign key with that name) from `pairs` of (owner's pk, related object),
    in the order of the pairs."""
    objects = list(objects)
    if not objects:
        return
    related_model = objects[0]._meta.get_field(relation).related_model
    by_owner = defaultdict(list)
    for owner_pk, related in pairs:
        by_owner[owner_pk].append(related)
    for obj in objects:
        held = related_model._default_manager.none()
        held._result_cache = by_owner.get(obj.pk, [])
        held._prefetch_done = True
        if not hasattr(obj, "_prefetched_objects_cache"):
            obj._prefetched_objects_cache = {}
        obj._prefetched_objects_cache[relation] = held
