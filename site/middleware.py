from django.conf import settings

from .errors import request_too_large, url_too_long


class LimitRequestSize:
    """Answers a request that is too big for the site with a page that says so,
    before anything reads it: a URL longer than MAX_URL_LENGTH (414) and a body
    longer than MAX_REQUEST_BODY_SIZE, uploads included (413).

    Bodies within that size but with more form text than Django reads
    (DATA_UPLOAD_MAX_MEMORY_SIZE) or too many fields are refused later, when the
    form data is read, by lecso_site.errors.bad_request. URLs too long for the
    server to read at all are answered by lecso_site.server_limits.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        url_length = len(request.path.encode()) + len(
            request.META.get("QUERY_STRING", "")
        )
        if url_length > settings.MAX_URL_LENGTH:
            return url_too_long(request)
        try:
            body_length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            body_length = 0
        if body_length > settings.MAX_REQUEST_BODY_SIZE:
            return request_too_large(request)
        return self.get_response(request)
