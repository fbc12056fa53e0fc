"""SVG charts with matplotlib; every chart is shown with its data table beside it."""

import io

import matplotlib

matplotlib.use("Agg")
from matplotlib.figure import Figure  # noqa: E402

INK = "#333333"
BLUE = "#0065bd"


def _svg(figure: Figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight")
    svg = buffer.getvalue()
    # The figure carries its own text alternative; the drawing itself is decoration.
    start = svg.find("<svg")
    return svg[start:].replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)


def horizontal_bars(labels: list[str], values: list[float], xlabel: str, xmax=100) -> str:
    height = max(1.6, 0.4 * len(labels) + 0.8)
    figure = Figure(figsize=(7, height))
    axes = figure.subplots()
    positions = range(len(labels))
    axes.barh(list(positions), values, color=BLUE)
    axes.set_yticks(list(positions), labels)
    axes.invert_yaxis()
    axes.set_xlim(0, xmax)
    axes.set_xlabel(xlabel, color=INK)
    for position, value in zip(positions, values, strict=True):
        axes.text(value + xmax * 0.01, position, f"{value:g}", va="center", color=INK)
    axes.spines[["top", "right"]].set_visible(False)
    return _svg(figure)


def trend_line(labels: list[str], series: dict[str, list[float]], ymax: float) -> str:
    figure = Figure(figsize=(7, 2.8))
    axes = figure.subplots()
    markers = ["o", "s", "^"]
    positions = list(range(len(labels)))
    for (name, values), marker in zip(series.items(), markers, strict=False):
        axes.plot(positions, values, marker=marker, label=name)
    axes.set_xticks(positions, labels)
    axes.set_ylim(0, ymax + 0.5)
    axes.legend(loc="lower left", frameon=False)
    axes.spines[["top", "right"]].set_visible(False)
    axes.tick_params(axis="x", labelrotation=45)
    return _svg(figure)
