"""Time the progress overview, a call to action page and the PDF report on the demo data.

Builds the demo partnership in a throwaway SQLite database, then prints how long each
page takes and how many queries it runs. Run with `make bench` or
`SCAFFOLDING_DEBUG=1 .venv/bin/python benchmarks/progress_overview.py [--size N]`.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="scaffolding-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    os.environ.setdefault("SCAFFOLDING_DEBUG", "1")
    os.environ["DJANGO_SETTINGS_MODULE"] = "scaffolding.settings"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    from scaffolding.core import demo
    from scaffolding.progress.models import FrameworkItem

    ctx = demo.build(size=args.size)
    print(f"demo-data --size {args.size}: {time.perf_counter() - started:.1f} s")
    client = Client()
    client.force_login(ctx.accounts["promise_lead"])
    item = FrameworkItem.objects.filter(partnership=ctx.partnership, code="care-3").first()
    pages = {
        "overview": reverse("progress:overview"),
        "call to action": reverse("progress:item_detail", args=[item.pk]),
        "evidence": reverse("progress:evidence"),
        "report (HTML)": reverse("progress:report"),
        "report (PDF)": reverse("progress:report_pdf"),
    }
    for label, url in pages.items():
        client.get(url)  # warm caches (fonts, templates)
        timings = []
        for _ in range(args.repeat):
            with CaptureQueriesContext(connection) as queries:
                begun = time.perf_counter()
                response = client.get(url)
                timings.append(time.perf_counter() - begun)
            assert response.status_code == 200, (url, response.status_code)
        timings.sort()
        print(
            f"{label:<16} median {1000 * timings[len(timings) // 2]:7.1f} ms, "
            f"{len(queries)} queries"
        )


if __name__ == "__main__":
    main()
