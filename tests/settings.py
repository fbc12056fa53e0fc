"""Settings for the test suite: development mode and background jobs run at once."""

import os

os.environ.setdefault("SCAFFOLDING_DEBUG", "1")
os.environ.setdefault(
    "SCAFFOLDING_TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
)

import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

from scaffolding.settings import *  # noqa: E402, F403

# Young people's story files in a throwaway folder, never under var/.
VOICE_PRIVATE_ROOT = Path(tempfile.mkdtemp(prefix="scaffolding-private-"))
