"""The directory's counts with nothing chosen, kept per audience and facet
value (network.directory_counts), and what each profile counts for. They are
filled by the next migration, which adds pairs of values."""

from django.db import migrations, models


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
    ]
