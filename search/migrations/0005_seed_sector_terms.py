"""The sector's words to start with (term, abbreviations, synonyms), and the
editors' right to keep the list. Editors add, change and remove terms in the
admin afterwards; a term that already exists is left as it is."""

from django.db import migrations

TERMS = [
    ("taalontwikkelingsstoornis", "TOS", "taalstoornis, spraak-taalstoornis, DLD"),
    ("ernstig meervoudige beperking", "EMB", "meervoudig beperkt, meervoudige beperkingen"),
    ("zeer moeilijk lerend", "ZML", "zeer moeilijk lerende leerlingen"),
    ("moeilijk lerend", "MLK", "moeilijk lerende kinderen"),
    ("langdurig ziek", "LZ", "langdurig zieke leerlingen, chronisch ziek"),
    ("lichamelijke beperking", "LG", "lichamelijk gehandicapt"),
    ("autisme", "ASS", "autismespectrumstoornis, PDD-NOS, asperger"),
    ("ADHD", "ADD", "aandachtstekortstoornis, hyperactiviteit"),
    ("dyslexie", "EED", "ernstige enkelvoudige dyslexie, woordblindheid"),
    ("dyscalculie", "", "rekenstoornis, ernstige rekenproblemen"),
    ("verstandelijke beperking", "VB, VG", "verstandelijk gehandicapt"),
    ("niet-aangeboren hersenletsel", "NAH", "hersenletsel"),
    ("gedragsproblemen", "", "probleemgedrag, gedragsstoornis, gedrag"),
    ("thuiszitters", "", "thuiszitter, thuiszitten, schoolverzuim"),
    ("speciaal basisonderwijs", "SBO", ""),
    ("speciaal onderwijs", "SO", ""),
    ("voortgezet speciaal onderwijs", "VSO", ""),
    ("primair onderwijs", "PO", "basisonderwijs"),
    ("voortgezet onderwijs", "VO", ""),
    ("praktijkonderwijs", "PrO", ""),
    ("intern begeleider", "IB'er, IB", "interne begeleiding"),
    ("ontwikkelingsperspectiefplan", "OPP", "ontwikkelingsperspectief"),
    ("samenwerkingsverband", "SWV", "samenwerkingsverbanden"),
    ("toelaatbaarheidsverklaring", "TLV", ""),
    ("commissie van begeleiding", "CvB", ""),
    ("ambulante begeleiding", "AB", "ambulant begeleider"),
    ("handelingsgericht werken", "HGW", ""),
    ("cochleair implantaat", "CI", ""),
    ("schoolmaatschappelijk werk", "SMW", ""),
    ("geestelijke gezondheidszorg", "GGZ", ""),
    ("ondersteunde communicatie", "OC", "AAC"),
    ("passend onderwijs", "", "zorgplicht"),
]

EDITOR_RIGHTS = ["add_term", "change_term", "delete_term", "view_term"]


def seed(apps, schema_editor):
    Term = apps.get_model("search", "Term")
    for term, abbreviations, synonyms in TERMS:
        Term.objects.get_or_create(
            term=term, defaults={"abbreviations": abbreviations, "synonyms": synonyms}
        )
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="search", model="term")
    rights = [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": f"Can {codename.split('_')[0]} search term"},
        )[0]
        for codename in EDITOR_RIGHTS
    ]
    for group in Group.objects.filter(name="Editors"):
        group.permissions.add(*rights)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_sector_terms"),
        ("search", "0002_editors_see_search_report"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
