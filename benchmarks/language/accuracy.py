"""Precision and recall of the language checker on the labelled corpus, per rule and overall.

Run from the repository root:  PYTHONPATH=src python benchmarks/language/accuracy.py
A finding counts as correct when its rule, matched text and quoted flag all match a
label in the same sentence. Sentences marked known_gap are included.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import yaml

from scaffolding.language import check, load_default_glossary

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "language" / "corpus.yaml"


def labelled(entry: dict) -> Counter:
    return Counter(
        (item[0], item[1], bool(item[2]) if len(item) > 2 else False) for item in entry["findings"]
    )


def found(text: str) -> Counter:
    return Counter((f.rule, f.text, f.quoted) for f in check(text))


def ratio(top: int, bottom: int) -> str:
    return f"{top / bottom:6.1%}" if bottom else "     -"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--show-errors", action="store_true", help="list every miss")
    options = parser.parse_args(argv)

    entries = yaml.safe_load(options.corpus.read_text(encoding="utf-8"))
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
    print(f"corpus: {options.corpus.name}: {len(entries)} sentences, "
          f"{positives} with findings, {len(entries) - positives} without")  # fmt: skip
    print(f"{'rule':24} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>10} {'recall':>8}")
    for rule in load_default_glossary().rules:
        tp, fp, fn = true_pos[rule.id], false_pos[rule.id], false_neg[rule.id]
        print(f"{rule.id:24} {tp:4} {fp:4} {fn:4} {ratio(tp, tp + fp):>10} {ratio(tp, tp + fn):>8}")
    tp, fp, fn = sum(true_pos.values()), sum(false_pos.values()), sum(false_neg.values())
    print(f"{'overall':24} {tp:4} {fp:4} {fn:4} {ratio(tp, tp + fp):>10} {ratio(tp, tp + fn):>8}")
    if options.show_errors:
        for kind, key, text in errors:
            print(f"{kind:6} {key}: {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
