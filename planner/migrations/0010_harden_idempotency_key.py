from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("planner", "0009_harden_content_version")]

    operations = [
        migrations.AddField(
            model_name="itinerary",
            name="idempotency_key_hash",
            field=models.CharField(blank=True, editable=False, max_length=64, null=True,
                                   unique=True),
        ),
    ]
