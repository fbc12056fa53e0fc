"""What the web layer adds to the checker: the per-partnership glossary and the endpoints.

Run from the repository root:
    .venv/bin/python benchmarks/language_web/run.py [--records 200]

Uses a throwaway SQLite database. Prints, per request, the median and 95th
percentile time of:
- compiling a partnership's merged glossary (what the cache saves),
- glossary_for() with the cache warm (one small query),
- POST /language/suggest/ and POST /language/api/check (token) with a care
  record of about 300 words, through Django's test client (no network).
Prints figures only; asserts nothing about time.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

SENTENCES = [
    "Amy's placement with her kinship carers is going well and she is settled at school.",
    "Supervised contact with mum takes place every Friday at the family centre.",
    'She said "I don\'t want to go to respite" and we talked about a sleepover instead.',
    "Jay enjoys football, cooking with his gran and drawing comics.",
    "The review agreed more time with his brother over the summer holidays.",
    "Staff noted challenging behaviour at bedtime; we will try a calmer routine.",
    "Her social worker visited on Tuesday and they went for a walk by the river.",
    "He is a LAC pupil and the school has a plan to support his reading.",
]


def timed(function, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=200, help="requests per measure")
    options = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="scaffolding-bench-")
    os.environ.update(
        SCAFFOLDING_DEBUG="1",
        SCAFFOLDING_VAR_DIR=workdir,
        DATABASE_URL=f"sqlite:///{Path(workdir) / 'bench.sqlite3'}",
        DJANGO_SETTINGS_MODULE="scaffolding.settings",
        SCAFFOLDING_AXES_ENABLED="0",
        SCAFFOLDING_ALLOWED_HOSTS="testserver",
    )
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0)
    from scaffolding.accounts.models import Partnership, User
    from scaffolding.language import load_default_glossary, overrides
    from scaffolding.language.core import matcher_for
    from scaffolding.language.models import ApiToken

    partnership = Partnership.objects.create(name="Bench", slug="bench", area="Bench")
    user = User.objects.create_user(
        email="bench@example.org", password="x" * 16, full_name="Bench", partnership=partnership
    )
    overrides.save_override(partnership.pk, {"id": "respite", "suggestions": ["short break"]})
    overrides.save_override(
        partnership.pk,
        {
            "id": "problem-family",
            "patterns": overrides.words_to_patterns(["problem family"]),
            "suggestions": ["family who need support"],
            "explanation": "The label sticks.",
            "source": "Bench",
        },
    )
    _, token = ApiToken.issue(partnership, "Bench")
    rng = random.Random(2020)
    record = " ".join(rng.choice(SENTENCES) for _ in range(20))
    rows = [row.data for row in overrides._overrides(partnership.pk)]
    client = Client()
    client.force_login(user)
    api = Client()
    repeat = options.records
    # Measure real answers, not error pages.
    assert client.post("/language/suggest/", {"text": record}).status_code == 200
    answer = api.post(
        "/language/api/check",
        {"text": record},
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert answer.status_code == 200 and answer.json()["findings"], answer.content

    figures = [
        (
            "compile merged glossary (no cache)",
            timed(
                lambda: matcher_for(load_default_glossary().merged_with(rows)),
                max(10, repeat // 10),
            ),
        ),
        (
            "glossary_for(), cache warm",
            timed(lambda: overrides.glossary_for(partnership.pk), repeat),
        ),
        (
            f"POST /language/suggest/ ({len(record.split())} words)",
            timed(lambda: client.post("/language/suggest/", {"text": record}), repeat),
        ),
        (
            f"POST /language/api/check ({len(record.split())} words, token)",
            timed(
                lambda: api.post(
                    "/language/api/check",
                    {"text": record},
                    content_type="application/json",
                    headers={"Authorization": f"Bearer {token}"},
                ),
                repeat,
            ),
        ),
    ]
    print(f"Python {sys.version.split()[0]}, {repeat} requests per measure")
    for name, (median, p95) in figures:
        print(f"{name:<55} median {median:7.2f} ms   p95 {p95:7.2f} ms")


if __name__ == "__main__":
    main()
