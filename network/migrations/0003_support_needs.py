from django.db import migrations

# The starting list; editors curate it in the admin afterwards.
SUPPORT_NEEDS = [
    ("Communicatie", "communicatie", "Ook ondersteunde communicatie (OC): picto's, gebaren, spraakcomputers."),
    ("Taal en spraak", "taal-en-spraak", "Taalontwikkeling, TOS, spraak en logopedie."),
    ("Gedragsregulatie", "gedragsregulatie", "Zelfregulatie, de-escalatie, voorspelbaarheid."),
    ("Sociaal-emotionele ontwikkeling", "sociaal-emotioneel", "Relaties, weerbaarheid, welbevinden."),
    ("Prikkelverwerking", "prikkelverwerking", "Over- en onderprikkeling, een rustige leeromgeving."),
    ("Zien", "zien", "Zintuiglijke ondersteuning bij een visuele beperking."),
    ("Horen", "horen", "Zintuiglijke ondersteuning bij een auditieve beperking."),
    ("Motoriek en mobiliteit", "motoriek", "Grove en fijne motoriek, hulpmiddelen, toegankelijkheid."),
    ("Leren en cognitie", "leren", "Didactiek, leerlijnen, executieve functies."),
    ("Zelfredzaamheid", "zelfredzaamheid", "Dagelijkse vaardigheden, zelfstandigheid."),
    ("Medische zorg en verzorging", "medische-zorg", "Zorg op school, samenwerking met zorgprofessionals."),
    ("Zorgcoördinatie", "zorgcoordinatie", "Afstemming met ouders, jeugdhulp, gemeente en zorg."),
    ("Werk en stage", "werk-en-stage", "Arbeidstoeleiding, stages, jobcoaching."),
]


def create_support_needs(apps, schema_editor):
    SupportNeed = apps.get_model("network", "SupportNeed")
    for order, (name, slug, description) in enumerate(SUPPORT_NEEDS):
        SupportNeed.objects.update_or_create(
            slug=slug,
            defaults={"name": name, "description": description, "sort_order": order},
        )


class Migration(migrations.Migration):
    dependencies = [("network", "0002_the_four_clusters")]

    operations = [
        migrations.RunPython(create_support_needs, migrations.RunPython.noop)
    ]
