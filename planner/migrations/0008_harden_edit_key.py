from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("planner", "0007_data_editor_permissions")]

    operations = [
        migrations.AddField(
            model_name="itinerary",
            name="edit_key_hash",
            field=models.CharField(blank=True, default="", editable=False, max_length=64),
        ),
    ]
