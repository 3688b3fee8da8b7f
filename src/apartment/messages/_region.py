"""Regions: sets of pixels as bands of horizontal spans (what GDI's HRGN holds).

A region is a sorted tuple of bands ``(top, bottom, spans)``: the rows ``top <= y < bottom``
all hold the pixels ``x1 <= x < x2`` of each span ``(x1, x2)``; bands do not overlap, and
two touching bands never have the same spans (they are merged), so equal pixel sets are equal
values. That is Windows' own representation (y-x banded rectangles), which makes ``==`` the
EqualRgn rule and the number of rectangles its region complexity.

A window's update region is one of these (``Window.update_region``); the GDI layer wraps them
in region objects. Values are immutable: every operation returns a new region.
"""

from __future__ import annotations

import itertools
import math
from typing import TYPE_CHECKING, final

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

__all__ = ["NULLREGION", "SIMPLEREGION", "COMPLEXREGION", "Region"]

NULLREGION = 1
SIMPLEREGION = 2
COMPLEXREGION = 3

_Spans = tuple[tuple[int, int], ...]
_Band = tuple[int, int, _Spans]


def _combine_spans(a: _Spans, b: _Spans, keep: Callable[[bool, bool], bool]) -> _Spans:
    """The spans where ``keep(in a, in b)`` holds."""
    edges = sorted({x for span in a for x in span} | {x for span in b for x in span})
    result: list[tuple[int, int]] = []
    for left, right in itertools.pairwise(edges):
        inside_a = any(x1 <= left < x2 for x1, x2 in a)
        inside_b = any(x1 <= left < x2 for x1, x2 in b)
        if keep(inside_a, inside_b):
            if result and result[-1][1] == left:
                result[-1] = (result[-1][0], right)
            else:
                result.append((left, right))
    return tuple(result)


def _normalized(bands: Iterable[_Band]) -> tuple[_Band, ...]:
    """Drop empty bands and merge touching bands with equal spans."""
    out: list[_Band] = []
    for top, bottom, spans in bands:
        if top >= bottom or not spans:
            continue
        if out and out[-1][1] == top and out[-1][2] == spans:
            out[-1] = (out[-1][0], bottom, spans)
        else:
            out.append((top, bottom, spans))
    return tuple(out)


def _spans_at(bands: tuple[_Band, ...], y: int) -> _Spans:
    for top, bottom, spans in bands:
        if top <= y < bottom:
            return spans
    return ()


