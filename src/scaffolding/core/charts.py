"""Every chart in the app, drawn here and nowhere else.

Every chart is shown with its data table beside it; the drawing is decoration for
assistive technology (the page gives it a text alternative). Shapes, hatches and dash
patterns as well as colour tell series apart.

Two ways of drawing:

- `horizontal_bars` and `lines` draw SVG from a template (`core/charts/*.svg.html`): a
  few milliseconds at any size, no plotting library. These functions only work out
  geometry (plain numbers).
- `bars_image` and `line_image` draw with matplotlib (set up once, here) and return a
  data URI for an `<img>`: PNG for PDFs, which WeasyPrint draws faithfully, or SVG for
  pages that want matplotlib's hatched bars and dated axes. Drawing takes a few hundred
  milliseconds, and the figures change only when someone records something, so each
  image is kept by its data.
"""

import base64
import io
from dataclasses import dataclass
from functools import cache, lru_cache

from django.template.loader import render_to_string
from django.utils.safestring import SafeString


@cache
def _matplotlib():
    """matplotlib, set up once, on the first image: importing it takes about a second,
    which a process serving only SVG charts from templates should not pay."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    return matplotlib, Figure, MaxNLocator


INK = "#333333"
BLUE = "#0065bd"
# Colour-blind-safe (Okabe-Ito) colours, each with a dash pattern and a marker shape.
SERIES_STYLES = [
    ("#0065bd", "", "circle"),
    ("#D55E00", "6 3", "square"),
    ("#009E73", "2 3", "ring"),
    ("#CC79A7", "8 3 2 3", "open-square"),
    ("#E69F00", "", "square"),
    ("#56B4E9", "6 3", "circle"),
]

WIDTH = 640
LABEL_WIDTH = 230
BAR_HEIGHT = 22
GAP = 8
MAX_LABEL = 38


def _short(label: str, limit: int = MAX_LABEL) -> str:
    label = str(label)
    return label if len(label) <= limit else label[: limit - 1] + "…"


@dataclass
class Bar:
    label: str
    value: float
    shown: str
    y: float
    width: float
    text_x: float


def horizontal_bars(labels, values, axis_label: str, xmax: float = 100, suffix="") -> SafeString:
    """Horizontal bars (one per label) from 0 to `xmax`, with the value at each bar's end."""
    plot = WIDTH - LABEL_WIDTH - 50
    xmax = xmax or 1
    bars = []
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        value = float(value or 0)
        width = max(0.0, min(value, xmax)) / xmax * plot
        bars.append(
            Bar(
                label=_short(label),
                value=value,
                shown=f"{value:g}{suffix}",
                y=10 + index * (BAR_HEIGHT + GAP),
                width=round(width),
                text_x=round(LABEL_WIDTH + width + 4),
            )
        )
    plot_bottom = 10 + len(bars) * (BAR_HEIGHT + GAP)
    ticks = [
        (round(LABEL_WIDTH + plot * share), f"{xmax * share:g}")
        for share in (0, 0.25, 0.5, 0.75, 1)
    ]
    return render_to_string(
        "core/charts/bars.svg.html",
        {
            "bars": bars,
            "width": WIDTH,
            "height": plot_bottom + 45,
            "left": LABEL_WIDTH,
            "right": LABEL_WIDTH + plot,
            "bar_height": BAR_HEIGHT,
            "label_x": LABEL_WIDTH - 6,
            "plot_bottom": plot_bottom,
            "ticks": ticks,
            "axis_label": axis_label,
            "axis_y": plot_bottom + 36,
            "axis_x": round(LABEL_WIDTH + plot / 2),
            "colour": BLUE,
            "ink": INK,
        },
    )


@dataclass
class Series:
    name: str
    colour: str
    dash: str
    marker: str
    points: list  # [(x, y, value)]
    path: str


