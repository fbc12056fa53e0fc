"""Listen to the workforce register (below us) for people moving on or changing team.

Workforce never imports this app: it only saves its ``Person`` rows. Before a save
we note the previous moved-on date and team; after it, the domain module decides
whether young people linked to that person need a staying-in-touch plan.
"""

from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from scaffolding.workforce.models import Person

from . import domain


@receiver(pre_save, sender=Person, dispatch_uid="relationships-note-previous-person")
def note_previous(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        instance._relationships_previous = None
        return
    instance._relationships_previous = (
        Person.objects.filter(pk=instance.pk).values_list("end_date", "team_id").first()
    )


@receiver(post_save, sender=Person, dispatch_uid="relationships-person-moved-on")
def person_saved(sender, instance, created=False, raw=False, **kwargs):
    if raw or created:
        return
    previous = getattr(instance, "_relationships_previous", None)
    if previous is None:
        return
    old_end, old_team = previous
    domain.register_changed(instance, old_end_date=old_end, old_team_id=old_team)
