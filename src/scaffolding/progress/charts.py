"""SVG charts drawn with matplotlib, always shown with the data table beside them.

Each chart tells statuses apart by pattern and label as well as colour, so that nothing
depends on colour alone. Charts come back as data URIs for an ``<img>`` so that the same
markup works in the page and in the PDF. Drawing takes a few hundred milliseconds, and
the figures change only when someone records something, so each chart is kept by its data.
"""

import base64
import io
from functools import lru_cache

import matplotlib

matplotlib.use("Agg")

from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

# Colour-blind-safe (Okabe-Ito) colours, plus a hatch pattern for each step.
COLOURS = ["#999999", "#E69F00", "#D55E00", "#56B4E9", "#009E73", "#FFFFFF"]
HATCHES = ["", "//", "xx", "..", "", "\\\\"]


def _data_uri(figure: Figure, fmt: str) -> str:
    """SVG for pages; PNG (at print resolution) for the PDF, where WeasyPrint draws
    matplotlib's hatched SVG several times slower."""
    buffer = io.BytesIO()
    if fmt == "png":
        figure.savefig(buffer, format="png", dpi=200, bbox_inches="tight")
        mime = "image/png"
    else:
        # Text stays text (not drawn glyph by glyph): smaller files and selectable words.
        with matplotlib.rc_context({"svg.fonttype": "none"}):
            figure.savefig(buffer, format="svg", bbox_inches="tight")
        mime = "image/svg+xml"
    encoded = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f"data:{mime};base64,{encoded}"


def status_by_foundation(rows, steps, fmt="svg") -> str:
    """Horizontal stacked bars: one per foundation, one segment per assessment step."""
    names = tuple(row.name for row in rows)
    counts = tuple(
        tuple({s.key: c for s, c in row.counts}[step.key] for step in steps) for row in rows
    )
    labels = tuple(f"{step.symbol} {step.label}" for step in steps)
    return _status_chart(names, counts, labels, fmt)


@lru_cache(maxsize=256)
def _status_chart(names, counts, labels, fmt) -> str:
    figure = Figure(figsize=(7.5, 3.2))
    axes = figure.subplots()
    left = [0] * len(names)
    for index, label in enumerate(labels):
        widths = [row[index] for row in counts][::-1]
        axes.barh(
            list(names)[::-1],
            widths,
            left=left,
            color=COLOURS[index % len(COLOURS)],
            hatch=HATCHES[index % len(HATCHES)],
            edgecolor="#333333",
            label=label,
        )
        left = [a + b for a, b in zip(left, widths, strict=True)]
    axes.set_xlabel("Number of items")
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.25), ncol=3, fontsize="small")
    axes.spines[["top", "right"]].set_visible(False)
    return _data_uri(figure, fmt)


def measure_series(name, unit, points, target=None, baseline=None, fmt="svg") -> str:
    """A line through the measure's points, with its baseline and target as labelled lines."""
    series = tuple((point.on, point.value) for point in points)
    return _measure_chart(name, unit, series, target, baseline, fmt)


@lru_cache(maxsize=256)
def _measure_chart(name, unit, series, target, baseline, fmt) -> str:
    figure = Figure(figsize=(7.5, 3.2))
    axes = figure.subplots()
    dates = [on for on, _ in series]
    values = [float(value) for _, value in series]
    axes.plot(dates, values, marker="o", color="#0065bd", label=name)
    if baseline is not None:
        axes.axhline(float(baseline), linestyle=":", color="#333333", label="Baseline")
    if target is not None:
        axes.axhline(float(target), linestyle="--", color="#009E73", label="Target")
    axes.set_ylabel(unit)
    axes.legend(fontsize="small")
    axes.spines[["top", "right"]].set_visible(False)
    figure.autofmt_xdate()
    return _data_uri(figure, fmt)
