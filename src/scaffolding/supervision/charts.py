"""Charts, each shown with its data table beside it.

Pages get SVG drawn by a template (scaffolding.core.charts: milliseconds, whatever the
size); the PDF gets a PNG from matplotlib, which WeasyPrint draws faithfully.
"""

import base64
import io

import matplotlib

matplotlib.use("Agg")
from matplotlib.figure import Figure  # noqa: E402

from scaffolding.core import charts as core_charts  # noqa: E402

INK = "#333333"
BLUE = "#0065bd"


def _png_data_uri(figure: Figure) -> str:
    """For PDFs: WeasyPrint draws a PNG faithfully, where it ignores matplotlib's SVG styles."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=150, bbox_inches="tight")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def horizontal_bars(
    labels: list[str], values: list[float], xlabel: str, xmax=100, as_png=False
) -> str:
    """SVG markup, or (as_png) a PNG data URI for an <img> in a PDF."""
    if not as_png:
        return core_charts.horizontal_bars(labels, values, xlabel, xmax=xmax)
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
    return _png_data_uri(figure)


def trend_line(labels: list[str], series: dict[str, list[float]], ymax: float) -> str:
    return core_charts.lines(labels, series, ymax=ymax)
