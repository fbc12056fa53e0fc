"""Throughput and per-record latency of the language checker, beside alex and proselint.

Run from the repository root:
    PYTHONPATH=src python benchmarks/language/throughput.py [--size-mb 10] [--quick]

Builds a corpus (deterministic: fixed seed, sentence templates in the style of care
records, findings and tricky non-findings mixed) of 2,000-word records, then times:
- Scaffolding: check() on every record, in this process.
- proselint: its Python API (LintFile(...).lint()) on a slice of the records.
- alex: the npm CLI, `alex --text FILE`, on a slice written to a file. Node's start-up
  is timed on an empty file and taken off, so MB/s is comparable; per-record latency
  is shown with and without start-up.
Prints figures only; it asserts nothing about time.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

from scaffolding.language import check, load_default_glossary
from scaffolding.language.core import Matcher, ahocorasick_rs, check_with_matcher

HERE = Path(__file__).resolve().parent


class Rates(NamedTuple):
    wall: float  # MB per wall-clock second
    cpu: float  # MB per CPU second (steadier when the machine is busy)
    p50: float  # seconds per record


ALEX = HERE / "node_modules" / ".bin" / "alex"
WORDS_PER_RECORD = 2000
SEED = 20201

NAMES = ["Amy", "Jay", "Liam", "Skye", "Callum", "Isla", "Rory", "Kai", "Mia", "Orla", "Finn"]
FAMILY = ["mum", "dad", "gran", "brother", "sister", "aunt", "grandparents", "wee brother"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
PLACES = ["Ayr", "Troon", "Girvan", "Prestwick", "Maybole", "Irvine", "Kilmarnock"]

# Sentences a record might contain: words the checker should find ...
FLAGGED = [
    "{name}'s placement with the {surname} family has been settled since {month}.",
    "Contact with her {family} takes place every {day} at the family centre.",
    "{name} went to respite in {place} for the weekend.",
    "The LAC review for {name} is on {day} at ten.",
    "{name} returned to the unit late on {day} night.",
    "Staff noted challenging behaviour at bedtime on {day}.",
    "{name} absconded from the house after tea and was found in {place}.",
    "Supervised contact with {name}'s {family} was moved to {day}.",
    "{name}'s case was transferred to the team in {place}.",
    "After the placement breakdown a bed was found for {name} in {place}.",
    "{name}'s siblings and birth parents came to the review.",
    "{name} is a care leaver and is getting support from the leaving care team.",
    "{name} was kicking off in the car and was defiant with staff.",
    "Each service user in the house has a key worker.",
]
# ... ordinary uses of the same words, which the checker must leave alone ...
TRICKY = [
    "Please update the contact details for {name}'s school.",
    "{name} starts a work placement at the garage in {place} on {day}.",
    "In case of fire, {name} knows to leave by the back door.",
    "{name}'s gran needed a bed in hospital for two nights.",
    "The match kicks off at 3 and {name} is playing.",
    "{name} had family time with her {family} in the park on {day}.",
    "We will contact the school in {place} about the trip.",
    "{name} enjoyed a short break with the {surname} family.",
    "{name} said, 'I like my home and my room', and smiled.",
    "The placement of the ramp makes the house easier for {name}.",
    "{name}'s pencil case is in the schoolbag by the door.",
    "Mr Case from the housing association phoned on {day}.",
    "{name} took care when leaving the house in the rain.",
    "{name} made good eye contact and talked about football.",
]
# ... and the everyday sentences most of a record is made of.
PLAIN = [
    "The team met on {day} to plan how to support {name} at school.",
    "{name}'s worker visited and they baked scones together.",
    "{name} is doing well at school and enjoys art and music.",
    "Everyone agreed the plan and {name} chose the colour for the bedroom.",
    "{name} has been sleeping better since the new routine started in {month}.",
    "The dentist in {place} saw {name} on {day} and all is well.",
    "{name} would like to join the swimming club and the {surname} family will take her.",
    "We talked about what {name} would like to happen over the summer holidays.",
    "{name}'s teacher says reading has come on a lot this term.",
    "{name} helped to cook the tea on {day} and was proud of the lasagne.",
    "The review agreed that {name} will keep the same worker next year.",
    "{name} talked about missing her {family} and we planned a visit together.",
    "{name} chose a new bike with the {surname} family in {place}.",
    "Health checks are up to date and {name}'s eyes were tested in {month}.",
]
# How often a sentence comes from each list: about one in six has a word to find.
MIX = ((FLAGGED, 0.15), (TRICKY, 0.20), (PLAIN, 0.65))
SURNAMES = ["Reid", "Brown", "Shaw", "Campbell", "Stewart", "Murray", "Paterson"]
MONTHS = ["January", "March", "May", "June", "August", "October", "December"]


# For the whole-process comparison: text where most sentences have a word to find, and
# ordinary prose where few do.
MIX_DENSE = ((FLAGGED, 0.60), (TRICKY, 0.20), (PLAIN, 0.20))
MIX_PROSE = ((FLAGGED, 0.02), (TRICKY, 0.08), (PLAIN, 0.90))


def pick_list(draw: float, mix=MIX) -> list[str]:
    for templates, share in mix:
        if draw < share:
            return templates
        draw -= share
    return mix[-1][0]


def build_record(rng: random.Random, mix=MIX) -> str:
    """One care record of about WORDS_PER_RECORD words, in paragraphs of 3-6 sentences."""
    words = 0
    paragraphs = []
    while words < WORDS_PER_RECORD:
        sentences = []
        for _ in range(rng.randint(3, 6)):
            template = rng.choice(pick_list(rng.random(), mix))
            sentence = template.format(
                name=rng.choice(NAMES),
                family=rng.choice(FAMILY),
                day=rng.choice(DAYS),
                place=rng.choice(PLACES),
                surname=rng.choice(SURNAMES),
                month=rng.choice(MONTHS),
            )
            sentences.append(sentence)
            words += len(sentence.split())
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs)


def build_corpus(size_mb: float, mix=MIX) -> list[str]:
    rng = random.Random(SEED)
    records, total = [], 0
    while total < size_mb * 1_000_000:
        record = build_record(rng, mix)
        records.append(record)
        total += len(record.encode("utf-8"))
    return records


def megabytes(records: list[str]) -> float:
    return sum(len(record.encode("utf-8")) for record in records) / 1_000_000


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_each(function, records: list[str]) -> tuple[list[float], float, int]:
    """Wall-clock latency of each record, the CPU seconds of all of them, and findings."""
    latencies, found = [], 0
    cpu_started = time.process_time()
    for record in records:
        started = time.perf_counter()
        found += function(record)
        latencies.append(time.perf_counter() - started)
    return latencies, time.process_time() - cpu_started, found


def report(name, size, wall, cpu, latencies, found, note="") -> Rates:
    rates = Rates(size / wall, size / cpu, percentile(latencies, 0.5))
    line = (
        f"{name:12} {size:7.2f} MB {rates.wall:9.3f} MB/s {rates.cpu:9.3f} MB/s-cpu   "
        f"p50 {rates.p50 * 1000:8.2f} ms   p99 {percentile(latencies, 0.99) * 1000:8.2f} ms   "
        f"findings {found}"
    )
    print(line + (f"\n{'':13}({note})" if note else ""))
    return rates


def run_scaffolding(records: list[str]) -> Rates:
    check("Compile the glossary once, outside the timing.")
    latencies, cpu, found = time_each(lambda record: len(check(record)), records)
    return report("scaffolding", megabytes(records), sum(latencies), cpu, latencies, found)


def run_scaffolding_plain(records: list[str]) -> Rates:
    """The same checker without the optional ahocorasick-rs package."""
    matcher = Matcher(load_default_glossary().enabled_rules, accelerate=False)
    latencies, cpu, found = time_each(
        lambda record: len(check_with_matcher(record, matcher)), records
    )
    return report(
        "scaffolding", megabytes(records), sum(latencies), cpu, latencies, found,
        "plain string search: without the optional ahocorasick-rs package",
    )  # fmt: skip


def run_proselint(records: list[str]) -> Rates | None:
    try:
        from proselint.checks import __register__
        from proselint.tools import CheckRegistry, LintFile
    except ImportError:
        print("proselint    skipped: not installed (pip install proselint)")
        return None
    CheckRegistry().register_many(__register__)  # what the proselint command does first
    latencies, cpu, found = time_each(
        lambda record: len(LintFile("<bench>", record).lint()), records
    )
    return report(
        "proselint", megabytes(records), sum(latencies), cpu, latencies, found, "Python API"
    )


def alex_command(explicit: str | None = None) -> list[str] | None:
    """alex from --alex, $ALEX_BIN, benchmarks/language/node_modules, or the PATH."""
    for candidate in (explicit, os.environ.get("ALEX_BIN"), str(ALEX)):
        if candidate and Path(candidate).exists():
            return [candidate, "--text"]
    found = shutil.which("alex")
    return [found, "--text"] if found else None


def run_alex_once(command: list[str], path: Path) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and warnings of one `alex --text FILE` run."""
    cpu_started = children_cpu()
    started = time.perf_counter()
    result = subprocess.run([*command, str(path)], capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode not in (0, 1):
        raise RuntimeError(f"alex failed ({result.returncode}): {result.stderr[-500:]}")
    warnings = sum(1 for line in result.stderr.splitlines() if " warning " in line)
    return elapsed, children_cpu() - cpu_started, warnings


def run_alex(
    command: list[str] | None, slice_records: list[str], latency_records: list[str]
) -> Rates | None:
    if command is None:
        print(
            "alex         skipped: not installed (npm install --prefix benchmarks/language alex@11)"
        )
        return None
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        empty = folder / "empty.txt"
        empty.write_text("Hello.\n", encoding="utf-8")
        start_ups = [run_alex_once(command, empty) for _ in range(3)]
        start_wall = statistics.median(run[0] for run in start_ups)
        start_cpu = statistics.median(run[1] for run in start_ups)
        whole = folder / "slice.txt"
        whole.write_text("\n\n".join(slice_records), encoding="utf-8")
        wall, cpu, found = run_alex_once(command, whole)
        latencies = []
        for index, record in enumerate(latency_records):
            path = folder / f"record-{index}.txt"
            path.write_text(record, encoding="utf-8")
            latencies.append(run_alex_once(command, path)[0])
    size = megabytes(slice_records)
    return report(
        "alex",
        size,
        max(wall - start_wall, 1e-9),
        max(cpu - start_cpu, 1e-9),
        [max(latency - start_wall, 0.0) for latency in latencies],
        found,
        f"CLI on a {size:.2f} MB slice; node start-up ({start_wall:.2f} s wall, {start_cpu:.2f} s "
        f"cpu) taken off; latency over {len(latency_records)} records, p50 with start-up "
        f"{percentile(latencies, 0.5) * 1000:.0f} ms",
    )


def time_process(command: list[str], runs: int) -> tuple[float, float, int]:
    """Median wall seconds, median CPU seconds and exit status of whole-process runs."""
    walls, cpus, code = [], [], 0
    for _ in range(runs):
        cpu_started = children_cpu()
        started = time.perf_counter()
        result = subprocess.run(command, capture_output=True, check=False)
        walls.append(time.perf_counter() - started)
        cpus.append(children_cpu() - cpu_started)
        code = result.returncode
    return statistics.median(walls), statistics.median(cpus), code


def run_whole_process(size_mb: float, runs: int, alex: list[str] | None) -> None:
    """`scaffolding check-language` (text and JSON) and `alex --text` on the same files.

    Wall clock and CPU of the whole process, start-up included, nothing taken off; the
    medians of ``runs`` runs for Scaffolding, one run for alex (it is slow).
    """
    ours = [sys.executable, "-m", "scaffolding.cli", "check-language"]
    print(
        f"\nwhole process, same file for both tools ({size_mb:g} MB each; Scaffolding: median of "
        f"{runs} runs of `{' '.join(['python', '-m', 'scaffolding.cli', 'check-language'])} "
        "[--format json] FILE`, glossary cache warm; alex: one run of `alex --text FILE`)"
    )
    print(
        f"{'text':18} {'tool':22} {'wall s':>8} {'cpu s':>8}   "
        f"{'alex/ours wall':>14} {'alex/ours cpu':>13}"
    )
    with tempfile.TemporaryDirectory() as folder:
        for label, mix in (("findings-dense", MIX_DENSE), ("ordinary prose", MIX_PROSE)):
            path = Path(folder) / f"{label.replace(' ', '-')}.txt"
            path.write_text("\n\n".join(build_corpus(size_mb, mix)), encoding="utf-8")
            subprocess.run([*ours, str(path)], capture_output=True, check=False)  # warm cache
            results = {
                fmt: time_process([*ours, "--format", fmt, str(path)], runs)
                for fmt in ("text", "json")
            }
            alex_wall = alex_cpu = None
            if alex is not None:
                alex_wall, alex_cpu, _ = time_process([*alex, str(path)], 1)
            for fmt, (wall, cpu, code) in results.items():
                ratio = (
                    f"{alex_wall / wall:13,.0f}x {alex_cpu / cpu:12,.0f}x"
                    if alex_wall is not None
                    else "   (no alex)"
                )
                tool = f"scaffolding {fmt} (exit {code})"
                print(f"{label:18} {tool:22} {wall:8.3f} {cpu:8.3f}   {ratio}")
            if alex_wall is not None:
                print(f"{label:18} {'alex --text':22} {alex_wall:8.3f} {alex_cpu:8.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=10.0, help="corpus size (default 10)")
    parser.add_argument("--quick", action="store_true", help="1 MB corpus, small slices")
    parser.add_argument("--slice-mb", type=float, default=None, help="alex/proselint slice")
    parser.add_argument("--no-alex", action="store_true")
    parser.add_argument("--no-proselint", action="store_true")
    parser.add_argument("--alex", default=None, help="path of the alex command")
    parser.add_argument(
        "--process-mb", type=float, default=1.0, help="file size for the whole-process runs"
    )
    parser.add_argument("--process-runs", type=int, default=3)
    parser.add_argument("--no-process", action="store_true", help="skip whole-process runs")
    options = parser.parse_args(argv)
    size_mb = 1.0 if options.quick else options.size_mb
    slice_mb = options.slice_mb or (0.1 if options.quick else 0.5)
    latency_count = 5 if options.quick else 20

    records = build_corpus(size_mb)
    slice_records = build_corpus(slice_mb)  # the same seed: the corpus's first records
    shares = ", ".join(f"{share:.0%}" for _, share in MIX)
    print(
        f"sentences: flagged / tricky negatives / plain = {shares}\n"
        f"corpus: {len(records)} records of ~{WORDS_PER_RECORD} words, {megabytes(records):.2f} MB"
        f" (seed {SEED}); slice for alex and proselint: {len(slice_records)} records, "
        f"{megabytes(slice_records):.2f} MB; python {sys.version.split()[0]}; anchor search: "
        + ("Aho-Corasick (ahocorasick-rs)" if ahocorasick_rs else "plain string search")
    )
    ours = run_scaffolding(records)
    if ahocorasick_rs is not None:
        run_scaffolding_plain(records)
    others = {}
    if not options.no_proselint:
        others["proselint"] = run_proselint(slice_records)
    alex = None if options.no_alex else alex_command(options.alex)
    if not options.no_alex:
        others["alex"] = run_alex(alex, slice_records, slice_records[:latency_count])
    for name, theirs in others.items():
        if theirs is not None:
            print(
                f"scaffolding / {name}: {ours.wall / theirs.wall:,.0f}x the throughput "
                f"({ours.cpu / theirs.cpu:,.0f}x by CPU time), "
                f"{theirs.p50 / ours.p50:,.0f}x lower p50 latency per record"
            )
    if not options.no_process:
        run_whole_process(options.process_mb, options.process_runs, alex)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
