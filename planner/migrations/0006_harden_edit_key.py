from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("planner", "0005_spatial_indexes")]

    operations = [
        migrations.AddField(
            model_name="itinerary",
            name="edit_key_hash",
            field=models.CharField(blank=True, default="", editable=False, max_length=64),
        ),
    ]
