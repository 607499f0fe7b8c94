"""Logging filters, named in settings.LOGGING."""

import logging
import threading
import time


class OncePerInterval(logging.Filter):
    """Lets one record of each kind through per `seconds` (a minute unless told),
    and notes on it how many of that kind it held back since the last one.

    A kind is the logger and the message as written in the code, before its
    arguments are filled in: "Live update to %s failed" is one kind for every
    thread. Meant for errors that repeat on every request while a service is
    down (Redis restarting): the outage is logged, with its first traceback,
    without a line per request."""

    def __init__(self, seconds: float = 60.0):
        super().__init__()
        self.seconds = float(seconds)
        self._lock = threading.Lock()
        self._last: dict[tuple[str, str], tuple[float, int]] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        kind = (record.name, str(record.msg))
        now = time.monotonic()
        with self._lock:
            last, held = self._last.get(kind, (None, 0))
            if last is not None and now - last < self.seconds:
                self._last[kind] = (last, held + 1)
                return False
            self._last[kind] = (now, 0)
        if held:
            # The note has no "%" in it, so the message still formats with its
            # own arguments.
            record.msg = str(record.msg) + f" ({held} more like this not logged)"
        return True
