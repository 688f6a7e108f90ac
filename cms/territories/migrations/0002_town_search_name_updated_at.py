import django.utils.timezone
from django.db import migrations, models


def fill_search_names(apps, schema_editor):
    from cms.territories.names import normalise_name

    Town = apps.get_model("territories", "Town")
    towns = list(Town.objects.only("pk", "name"))
    for town in towns:
        town.search_name = normalise_name(town.name)
    Town.objects.bulk_update(towns, ["search_name"])


class Migration(migrations.Migration):

    dependencies = [
        ("territories", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="town",
            name="search_name",
            field=models.CharField(db_index=True, default="", editable=False, help_text="Le nom sans majuscules, accents ni tirets, pour la recherche et le tri.", max_length=120, verbose_name="nom normalisé"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="town",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, default=django.utils.timezone.now, verbose_name="dernière modification"),
            preserve_default=False,
        ),
        migrations.AlterModelOptions(
            name="town",
            options={"ordering": ["search_name"], "verbose_name": "ville", "verbose_name_plural": "villes"},
        ),
        migrations.RunPython(fill_search_names, migrations.RunPython.noop),
    ]
