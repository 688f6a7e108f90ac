"""Map projections and frames: from longitude/latitude to SVG coordinates.

Metropolitan France and Corsica use a conformal conic projection with the parallels of
Lambert-93 (on a sphere: the difference is far below a pixel at our scale); each overseas
department gets its own local projection, since it is drawn in an inset at its own scale.
"""

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

Point = tuple[float, float]
Projection = Callable[[float, float], Point]

OVERSEAS_CODES = ("971", "972", "973", "974", "976")


def _lambert_conic(
    parallel_1: float, parallel_2: float, origin_latitude: float, central_meridian: float
) -> Projection:
    phi1, phi2, phi0 = (math.radians(v) for v in (parallel_1, parallel_2, origin_latitude))

    def t(phi: float) -> float:
        return math.tan(math.pi / 4 + phi / 2)

    n = math.log(math.cos(phi1) / math.cos(phi2)) / math.log(t(phi2) / t(phi1))
    f = math.cos(phi1) * t(phi1) ** n / n
    rho0 = f / t(phi0) ** n

    def project(longitude: float, latitude: float) -> Point:
        rho = f / t(math.radians(latitude)) ** n
        theta = n * math.radians(longitude - central_meridian)
        return rho * math.sin(theta), rho0 - rho * math.cos(theta)

    return project


def _local_equirectangular(latitude: float) -> Projection:
    """Good enough for an island a few dozen kilometres wide, or for Guyane."""
    scale = math.cos(math.radians(latitude))

    def project(longitude: float, latitude: float) -> Point:
        return math.radians(longitude) * scale, math.radians(latitude)

    return project


METROPOLE = _lambert_conic(44, 49, 46.5, 3)
_OVERSEAS = {
    "971": _local_equirectangular(16.2),
    "972": _local_equirectangular(14.6),
    "973": _local_equirectangular(4.0),
    "974": _local_equirectangular(-21.1),
    "976": _local_equirectangular(-12.8),
}


def projection_for(department_code: str) -> Projection:
    return _OVERSEAS.get(department_code, METROPOLE)


@dataclass(frozen=True)
class Frame:
    """Places projected coordinates in a box of the SVG: uniform scale, north up, centred."""

    scale: float
    offset_x: float
    offset_y: float

    @classmethod
    def fit(cls, points: Iterable[Point], box: tuple[float, float, float, float]) -> "Frame":
        """The frame that fits every point inside `box` = (x, y, width, height)."""
        xs, ys = zip(*points, strict=True)
        left, top, width, height = box
        span_x, span_y = max(xs) - min(xs), max(ys) - min(ys)
        scale = min(width / span_x, height / span_y)
        return cls(
            scale=scale,
            offset_x=left + (width - span_x * scale) / 2 - min(xs) * scale,
            offset_y=top + (height - span_y * scale) / 2 + max(ys) * scale,
        )

    def __call__(self, point: Point) -> Point:
        return self.offset_x + point[0] * self.scale, self.offset_y - point[1] * self.scale
