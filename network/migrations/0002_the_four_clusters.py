from django.db import migrations

CLUSTERS = [
    (1, "Visuele beperking", "Blinde en slechtziende leerlingen"),
    (
        2,
        "Auditieve en communicatieve beperking",
        "Dove en slechthorende leerlingen, taalontwikkelingsstoornis (TOS)",
    ),
    (
        3,
        "Lichamelijke en verstandelijke beperking, langdurig ziek",
        "LG, ZML, LZ en EMB",
    ),
    (4, "Gedrags- en psychiatrische problematiek", "Gedrag en psychiatrie"),
]


def create_clusters(apps, schema_editor):
    Cluster = apps.get_model("network", "Cluster")
    for number, name, description in CLUSTERS:
        Cluster.objects.update_or_create(
            number=number, defaults={"name": name, "description": description}
        )


class Migration(migrations.Migration):
    dependencies = [("network", "0001_initial")]

    operations = [migrations.RunPython(create_clusters, migrations.RunPython.noop)]
