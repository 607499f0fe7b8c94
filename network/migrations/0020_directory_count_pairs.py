"""Pairs of facet values in the directory's kept counts, for the counts with
one value chosen (network.directory_counts); counted afresh here."""

from django.db import migrations, models


def count_everyone(apps, schema_editor):
    from network.directory_counts import rebuild

    rebuild(apps)


def forget_the_counts(apps, schema_editor):
    # Without the pairs' columns the pairs would not be unique; counted again
    # when this migration is applied again.
    apps.get_model("network", "DirectoryCount").objects.all().delete()


class Migration(migrations.Migration):

    dependencies = [
        ('network', '0019_directory_counts'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='directorycount',
            name='one_count_per_value',
        ),
        migrations.AddField(
            model_name='directorycount',
            name='other_facet',
            field=models.CharField(blank=True, max_length=20),
        ),
        migrations.AddField(
            model_name='directorycount',
            name='other_value',
            field=models.CharField(blank=True, max_length=100),
        ),
        migrations.AddConstraint(
            model_name='directorycount',
            constraint=models.UniqueConstraint(fields=('audience', 'facet', 'value', 'other_facet', 'other_value'), name='one_count_per_value'),
        ),
        migrations.RunPython(count_everyone, forget_the_counts),
    ]
