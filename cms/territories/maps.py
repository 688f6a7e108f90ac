"""Server-rendered SVG maps: the 245 towns on France with its overseas insets, and a small
locator of one town in its region. No tile server and no JavaScript are involved.

Reading, projecting and simplifying the department outlines (about 28,000 points) takes a
noticeable fraction of a second, so it is done once per process and cached; a request then
only places its towns.
"""

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from .projection import OVERSEAS_CODES, Frame, Point, projection_for

GEOJSON = Path(__file__).parent / "data" / "departements.geojson"

# Map size in SVG units; the page scales it to the column width.
WIDTH, HEIGHT = 760.0, 640.0
# Insets for the overseas departments, in a column on the left, each with its name below.
INSET_X, INSET_WIDTH, INSET_HEIGHT, INSET_LABEL = 4.0, 124.0, 100.0, 22.0
METROPOLE_BOX = (150.0, 8.0, WIDTH - 158.0, HEIGHT - 16.0)
LOCATOR_SIZE = 240.0
# Douglas-Peucker tolerance, in SVG units: below what the eye tells apart at this size.
TOLERANCE = 0.8

Ring = Sequence[Point]


@dataclass(frozen=True)
class DepartmentShape:
    code: str
    name: str
    region_code: str
    # Projected (not yet framed) rings; each polygon's holes are kept as rings of their own.
    rings: tuple[Ring, ...]


@cache
def department_shapes() -> tuple[DepartmentShape, ...]:
    collection = json.loads(GEOJSON.read_text(encoding="utf-8"))
    shapes = []
    for feature in collection["features"]:
        code = feature["properties"]["code"]
        project = projection_for(code)
        geometry = feature["geometry"]
        polygons = (
            geometry["coordinates"]
            if geometry["type"] == "MultiPolygon"
            else [geometry["coordinates"]]
        )
        rings = tuple(
            tuple(project(lon, lat) for lon, lat in ring)
            for polygon in polygons
            for ring in polygon
        )
        shapes.append(
            DepartmentShape(
                code, feature["properties"]["nom"], feature["properties"]["code_region"], rings
            )
        )
    return tuple(shapes)


def _simplify(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker, iterative (Mayotte's rings are long enough to hit recursion limits)."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    squared = tolerance * tolerance
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        length = dx * dx + dy * dy
        farthest, index = 0.0, 0
        for i in range(first + 1, last):
            px, py = points[i]
            if length:
                t = max(0.0, min(1.0, ((px - x1) * dx + (py - y1) * dy) / length))
                ex, ey = x1 + t * dx - px, y1 + t * dy - py
            else:
                ex, ey = px - x1, py - y1
            distance = ex * ex + ey * ey
            if distance > farthest:
                farthest, index = distance, i
        if farthest > squared:
            keep[index] = True
            stack.extend(((first, index), (index, last)))
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def _path_data(rings: Iterable[Ring], frame: Frame, tolerance: float = TOLERANCE) -> str:
    parts = []
    for ring in rings:
        points = _simplify([frame(point) for point in ring], tolerance)
        xs, ys = [x for x, _ in points], [y for _, y in points]
        # Islets smaller than a point marker would only add noise.
        if len(points) < 4 or max(xs) - min(xs) + max(ys) - min(ys) < 1.5:
            continue
        parts.append(_relative_path(points))
    return "".join(parts)


def _number(value: int) -> str:
    """Tenths of a unit as the shortest SVG number: 12 → "1.2", -30 → "-3", 5 → ".5"."""
    text = f"{value / 10:.1f}".removesuffix(".0")
    return text.replace("0.", ".", 1) if text.startswith(("0.", "-0.")) else text


def _relative_path(points: Sequence[Point]) -> str:
    """Relative moves between positions rounded to a tenth: a third shorter than absolute
    coordinates, and rounding errors cannot add up since each step is between rounded points."""
    tenths = [(round(x * 10), round(y * 10)) for x, y in points]
    steps = [f"{_number(x)},{_number(y)}" for x, y in tenths[:1]]
    steps += [
        f"{_number(x - px)},{_number(y - py)}"
        for (px, py), (x, y) in pairwise(tenths)
        if (x, y) != (px, py)
    ]
    return f"M{steps[0]}l{' '.join(steps[1:])}z"


def _outlines(
    shapes: Iterable[DepartmentShape], frame_for: dict[str, Frame], highlighted: str | None = None
) -> SafeString:
    return format_html_join(
        "",
        '<path class="{}" d="{}"/>',
        (
            (
                "cdv-map__area cdv-map__area--current"
                if shape.code == highlighted
                else "cdv-map__area",
                _path_data(shape.rings, frame_for[shape.code]),
            )
            for shape in shapes
        ),
    )


@dataclass(frozen=True)
class SvgMap:
    width: float
    height: float
    # Markup drawn under the towns: department outlines, inset frames and names.
    background: SafeString
    frames: dict[str, Frame]

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width:g} {self.height:g}"

    def place(self, department_code: str, longitude: float, latitude: float) -> Point:
        x, y = self.frames[department_code](projection_for(department_code)(longitude, latitude))
        return round(x, 1), round(y, 1)


@cache
def france_map() -> SvgMap:
    shapes = department_shapes()
    metropole = [shape for shape in shapes if shape.code not in OVERSEAS_CODES]
    frame = Frame.fit(
        (p for shape in metropole for ring in shape.rings for p in ring), METROPOLE_BOX
    )
    frames = {shape.code: frame for shape in metropole}
    insets = []
    overseas = {shape.code: shape for shape in shapes if shape.code in OVERSEAS_CODES}
    for position, code in enumerate(OVERSEAS_CODES):
        top = 8.0 + position * (INSET_HEIGHT + INSET_LABEL + 2)
        box = (INSET_X + 6, top + 6, INSET_WIDTH - 12, INSET_HEIGHT - 12)
        frames[code] = Frame.fit((p for ring in overseas[code].rings for p in ring), box)
        numbers = (
            INSET_X,
            top,
            INSET_WIDTH,
            INSET_HEIGHT,
            INSET_X + INSET_WIDTH / 2,
            top + INSET_HEIGHT + 15,
        )
        insets.append((*(f"{number:g}" for number in numbers), overseas[code].name))
    background = format_html(
        "{}{}",
        format_html_join(
            "",
            '<rect class="cdv-map__inset" x="{}" y="{}" width="{}" height="{}"/>'
            '<text class="cdv-map__inset-name" x="{}" y="{}">{}</text>',
            insets,
        ),
        _outlines(shapes, frames),
    )
    return SvgMap(WIDTH, HEIGHT, background, frames)


@cache
def region_locator(region_code: str, department_code: str) -> SvgMap:
    """The departments of one region, the given one highlighted, in a small square."""
    shapes = [shape for shape in department_shapes() if shape.region_code == region_code]
    margin = 6.0
    frame = Frame.fit(
        (p for shape in shapes for ring in shape.rings for p in ring),
        (margin, margin, LOCATOR_SIZE - 2 * margin, LOCATOR_SIZE - 2 * margin),
    )
    frames = {shape.code: frame for shape in shapes}
    return SvgMap(LOCATOR_SIZE, LOCATOR_SIZE, _outlines(shapes, frames, department_code), frames)
