"""Precision and recall of the language checker on labelled sentences, per rule and overall.

Run from the repository root:  PYTHONPATH=src python benchmarks/language/accuracy.py
Two sets: corpus.yaml, which the rules were tuned on and the tests assert (so it shows
what the rules do, not how they generalise), and heldout.yaml, written afterwards and
used by no test: the honest estimate. A finding counts as correct when its rule,
matched text and quoted flag all match a label in the same sentence.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import yaml

from scaffolding.language import check, load_default_glossary

DATA = Path(__file__).resolve().parents[2] / "tests" / "language"
CORPORA = [DATA / "corpus.yaml", DATA / "heldout.yaml"]


def labelled(entry: dict) -> Counter:
    return Counter(
        (item[0], item[1], bool(item[2]) if len(item) > 2 else False) for item in entry["findings"]
    )


def found(text: str) -> Counter:
    return Counter((f.rule, f.text, f.quoted) for f in check(text))


def ratio(top: int, bottom: int) -> str:
    return f"{top / bottom:6.1%}" if bottom else "     -"


def evaluate(path: Path, show_errors: bool) -> None:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    true_pos, false_pos, false_neg = Counter(), Counter(), Counter()
    errors = []
    for entry in entries:
        expected, actual = labelled(entry), found(entry["text"])
        for key, count in (expected & actual).items():
            true_pos[key[0]] += count
        for key, count in (actual - expected).items():
            false_pos[key[0]] += count
            errors.append(("extra", key, entry["text"]))
        for key, count in (expected - actual).items():
            false_neg[key[0]] += count
            errors.append(("missed", key, entry["text"]))

    positives = sum(1 for entry in entries if entry["findings"])
    print(f"\n{path.name}: {len(entries)} sentences, "
          f"{positives} with findings, {len(entries) - positives} without")  # fmt: skip
    print(f"{'rule':24} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>10} {'recall':>8}")
    for rule in load_default_glossary().rules:
        tp, fp, fn = true_pos[rule.id], false_pos[rule.id], false_neg[rule.id]
        if tp or fp or fn:
            print(f"{rule.id:24} {tp:4} {fp:4} {fn:4} {ratio(tp, tp + fp):>10} "
                  f"{ratio(tp, tp + fn):>8}")  # fmt: skip
    tp, fp, fn = sum(true_pos.values()), sum(false_pos.values()), sum(false_neg.values())
    print(f"{'overall':24} {tp:4} {fp:4} {fn:4} {ratio(tp, tp + fp):>10} {ratio(tp, tp + fn):>8}")
    if show_errors:
        for kind, key, text in errors:
            print(f"  {kind:6} {key}: {text}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", type=Path, default=CORPORA, metavar="YAML")
    parser.add_argument("--show-errors", action="store_true", help="list every miss")
    options = parser.parse_args(argv)
    for path in options.corpora:
        evaluate(path, options.show_errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
