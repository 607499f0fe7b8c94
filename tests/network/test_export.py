"""A person's data export holds their account settings too."""

import json

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("choice", ["instant", "daily", "never"])
def test_the_export_holds_the_email_setting(client, make_person, choice):
    person = make_person("Eva Export")
    person.user.email_notifications = choice
    person.user.save(update_fields=["email_notifications"])
    client.force_login(person.user)
    data = json.loads(client.post("/account/mijn-gegevens/").content)
    assert data["account"]["email_notifications"] == choice