@final
class Region:
    """An immutable set of pixels; ``Region()`` is empty (NULLREGION)."""

    __slots__ = ("bands",)

    def __init__(self, bands: Iterable[_Band] = ()) -> None:
        self.bands: tuple[_Band, ...] = _normalized(bands)

    @classmethod
    def rect(cls, left: int, top: int, right: int, bottom: int) -> Region:
        """The pixels of a rectangle, its right and bottom edges excluded (corners normalized)."""
        left, right = min(left, right), max(left, right)
        top, bottom = min(top, bottom), max(top, bottom)
        if left == right or top == bottom:
            return cls()
        return cls([(top, bottom, ((left, right),))])

    @classmethod
    def from_rows(cls, top: int, rows: Sequence[Sequence[tuple[int, int]]]) -> Region:
        """A region of one list of spans per row, starting at row ``top``."""
        return cls((top + index, top + index + 1, tuple(spans)) for index, spans in enumerate(rows))

    @classmethod
    def ellipse(cls, left: int, top: int, right: int, bottom: int) -> Region:
        """The ellipse inscribed in the rectangle (CreateEllipticRgn).

        As Windows does, the ellipse fits the rectangle less its last row and column; a pixel
        belongs to it when its centre lies inside.
        """
        left, right = min(left, right), max(left, right) - 1
        top, bottom = min(top, bottom), max(top, bottom) - 1
        if right - left < 1 or bottom - top < 1:
            return cls()
        cx, cy = (left + right) / 2, (top + bottom) / 2
        rx, ry = (right - left) / 2, (bottom - top) / 2
        rows: list[list[tuple[int, int]]] = []
        for y in range(top, bottom):
            dy = (y + 0.5 - cy) / ry
            if dy * dy >= 1:
                rows.append([])
                continue
            half = rx * (1 - dy * dy) ** 0.5
            x1, x2 = round(cx - half), round(cx + half)
            rows.append([(x1, x2)] if x1 < x2 else [])
        return cls.from_rows(top, rows)

    @classmethod
    def round_rect(
        cls, left: int, top: int, right: int, bottom: int, width: int, height: int
    ) -> Region:
        """A rectangle with its corners rounded by ellipses of ``width`` x ``height``."""
        left, right = min(left, right), max(left, right)
        top, bottom = min(top, bottom), max(top, bottom)
        width, height = min(abs(width), right - left), min(abs(height), bottom - top)
        if width < 2 or height < 2:
            return cls.rect(left, top, right - 1, bottom - 1)
        corners = cls.ellipse(left, top, left + width, top + height)
        inner = cls.rect(left + width // 2, top, right - 1 - width // 2, bottom - 1)
        inner = inner.union(cls.rect(left, top + height // 2, right - 1, bottom - 1 - height // 2))
        region = inner
        for dx, dy in ((0, 0), (right - 1 - width - left, 0), (0, bottom - 1 - height - top)):
            region = region.union(corners.offset(dx, dy))
        return region.union(corners.offset(right - 1 - width - left, bottom - 1 - height - top))

    @classmethod
    def polygon(cls, points: Sequence[tuple[int, int]], winding: bool = False) -> Region:
        """The pixels whose centres lie inside the polygon (alternate or winding fill)."""
        if len(points) < 3:
            return cls()
        top = min(y for _, y in points)
        bottom = max(y for _, y in points)
        edges = list(zip(points, [*points[1:], points[0]], strict=False))
        rows: list[_Spans] = []
        for y in range(top, bottom):
            centre = y + 0.5
            crossings: list[tuple[float, int]] = []
            for (x1, y1), (x2, y2) in edges:
                if (y1 <= centre < y2) or (y2 <= centre < y1):
                    x = x1 + (centre - y1) * (x2 - x1) / (y2 - y1)
                    crossings.append((x, 1 if y2 > y1 else -1))
            crossings.sort()
            spans: list[tuple[int, int]] = []
            count = 0
            for index, (x, direction) in enumerate(crossings[:-1]):
                count = count + direction if winding else count ^ 1
                if count:
                    x1, x2 = math.floor(x), math.ceil(crossings[index + 1][0])
                    if x1 < x2:
                        spans.append((x1, x2))
            rows.append(_combine_spans(tuple(spans), (), lambda a, b: a))
        return cls.from_rows(top, rows)

    def _combine(self, other: Region, keep: Callable[[bool, bool], bool]) -> Region:
        edges = sorted(
            {y for top, bottom, _ in self.bands for y in (top, bottom)}
            | {y for top, bottom, _ in other.bands for y in (top, bottom)}
        )
        return Region(
            (
                top,
                bottom,
                _combine_spans(_spans_at(self.bands, top), _spans_at(other.bands, top), keep),
            )
            for top, bottom in itertools.pairwise(edges)
        )

    def union(self, other: Region) -> Region:
        """RGN_OR."""
        return self._combine(other, lambda a, b: a or b)

    def intersect(self, other: Region) -> Region:
        """RGN_AND."""
        return self._combine(other, lambda a, b: a and b)

    def subtract(self, other: Region) -> Region:
        """RGN_DIFF: the pixels of this region that are not in ``other``."""
        return self._combine(other, lambda a, b: a and not b)

    def xor(self, other: Region) -> Region:
        """RGN_XOR."""
        return self._combine(other, lambda a, b: a != b)

    def offset(self, dx: int, dy: int) -> Region:
        """The region moved by ``(dx, dy)``."""
        return Region(
            (top + dy, bottom + dy, tuple((x1 + dx, x2 + dx) for x1, x2 in spans))
            for top, bottom, spans in self.bands
        )

    def contains(self, x: int, y: int) -> bool:
        """Whether the pixel ``(x, y)`` is in the region (PtInRegion)."""
        return any(x1 <= x < x2 for x1, x2 in _spans_at(self.bands, y))

    def overlaps(self, left: int, top: int, right: int, bottom: int) -> bool:
        """Whether any pixel of the rectangle is in the region (RectInRegion)."""
        return bool(self.intersect(Region.rect(left, top, right, bottom)).bands)

    @property
    def box(self) -> tuple[int, int, int, int]:
        """The bounding rectangle; ``(0, 0, 0, 0)`` when empty (GetRgnBox)."""
        if not self.bands:
            return (0, 0, 0, 0)
        left = min(spans[0][0] for _, _, spans in self.bands)
        right = max(spans[-1][1] for _, _, spans in self.bands)
        return (left, self.bands[0][0], right, self.bands[-1][1])

    @property
    def complexity(self) -> int:
        """NULLREGION, SIMPLEREGION (one rectangle) or COMPLEXREGION."""
        if not self.bands:
            return NULLREGION
        if len(self.bands) == 1 and len(self.bands[0][2]) == 1:
            return SIMPLEREGION
        return COMPLEXREGION

    def rects(self) -> list[tuple[int, int, int, int]]:
        """The region as rectangles, top to bottom and left to right."""
        return [(x1, top, x2, bottom) for top, bottom, spans in self.bands for x1, x2 in spans]

    def __bool__(self) -> bool:
        return bool(self.bands)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Region):
            return NotImplemented
        return self.bands == other.bands

    def __hash__(self) -> int:
        return hash(self.bands)

    def __repr__(self) -> str:
        return f"Region({self.rects()!r})"
