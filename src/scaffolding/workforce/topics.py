"""The core learning topics (000 p.108; 002 chapter 15). Migration 0003 creates them too."""

CORE_TOPICS = [
    ("attachment", "Attachment", 10),
    ("trauma", "Trauma-responsive care", 20),
    ("rights", "Children's rights and the UNCRC", 30),
    ("child-development", "Child development", 40),
    ("promise", "The Promise", 50),
    ("supervision", "Supervising and supporting others", 60),
]


def ensure_core_topics() -> None:
    """Create any core topic that is missing (a flushed test database, for example)."""
    from .models import Topic

    for key, name, order in CORE_TOPICS:
        Topic.objects.get_or_create(key=key, defaults={"name": name, "order": order})
