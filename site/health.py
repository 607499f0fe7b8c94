"""Health endpoints for the proxy in front of the Daphne processes.

/gezond/        liveness: the process answers. Reads no database, cache or
                session, so a database outage does not make the proxy think
                the process itself is broken (and restart it for nothing).
/gezond/klaar/  readiness: the database and, when configured, the Redis cache
                and channel layer answer, each within a short timeout. 200
                with a small JSON body saying which part is fine, 503 when any
                part is not: the proxy then sends visitors to another process.

Both sit outside the language prefixes (a proxy probes one fixed URL), set no
cookie, and may not be cached.
"""

from http import HTTPStatus

import redis
from channels_redis.utils import decode_hosts
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_safe

OK = "ok"
UNAVAILABLE = "unavailable"
# Nothing to reach: the embedded local-memory cache, the in-memory layer.
IN_PROCESS = "in-process"


def _uncached(response):
    response["Cache-Control"] = "no-store"
    return response


@require_safe
def alive(request):
    return _uncached(HttpResponse("ok\n", content_type="text/plain"))


def database_state() -> str:
    """A query on the default database, through the same connection pool as
    requests, so it waits at most DB_POOL_TIMEOUT (PostgreSQL) for a
    connection.

    First the pool's idle connections are checked and any that PostgreSQL
    closed (a restart) are replaced. The pool checks each connection it hands
    out anyway, but pauses a second, then two, between finding one dead and
    trying the next, so a request that met three dead ones in a row would time
    out; the proxy's probe clears them first."""
    try:
        pool = getattr(connection, "pool", None)  # PostgreSQL's only
        if pool is not None:
            pool.open()  # as Django does before its first connection
            pool.check()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any failure means "not ready"
        return UNAVAILABLE
    return OK


def cache_state() -> str:
    """A PING through the cache's own Redis client, with the cache's own
    timeouts (REDIS_CACHE_CONNECT_TIMEOUT, REDIS_CACHE_TIMEOUT); the cache
    itself would hide the failure as a miss."""
    cache = caches["default"]
    if not hasattr(cache, "client") or not hasattr(cache.client, "get_client"):
        return IN_PROCESS
    try:
        cache.client.get_client(write=True).ping()
    except Exception:  # noqa: BLE001 - any failure means "not ready"
        return UNAVAILABLE
    return OK


def channel_layer_state() -> str:
    """A PING to each Redis of the channel layer, with a client of its own
    that waits at most READINESS_TIMEOUT: the layer's own connections may
    wait much longer for a reply, as live sockets read with a long timeout."""
    layer = settings.CHANNEL_LAYERS.get("default", {})
    if "channels_redis" not in layer.get("BACKEND", ""):
        return IN_PROCESS
    timeout = settings.READINESS_TIMEOUT
    for host in decode_hosts(layer.get("CONFIG", {}).get("hosts")):
        options = {"socket_connect_timeout": timeout, "socket_timeout": timeout}
        if "address" in host:
            client = redis.Redis.from_url(host["address"], **options)
        elif "host" in host:
            client = redis.Redis(host=host["host"], port=host["port"], **options)
        else:
            continue  # a Sentinel setup: its master is found at run time
        try:
            client.ping()
        except Exception:  # noqa: BLE001 - any failure means "not ready"
            return UNAVAILABLE
        finally:
            client.close()
    return OK


@require_safe
def ready(request):
    parts = {
        "database": database_state(),
        "cache": cache_state(),
        "channel_layer": channel_layer_state(),
    }
    ready = UNAVAILABLE not in parts.values()
    status = HTTPStatus.OK if ready else HTTPStatus.SERVICE_UNAVAILABLE
    return _uncached(JsonResponse(parts, status=status))
