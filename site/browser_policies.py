"""What browsers are told the site's pages may load and do: the
Content-Security-Policy for the site and for Wagtail's admin, and the
Permissions-Policy. The same in every environment; settings.py imports them."""

from csp.constants import NONE, SELF, UNSAFE_INLINE

# Content-Security-Policy (django-csp, through lecso_site.security). The site's
# own pages load nothing inline and nothing from elsewhere (no CDN: the site
# works on a closed network), so injected markup can neither run script nor
# restyle the page. 'self' in connect-src also covers the live updates'
# WebSockets to this host (/ws/...). frame-ancestors replaces X-Frame-Options
# in current browsers; form-action and base-uri stop injected forms and <base>
# from sending input elsewhere.
_STRICT_POLICY = {
    "default-src": [SELF],
    "script-src": [SELF],
    "style-src": [SELF],
    "img-src": [SELF],
    "connect-src": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "frame-ancestors": [NONE],
    "form-action": [SELF],
}
CONTENT_SECURITY_POLICY = {"DIRECTIVES": _STRICT_POLICY}
# Wagtail's admin (paths under /admin/) only, each loosening found in Chromium
# with the strict policy, and no looser than the admin needs:
# - script-src 'unsafe-inline': Wagtail 8 writes inline <script> for date
#   choosers, inline panels and listing filters, and the page editor's own
#   scripts insert more; no nonce can reach Wagtail's templates.
# - script-src-attr 'none': still no event-handler attributes (onerror=...),
#   which the admin never writes and injected markup mostly relies on. (The
#   image editor's cropping library probes for touch events by setting one on
#   a loose element; that probe is refused, harmlessly, on desktop browsers.)
# - style-src 'unsafe-inline': the page editor's components add <style>
#   elements, and copying in the rich-text editor sets a style attribute.
# - img-src data: and blob:: the tag autocomplete's menu (a data: image in
#   Wagtail's CSS) and the thumbnails of images being uploaded.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **_STRICT_POLICY,
        "script-src": [SELF, UNSAFE_INLINE],
        "script-src-attr": [NONE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
    }
}
# Permissions-Policy (django-permissions-policy): the site needs no camera,
# microphone, location, payment or device access, so an injected script or a
# framed page cannot ask for them either; and no interest-based advertising
# (Topics, and FLoC under its old name).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "interest-cohort",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}
