"""SVG charts with matplotlib; every chart is shown with its data table beside it."""

import base64
import io

import matplotlib

matplotlib.use("Agg")
from matplotlib.figure import Figure  # noqa: E402

INK = "#333333"
BLUE = "#0065bd"


def _png_data_uri(figure: Figure) -> str:
    """For PDFs: WeasyPrint draws a PNG faithfully, where it ignores matplotlib's SVG styles."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=150, bbox_inches="tight")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _svg(figure: Figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight")
    svg = buffer.getvalue()
    # The figure carries its own text alternative; the drawing itself is decoration.
    start = svg.find("<svg")
    return svg[start:].replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)


def horizontal_bars(
    labels: list[str], values: list[float], xlabel: str, xmax=100, as_png=False
) -> str:
    """SVG markup, or (as_png) a PNG data URI for an <img> in a PDF."""
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
    return _png_data_uri(figure) if as_png else _svg(figure)


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
