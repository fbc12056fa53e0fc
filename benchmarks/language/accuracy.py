"""Precision and recall of the language checker on labelled sentences, per rule and overall.

Run from the repository root:  PYTHONPATH=src python benchmarks/language/accuracy.py
Four sets by default:

- corpus.yaml: sentences in the style of care records, written here; the rules were tuned
  on it and test_corpus.py asserts it (it shows what the rules do, not how they generalise);
- heldout.yaml: written after that tuning, used by no test;
- realtext_tuning.yaml: short sentences from real public documents (issue 15); the rules
  were tuned on it;
- realtext_heldout.yaml: sentences from other public documents, labelled before the rules
  were changed and never tuned against: the honest figure on real text.

A finding is correct when its rule and quoted flag match a label in the same sentence and
its text is the label's text, or one contains the other ("Supervised contact" found where
"contact" was labelled): a label counts once. ``--strict`` asks for the exact text.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import yaml

from scaffolding.language import check, load_default_glossary

DATA = Path(__file__).resolve().parents[2] / "tests" / "language"
CORPORA = [
    DATA / "corpus.yaml",
    DATA / "heldout.yaml",
    DATA / "realtext_tuning.yaml",
    DATA / "realtext_heldout.yaml",
]

Item = tuple[str, str, bool]  # rule, text, quoted


def labelled(entry: dict) -> list[Item]:
    return [
        (item[0], item[1], bool(item[2]) if len(item) > 2 else False) for item in entry["findings"]
    ]


def found(text: str) -> list[Item]:
    return [(f.rule, f.text, f.quoted) for f in check(text)]


def pair(expected: list[Item], actual: list[Item], strict: bool) -> tuple[list, list, list]:
    """(matched, extra, missed): exact matches first, then overlapping texts."""
    expected, actual = list(expected), list(actual)
    matched = []
    for item in list(actual):
        if item in expected:
            expected.remove(item)
            actual.remove(item)
            matched.append(item)
    if not strict:
        for item in list(actual):
            rule, text, quoted = item
            for label in expected:
                if (
                    label[0] == rule
                    and label[2] == quoted
                    and (text.lower() in label[1].lower() or label[1].lower() in text.lower())
                ):
                    expected.remove(label)
                    actual.remove(item)
                    matched.append(label)
                    break
    return matched, actual, expected


def ratio(top: int, bottom: int) -> str:
    return f"{top / bottom:6.1%}" if bottom else "     -"


def evaluate(path: Path, show_errors: bool, strict: bool) -> tuple[int, int, int]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    true_pos, false_pos, false_neg = Counter(), Counter(), Counter()
    errors = []
    for entry in entries:
        matched, extra, missed = pair(labelled(entry), found(entry["text"]), strict)
        for key in matched:
            true_pos[key[0]] += 1
        for key in extra:
            false_pos[key[0]] += 1
            errors.append(("extra", key, entry["text"]))
        for key in missed:
            false_neg[key[0]] += 1
            errors.append(("missed", key, entry["text"]))

    positives = sum(1 for entry in entries if entry["findings"])
    print(f"\n{path.name}: {len(entries)} sentences, "
          f"{positives} with findings, {len(entries) - positives} without")  # fmt: skip
    print(f"{'rule':24} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>10} {'recall':>8}")
    known = [rule.id for rule in load_default_glossary().rules]
    unknown = sorted((set(true_pos) | set(false_pos) | set(false_neg)) - set(known))
    for rule_id in known + unknown:  # a label may name a rule that does not exist (yet)
        tp, fp, fn = true_pos[rule_id], false_pos[rule_id], false_neg[rule_id]
        if tp or fp or fn:
            print(f"{rule_id:24} {tp:4} {fp:4} {fn:4} {ratio(tp, tp + fp):>10} "
                  f"{ratio(tp, tp + fn):>8}")  # fmt: skip
    tp, fp, fn = sum(true_pos.values()), sum(false_pos.values()), sum(false_neg.values())
    print(f"{'overall':24} {tp:4} {fp:4} {fn:4} {ratio(tp, tp + fp):>10} {ratio(tp, tp + fn):>8}")
    if show_errors:
        for kind, key, text in errors:
            print(f"  {kind:6} {key}: {text}")
    return tp, fp, fn


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", type=Path, default=CORPORA, metavar="YAML")
    parser.add_argument("--show-errors", action="store_true", help="list every miss")
    parser.add_argument("--strict", action="store_true", help="a finding's text must be exact")
    options = parser.parse_args(argv)
    summary = []
    for path in options.corpora:
        summary.append((path.name, *evaluate(path, options.show_errors, options.strict)))
    print(f"\n{'set':28} {'precision':>10} {'recall':>8}")
    for name, tp, fp, fn in summary:
        print(f"{name:28} {ratio(tp, tp + fp):>10} {ratio(tp, tp + fn):>8}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
