"""Settings for the test suite: development mode and background jobs run at once."""

import os

os.environ.setdefault("SCAFFOLDING_DEBUG", "1")
os.environ.setdefault(
    "SCAFFOLDING_TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
)

from scaffolding.settings import *  # noqa: E402, F403
