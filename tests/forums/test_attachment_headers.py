"""A forum attachment keeps the policy its view sets (nothing may load or run
in it) under the site-wide Content-Security-Policy middleware."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from forums.models import Post

pytestmark = pytest.mark.django_db


def test_an_attachment_keeps_its_own_sandboxed_policy(
    client, settings, group, group_member
):
    settings.DEBUG = False
    client.force_login(group_member)
    client.post(
        f"/forum/nieuw/g/{group.slug}/",
        {
            "title": "Verslag",
            "kind": "discussion",
            "body": "Zie bijlage",
            "attachments": SimpleUploadedFile("verslag.pdf", b"%PDF-1.7\n%..."),
        },
    )
    attachment = Post.objects.get().attachments.get()
    response = client.get(attachment.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert "camera=()" in response["Permissions-Policy"]
    # The page that links to it has the site's own policy.
    thread = client.get(attachment.post.thread.get_absolute_url())
    assert "script-src 'self'" in thread["Content-Security-Policy"]
