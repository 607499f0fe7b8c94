"""The themes signals start with (editors change the list) and the policy
advisers' group with the permissions it needs in the admin."""

from django.db import migrations

THEMES = [
    ("Samenwerkingsverband en toelating", "samenwerkingsverband-toelating"),
    ("Jeugdhulp en zorg in school", "jeugdhulp-zorg"),
    ("Leerlingenvervoer", "leerlingenvervoer"),
    ("Bekostiging", "bekostiging"),
    ("Personeelstekort", "personeelstekort"),
    ("Wet- en regelgeving en inspectie", "wetgeving-inspectie"),
    ("Anders", "anders"),
]
# (app, model, codename, name): made here, as Django makes permissions only
# after all migrations have run.
ADVISER_PERMISSIONS = [
    ("association", "signal", "view_signal", "Can view signal"),
    ("association", "signal", "change_signal", "Can change signal"),
    ("association", "dossier", "view_dossier", "Can view dossier"),
    ("association", "dossier", "add_dossier", "Can add dossier"),
    ("association", "dossier", "change_dossier", "Can change dossier"),
    ("association", "signaltheme", "view_signaltheme", "Can view signal theme"),
    ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"),
]


def create(apps, schema_editor):
    SignalTheme = apps.get_model("association", "SignalTheme")
    for order, (name, slug) in enumerate(THEMES):
        SignalTheme.objects.get_or_create(
            slug=slug, defaults={"name": name, "sort_order": order}
        )
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    advisers, _created = Group.objects.get_or_create(name="Beleidsadviseurs")
    for app_label, model, codename, name in ADVISER_PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(
            app_label=app_label, model=model
        )
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        advisers.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("association", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
