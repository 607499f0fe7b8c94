"""The directory's counts with nothing chosen, kept per audience and facet
value (network.directory_counts), and what each profile counts for; filled
here from the profiles there are."""

from django.db import migrations, models


def count_everyone(apps, schema_editor):
    from network.directory_counts import rebuild

    rebuild(apps)


class Migration(migrations.Migration):

    dependencies = [
        ('network', '0018_support_offers'),
    ]

    operations = [
        migrations.AddField(
            model_name='profile',
            name='counted_as',
            field=models.TextField(blank=True, default='', editable=False),
        ),
        migrations.CreateModel(
            name='DirectoryCount',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('audience', models.CharField(max_length=10)),
                ('facet', models.CharField(max_length=20)),
                ('value', models.CharField(blank=True, max_length=100)),
                ('count', models.IntegerField(default=0)),
            ],
            options={
                'verbose_name': 'directory count',
                'verbose_name_plural': 'directory counts',
                'constraints': [models.UniqueConstraint(fields=('audience', 'facet', 'value'), name='one_count_per_value')],
            },
        ),
        migrations.RunPython(count_everyone, migrations.RunPython.noop),
    ]
