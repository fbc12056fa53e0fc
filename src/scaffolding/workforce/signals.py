"""Signals the register sends for apps above it (it never imports them).

``people_changed`` is sent after a bulk import updates register entries, since bulk
updates send no ``post_save``. ``changes`` is a list of (person, previous end date,
previous team id) for every entry the import updated.
"""

from django.dispatch import Signal

people_changed = Signal()
