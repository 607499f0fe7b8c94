"""The other names of the starting support needs: the abbreviations and words
the sector uses for them, so a search for "TOS" finds "Taal en spraak". Editors
change them in the admin afterwards; a name an editor already filled in stays."""

from django.db import migrations

OTHER_NAMES = {
    "communicatie": "OC, ondersteunde communicatie, AAC",
    "taal-en-spraak": "TOS, taalontwikkelingsstoornis, spraak-taalstoornis",
    "gedragsregulatie": "gedrag, gedragsproblemen, probleemgedrag",
    "sociaal-emotioneel": "SEO, sociaal-emotionele ontwikkeling",
    "prikkelverwerking": "prikkels, overprikkeling, sensorische informatieverwerking",
    "zien": "visuele beperking, slechtziend, blind",
    "horen": "auditieve beperking, slechthorend, doof",
    "motoriek": "LG, lichamelijke beperking, motorische beperking",
    "leren": "leerproblemen, executieve functies",
    "medische-zorg": "LZ, langdurig ziek, medische handelingen",
    "zorgcoordinatie": "jeugdhulp, jeugdzorg",
    "werk-en-stage": "arbeidstoeleiding, jobcoaching",
}


def add_other_names(apps, schema_editor):
    SupportNeed = apps.get_model("network", "SupportNeed")
    for slug, names in OTHER_NAMES.items():
        SupportNeed.objects.filter(slug=slug, also_known_as="").update(
            also_known_as=names
        )


class Migration(migrations.Migration):
    dependencies = [("network", "0012_also_known_as")]

    operations = [migrations.RunPython(add_other_names, migrations.RunPython.noop)]
