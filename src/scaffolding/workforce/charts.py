"""Charts of gap figures, drawn as SVG by a template (scaffolding.core.charts); the page
always shows the same figures as a table beside them."""

from scaffolding.core import charts

MAX_BARS = 30


def percent_bar_chart(labels: list[str], percents: list[float | None], title: str) -> str:
    """A horizontal bar chart (0-100%) as SVG markup; groups without a figure are left out."""
    pairs = [(label, p) for label, p in zip(labels, percents, strict=True) if p is not None]
    pairs = pairs[:MAX_BARS]
    return charts.horizontal_bars(
        [label for label, _ in pairs],
        [round(p) for _, p in pairs],
        f"{title} (%)",
        xmax=100,
        suffix="%",
    )
