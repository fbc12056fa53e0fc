"""SVG charts of gap figures; the page always shows the same figures as a table beside them."""

import io

import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "scaffolding"  # the same figures give the same SVG

from matplotlib.figure import Figure  # noqa: E402

MAX_BARS = 30


def percent_bar_chart(labels: list[str], percents: list[float | None], title: str) -> str:
    """A horizontal bar chart (0-100%) as SVG text, without the XML prelude."""
    pairs = [(label, p) for label, p in zip(labels, percents, strict=True) if p is not None]
    pairs = pairs[:MAX_BARS]
    height = 1.2 + 0.35 * max(1, len(pairs))
    figure = Figure(figsize=(7, height))
    axes = figure.add_subplot()
    names = [label[:40] for label, _ in pairs][::-1]
    values = [p for _, p in pairs][::-1]
    bars = axes.barh(names, values, color="#0065bd", hatch="//", edgecolor="#002d54")
    axes.bar_label(bars, labels=[f"{v:.0f}%" for v in values], padding=3, fontsize=8)
    axes.set_xlim(0, 110)
    axes.set_xlabel("Percent of people at the NES level their role needs")
    axes.set_title(title, fontsize=10)
    axes.tick_params(labelsize=8)
    figure.tight_layout()
    out = io.StringIO()
    figure.savefig(out, format="svg")
    svg = out.getvalue()
    return svg[svg.index("<svg") :]
