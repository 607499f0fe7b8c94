"""Policy advisers run consultations in the admin."""

from django.db import migrations

PERMISSIONS = [
    ("consultation", "view_consultation", "Can view consultation"),
    ("consultation", "add_consultation", "Can add consultation"),
    ("consultation", "change_consultation", "Can change consultation"),
]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    advisers, _created = Group.objects.get_or_create(name="Beleidsadviseurs")
    for model, codename, name in PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(
            app_label="association", model=model
        )
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        advisers.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("association", "0003_consultations")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
