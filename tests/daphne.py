"""The one way tests start a real Daphne: a forked child process serving an
ASGI application on a free port, as production runs it. Browser tests, the
request-limit tests and the live-forum fault tests all start it here."""

import contextlib
import random

from daphne.testing import DaphneProcess

from tests.conftest import close_connections_before_fork, renew_sync_executor


def _child_setup(django_db_blocker):
    def setup():
        # A forked child inherits asgiref's single-thread executor without its
        # thread, if a test used database_sync_to_async before the fork; any
        # database work in the child would then hang. Give it a fresh one.
        renew_sync_executor()
        # And the parent's channel layer, if a test used one: with channels-
        # redis, two children would then read one Redis key for their sockets
        # (the layer names it once, at random) and take each other's
        # messages. A process started on its own, as in production, makes
        # its own layer and random state; so does this one.
        from channels.layers import channel_layers

        channel_layers.backends = {}
        random.seed()
        # The child inherits pytest-django's block on database access.
        if django_db_blocker is not None:
            django_db_blocker.unblock()

    return setup


@contextlib.contextmanager
def daphne(make_application, *, host="localhost", django_db_blocker=None):
    """Serve `make_application()` (called in the child) and yield its base URL.

    Pass `django_db_blocker` when the application uses the test database: the
    parent's connections and pool are closed before the fork (a child must not
    share their sockets), and the child may use the database."""
    if django_db_blocker is not None:
        with django_db_blocker.unblock():
            close_connections_before_fork()
    server = DaphneProcess(
        host, make_application, setup=_child_setup(django_db_blocker)
    )
    server.daemon = True
    server.start()
    try:
        if not server.ready.wait(timeout=30):
            raise RuntimeError("Daphne did not start within 30 seconds")
        yield f"http://{host}:{server.port.value}"
    finally:
        server.terminate()
        # Daphne stops on SIGTERM once its reactor has shut down; a child that
        # has not after ten seconds (seen once on a busy machine) is killed
        # rather than left to hang the whole run.
        server.join(timeout=10)
        if server.is_alive():
            server.kill()
            server.join()


def site_application():
    """The site as production serves it (lecso_site.asgi)."""
    from lecso_site.asgi import application

    return application
