import time

from django.db import migrations, models


def first_version(apps, schema_editor):
    apps.get_model("planner", "ContentVersion").objects.get_or_create(
        pk=1, defaults={"value": time.time_ns()}
    )


class Migration(migrations.Migration):
    dependencies = [("planner", "0008_harden_edit_key")]

    operations = [
        migrations.CreateModel(
            name="ContentVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False,
                                           verbose_name="ID")),
                ("value", models.BigIntegerField()),
            ],
        ),
        migrations.RunPython(first_version, migrations.RunPython.noop),
    ]
