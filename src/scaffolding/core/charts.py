"""Charts drawn as SVG by a template: a few milliseconds at any size, no plotting library.

Every chart is shown with its data table beside it; the drawing is decoration for
assistive technology (the page gives it a text alternative). The functions here only
work out geometry (plain numbers); the templates `core/charts/*.svg.html` draw it.
Shapes and dash patterns as well as colour tell series apart.
"""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

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
