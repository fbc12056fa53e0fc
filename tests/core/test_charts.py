"""Charts: the template's geometry follows the figures and escapes the labels, the
matplotlib images come back as data URIs, and nothing but core.charts draws with it."""

import ast
import base64
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from scaffolding.core import charts
from tests.core import test_architecture as architecture
from tests.core.test_architecture import SOURCE, _imported_modules, _python_files


def test_bars_are_as_long_as_their_values_and_labels_are_escaped():
    svg = charts.horizontal_bars(["North <team>", "South"], [50, 100], "Share (%)", xmax=100)
    assert svg.startswith("<svg") and 'aria-hidden="true"' in svg
    assert "North &lt;team&gt;" in svg and "<team>" not in svg
    widths = [int(part.split('"')[0]) for part in svg.split('width="')[2:]]
    assert widths[1] == 2 * widths[0]  # 100 is twice as long as 50
    assert ">50<" in svg and ">100<" in svg and "Share (%)" in svg


def test_lines_draw_one_polyline_per_series_with_a_legend():
    svg = charts.lines(["Jan", "Feb", "Mar"], {"a": [0, 2, 4], "b": [4, 2, 0]}, "times")
    assert svg.count("<polyline") == 2
    assert ">a<" in svg and ">b<" in svg and ">Jan<" in svg
    first = svg.split('points="')[1].split('"')[0].split()
    ys = [int(point.split(",")[1]) for point in first]
    assert ys[0] > ys[1] > ys[2]  # rising values are drawn higher up


# --------------------------------------------------------------------------- matplotlib, once

MATPLOTLIB_HOME = "core/charts.py"


def _plotting_imports(path: Path):
    """Lines where a file imports matplotlib (top level, in functions, or by name)."""
    found = [line for module, line in _imported_modules(path) if _is_matplotlib(module)]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        # importlib.import_module("matplotlib.pyplot") and the like.
        if isinstance(node, ast.Constant) and _is_matplotlib(str(node.value)):
            found.append(node.lineno)
    return found


def _is_matplotlib(name: str) -> bool:
    return name == "matplotlib" or name.startswith("matplotlib.")


def test_only_core_charts_uses_matplotlib():
    """One chart helper: every other module asks scaffolding.core.charts to draw."""
    found = [
        f"{path.relative_to(SOURCE)}:{line}"
        for path in _python_files(SOURCE)
        if str(path.relative_to(SOURCE)) != MATPLOTLIB_HOME
        for line in _plotting_imports(path)
    ]
    assert not found, "Draw charts with scaffolding.core.charts instead:\n" + "\n".join(found)
    assert _plotting_imports(SOURCE / MATPLOTLIB_HOME)  # the home is still where it is


def test_the_matplotlib_guard_sees_every_way_of_importing(tmp_path, monkeypatch):
    # A module of a pretend source tree (the import reader names modules relative to it).
    monkeypatch.setattr(architecture, "SOURCE", tmp_path / "scaffolding")
    sample = tmp_path / "scaffolding" / "progress" / "sample.py"
    sample.parent.mkdir(parents=True)
    sample.write_text(
        "import os\n"
        "def draw():\n"
        "    from matplotlib.figure import Figure\n"
        "    import importlib\n"
        "    return importlib.import_module('matplotlib.pyplot')\n"
        "import matplotlib as mpl\n",
        encoding="utf-8",
    )
    assert sorted(_plotting_imports(sample)) == [3, 5, 6]
    sample.write_text("from scaffolding.core import charts\n", encoding="utf-8")
    assert _plotting_imports(sample) == []


# --------------------------------------------------------------------------- images


def _decoded(uri: str, mime: str) -> bytes:
    prefix = f"data:{mime};base64,"
    assert uri.startswith(prefix)
    return base64.b64decode(uri[len(prefix) :])


def test_bars_image_draws_a_png_for_pdfs_and_an_svg_with_text_for_pages():
    png = charts.bars_image(["North", "South"], [("Share", [50, 100])], "Share (%)", xmax=100)
    assert _decoded(png, "image/png").startswith(b"\x89PNG")
    svg = _decoded(
        charts.bars_image(
            ["Voice", "Care"],
            [("Not started", [1, 0]), ("Under way", [2, 3])],
            "Number of items",
            fmt="svg",
            whole_numbers=True,
        ),
        "image/svg+xml",
    ).decode()
    # Text stays text, and a stacked chart names each series in its legend.
    for words in ("Voice", "Care", "Number of items", "Not started", "Under way"):
        assert words in svg


def test_bars_image_wants_one_value_per_label_and_a_known_format():
    with pytest.raises(ValueError, match="one value per label"):
        charts.bars_image(["North", "South"], [("Share", [50])], "Share (%)")
    with pytest.raises(ValueError, match="png or svg"):
        charts.bars_image(["North"], [("Share", [50])], "Share (%)", fmt="gif")


def test_line_image_names_its_baseline_and_target():
    points = [(date(2025, 1, 1), 3), (date(2025, 4, 1), Decimal("5.5"))]
    svg = _decoded(
        charts.line_image("Brothers and sisters together", "%", points, target=8, baseline=2),
        "image/svg+xml",
    ).decode()
    assert "Brothers and sisters together" in svg and "Baseline" in svg and "Target" in svg
    plain = _decoded(charts.line_image("Visits", "number", points), "image/svg+xml").decode()
    assert "Baseline" not in plain and "Target" not in plain


def test_starting_the_service_does_not_import_matplotlib():
    # Importing it costs about a second per process (each web worker, each command);
    # only the first PNG or matplotlib SVG should pay that.
    import os
    import subprocess
    import sys

    probe = (
        "import sys, django; django.setup(); import scaffolding.urls; "
        "from django.urls import resolve; resolve('/'); "
        "print('matplotlib' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings"},
    )
    assert result.stdout.strip() == "False", result.stderr
