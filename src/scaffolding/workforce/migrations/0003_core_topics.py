"""The core learning topics every partnership shares (000 p.108; 002 chapter 15)."""

from django.db import migrations

TOPICS = [
    ("attachment", "Attachment", 10),
    ("trauma", "Trauma-responsive care", 20),
    ("rights", "Children's rights and the UNCRC", 30),
    ("child-development", "Child development", 40),
    ("promise", "The Promise", 50),
    ("supervision", "Supervising and supporting others", 60),
]


def add_topics(apps, schema_editor):
    Topic = apps.get_model("workforce", "Topic")
    for key, name, order in TOPICS:
        Topic.objects.update_or_create(key=key, defaults={"name": name, "order": order})


def remove_topics(apps, schema_editor):
    apps.get_model("workforce", "Topic").objects.filter(key__in=[t[0] for t in TOPICS]).delete()


class Migration(migrations.Migration):
    dependencies = [("workforce", "0002_learning")]

    operations = [migrations.RunPython(add_topics, remove_topics)]
