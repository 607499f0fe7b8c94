"""What Daphne's HTTP server says to a request line or header too long to read.

Daphne parses HTTP with Twisted's HTTPChannel, a LineReceiver that drops the
connection without a word when one line (the request line or a header) is
longer than its MAX_LENGTH of 16 KB (twisted/twisted#4229, open since 2010).
A browser then shows "connection reset" and a script gets no status at all.
Django never sees such a request, so only the server can answer it:
`answer_overlong_lines()` makes HTTPChannel send a proper status line (414 for
the request line, 431 for a header) with a short text in Dutch and English,
and then close the connection, as Twisted already does for the other limits it
checks (those answer a bare 400).

Installed from lecso_site.asgi, which Daphne imports before it listens, so it
holds for `daphne lecso_site.asgi:application`, `manage.py runserver` and the
test servers alike. URLs that Twisted does read but that are still too long
for the site are answered by Django (lecso_site.middleware.LimitURLLength).
"""

from twisted.web.http import HTTPChannel

_TEXT = {
    414: (
        b"URI Too Long",
        "Dit adres (de link) is te lang om te lezen. Ga terug en probeer het "
        "met een kortere zoekopdracht of link.\n"
        "This address (the link) is too long to read. Go back and try a "
        "shorter search or link.\n",
    ),
    431: (
        b"Request Header Fields Too Large",
        "Uw browser stuurde te veel gegevens mee (vaak cookies). Verwijder de "
        "cookies van deze site en probeer het opnieuw.\n"
        "Your browser sent too much data along (often cookies). Delete this "
        "site's cookies and try again.\n",
    ),
}


def overlong_line_response(status: int) -> bytes:
    """The whole HTTP response for a line that was too long: a status line,
    headers that end the connection and a short plain text."""
    reason, text = _TEXT[status]
    body = text.encode()
    return b"".join(
        [
            b"HTTP/1.1 %d %s\r\n" % (status, reason),
            b"Content-Type: text/plain; charset=utf-8\r\n",
            b"Content-Length: %d\r\n" % len(body),
            b"Connection: close\r\n",
            b"\r\n",
            body,
        ]
    )


def _line_length_exceeded(channel: HTTPChannel, line: bytes) -> None:
    # Twisted counts the bytes of the request line and headers of the current
    # request in _receivedHeaderSize; nothing counted yet means the line that
    # overflowed is the request line itself.
    status = 414 if channel._receivedHeaderSize == 0 else 431
    channel.transport.write(overlong_line_response(status))
    channel.loseConnection()


def answer_overlong_lines() -> None:
    """Make Twisted's HTTP server answer a too-long line instead of dropping
    the connection. Safe to call more than once."""
    HTTPChannel.lineLengthExceeded = _line_length_exceeded
