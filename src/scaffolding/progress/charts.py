"""The progress charts, always shown with the data table beside them.

This module only turns progress figures into the plain numbers a chart needs; the
drawing (statuses told apart by hatch pattern and label as well as colour) is
`scaffolding.core.charts`. Charts come back as data URIs for an ``<img>`` so that the
same markup works in the page and in the PDF.
"""

from scaffolding.core import charts


def status_by_foundation(rows, steps, fmt="svg") -> str:
    """Horizontal stacked bars: one per foundation, one segment per assessment step."""
    counts = [{s.key: count for s, count in row.counts} for row in rows]
    series = [(f"{step.symbol} {step.label}", [row[step.key] for row in counts]) for step in steps]
    return charts.bars_image(
        [row.name for row in rows],
        series,
        "Number of items",
        fmt=fmt,
        whole_numbers=True,
        size=(7.5, 3.2),
    )


def measure_series(name, unit, points, target=None, baseline=None, fmt="svg") -> str:
    """A line through the measure's points, with its baseline and target as labelled lines."""
    return charts.line_image(
        name,
        unit,
        [(point.on, point.value) for point in points],
        target=target,
        baseline=baseline,
        fmt=fmt,
    )