def lines(labels, series: dict, axis_label: str = "", ymax: float | None = None) -> SafeString:
    """One line per series over the same labels (e.g. months), with a legend beneath."""
    left, top, plot_width, plot_height = 50, 12, WIDTH - 70, 200
    values = [float(v or 0) for points in series.values() for v in points]
    ymax = ymax or max(values + [1])
    count = max(1, len(labels) - 1)

    def x_of(index):
        return round(left + plot_width * index / count)

    def y_of(value):
        return round(top + plot_height - plot_height * float(value or 0) / ymax)

    drawn = []
    for index, (name, points) in enumerate(series.items()):
        colour, dash, marker = SERIES_STYLES[index % len(SERIES_STYLES)]
        coords = [(x_of(i), y_of(v), v) for i, v in enumerate(points)]
        path = " ".join(f"{x},{y}" for x, y, _ in coords)
        drawn.append(Series(_short(name, 60), colour, dash, marker, coords, path))
    bottom = top + plot_height
    every = max(1, len(labels) // 12)
    x_ticks = [(x_of(i), _short(label, 10)) for i, label in enumerate(labels) if i % every == 0]
    y_ticks = [(y_of(ymax * share), f"{ymax * share:g}") for share in (0, 0.25, 0.5, 0.75, 1)]
    legend_top = bottom + 50
    return render_to_string(
        "core/charts/lines.svg.html",
        {
            "series": drawn,
            "width": WIDTH,
            "height": legend_top + 20 * len(drawn) + 10,
            "left": left,
            "right": left + plot_width,
            "top": top,
            "bottom": bottom,
            "x_ticks": x_ticks,
            "y_ticks": y_ticks,
            "axis_label": axis_label,
            "legend": [(legend_top + 20 * i, s) for i, s in enumerate(drawn)],
            "ink": INK,
        },
    )


# --------------------------------------------------------------------------- matplotlib images

# Colour-blind-safe (Okabe-Ito) colours, each with a hatch pattern, for stacked bars.
STACK_COLOURS = ["#999999", "#E69F00", "#D55E00", "#56B4E9", "#009E73", "#FFFFFF"]
STACK_HATCHES = ["", "//", "xx", "..", "", "\\\\"]
PRINT_DPI = 200


def _data_uri(figure, fmt: str) -> str:
    """PNG (at print resolution) for PDFs, where WeasyPrint draws matplotlib's hatched
    SVG several times slower and ignores its styles; SVG for pages."""
    buffer = io.BytesIO()
    if fmt == "png":
        figure.savefig(buffer, format="png", dpi=PRINT_DPI, bbox_inches="tight")
        mime = "image/png"
    elif fmt == "svg":
        # Text stays text (not drawn glyph by glyph): smaller files and selectable words.
        with _matplotlib()[0].rc_context({"svg.fonttype": "none"}):
            figure.savefig(buffer, format="svg", bbox_inches="tight")
        mime = "image/svg+xml"
    else:
        raise ValueError(f"Charts are drawn as png or svg, not {fmt!r}")
    encoded = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f"data:{mime};base64,{encoded}"


def bars_image(
    labels,
    series,
    xlabel: str,
    *,
    fmt: str = "png",
    xmax: float | None = None,
    whole_numbers: bool = False,
    size: tuple[float, float] | None = None,
) -> str:
    """Horizontal bars, one per label (top to bottom), as a data URI for an `<img>`.

    `series` is a list of (name, values), one value per label. One series is drawn as
    plain blue bars with each value at the bar's end (like `horizontal_bars`); several
    are stacked, each with its own colour and hatch, named in a legend beneath.
    `whole_numbers` keeps the axis to whole numbers (for counts).
    """
    labels = tuple(str(label) for label in labels)
    series = tuple((str(name), tuple(float(v or 0) for v in values)) for name, values in series)
    for _, values in series:
        if len(values) != len(labels):
            raise ValueError("Each series needs one value per label")
    if size is None:
        size = (7, max(1.6, 0.4 * len(labels) + 0.8))
    return _bars_image(labels, series, xlabel, fmt, xmax, whole_numbers, tuple(size))


@lru_cache(maxsize=256)
def _bars_image(labels, series, xlabel, fmt, xmax, whole_numbers, size) -> str:
    _, Figure, MaxNLocator = _matplotlib()
    figure = Figure(figsize=size)
    axes = figure.subplots()
    positions = list(range(len(labels)))
    if len(series) == 1:
        _, values = series[0]
        axes.barh(positions, values, color=BLUE)
        top = xmax or max(values + (1,))
        for position, value in zip(positions, values, strict=True):
            axes.text(value + top * 0.01, position, f"{value:g}", va="center", color=INK)
    else:
        left = [0.0] * len(labels)
        for index, (name, values) in enumerate(series):
            axes.barh(
                positions,
                values,
                left=left,
                color=STACK_COLOURS[index % len(STACK_COLOURS)],
                hatch=STACK_HATCHES[index % len(STACK_HATCHES)],
                edgecolor=INK,
                label=name,
            )
            left = [a + b for a, b in zip(left, values, strict=True)]
        axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.25), ncol=3, fontsize="small")
    axes.set_yticks(positions, labels)
    axes.invert_yaxis()
    if xmax is not None:
        axes.set_xlim(0, xmax)
    axes.set_xlabel(xlabel, color=INK)
    if whole_numbers:
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.spines[["top", "right"]].set_visible(False)
    return _data_uri(figure, fmt)


def line_image(
    name: str,
    unit: str,
    points,
    *,
    target=None,
    baseline=None,
    fmt: str = "svg",
    size: tuple[float, float] = (7.5, 3.2),
) -> str:
    """A line through dated points [(date, value)] as a data URI for an `<img>`, with the
    baseline (dotted) and target (dashed) as labelled lines when there are any."""
    points = tuple((on, float(value)) for on, value in points)
    target = None if target is None else float(target)
    baseline = None if baseline is None else float(baseline)
    return _line_image(name, unit, points, target, baseline, fmt, tuple(size))


@lru_cache(maxsize=256)
def _line_image(name, unit, points, target, baseline, fmt, size) -> str:
    _, Figure, _ = _matplotlib()
    figure = Figure(figsize=size)
    axes = figure.subplots()
    axes.plot(
        [on for on, _ in points], [value for _, value in points], marker="o", color=BLUE, label=name
    )
    if baseline is not None:
        axes.axhline(baseline, linestyle=":", color=INK, label="Baseline")
    if target is not None:
        axes.axhline(target, linestyle="--", color="#009E73", label="Target")
    axes.set_ylabel(unit)
    axes.legend(fontsize="small")
    axes.spines[["top", "right"]].set_visible(False)
    figure.autofmt_xdate()
    return _data_uri(figure, fmt)
