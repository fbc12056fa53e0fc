"""Charts drawn by a template: the geometry follows the figures and escapes the labels."""

from scaffolding.core import charts


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
