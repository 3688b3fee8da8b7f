"""Paths: BeginPath records the lines and shapes drawn until EndPath, in logical units.

While a path is open, LineTo, Polyline, PolylineTo, Polygon, Rectangle and Ellipse (as a
polygon of 32 sides) add figures to it instead of drawing; the other curves (Arc, Pie,
Chord, PolyBezier) only move the current position as they would. FillPath, StrokePath and
StrokeAndFillPath rasterize the closed path (in a memory context) and discard it;
PathToRegion makes it a region; GetPath returns its points and PT_* types.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from ..errors import ERROR_CAN_NOT_COMPLETE, Win32Error
from ..messages import Region
from ._objects import GDI_LOCK

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ._dc import DeviceContext

__all__ = [
    "PT_CLOSEFIGURE", "PT_LINETO", "PT_BEZIERTO", "PT_MOVETO",
    "begin_path", "end_path", "abort_path", "close_figure", "record", "closed_path",
    "path_points", "path_region", "ellipse_points", "figures",
]  # fmt: skip

PT_CLOSEFIGURE = 1
PT_LINETO = 2
PT_BEZIERTO = 4
PT_MOVETO = 6


def _cannot(what: str) -> Win32Error:
    return Win32Error.from_code(ERROR_CAN_NOT_COMPLETE, what)


def begin_path(dc: DeviceContext) -> None:
    """Open a new path, discarding any other (BeginPath)."""
    with GDI_LOCK:
        dc.state.path = []
        dc.state.path_open = True


def end_path(dc: DeviceContext) -> None:
    """Close the open path (EndPath).

    Raises:
        Win32Error: ERROR_CAN_NOT_COMPLETE, no path is open.
    """
    with GDI_LOCK:
        if not dc.state.path_open:
            raise _cannot("EndPath without BeginPath")
        dc.state.path_open = False


def abort_path(dc: DeviceContext) -> None:
    """Discard the path, open or closed (AbortPath)."""
    with GDI_LOCK:
        dc.state.path = None
        dc.state.path_open = False


def close_figure(dc: DeviceContext) -> None:
    """Close the open path's last figure (CloseFigure).

    Raises:
        Win32Error: ERROR_CAN_NOT_COMPLETE, no path is open or its figure is empty.
    """
    with GDI_LOCK:
        path = dc.state.path
        if not dc.state.path_open or path is None or not path:
            raise _cannot("CloseFigure without an open figure")
        x, y, kind = path[-1]
        path[-1] = (x, y, kind | PT_CLOSEFIGURE)


def record(dc: DeviceContext, points: Sequence[tuple[int, int]], *, closed: bool) -> bool:
    """Add a figure to the open path; False (nothing recorded) when no path is open.

    The figure continues from the current position when it is not ``closed`` and starts
    there (LineTo, PolylineTo); a closed one is a figure of its own (Rectangle, Polygon).
    """
    state = dc.state
    if not state.path_open or state.path is None:
        return False
    path = state.path
    if closed:
        if not points:
            return True
        path.append((*points[0], PT_MOVETO))
        path += [(x, y, PT_LINETO) for x, y in points[1:]]
        x, y, kind = path[-1]
        path[-1] = (x, y, kind | PT_CLOSEFIGURE)
    else:
        if not path or path[-1][2] & PT_CLOSEFIGURE or path[-1][:2] != state.position:
            path.append((*state.position, PT_MOVETO))
        path += [(x, y, PT_LINETO) for x, y in points]
    return True


def closed_path(dc: DeviceContext, what: str) -> list[tuple[int, int, int]]:
    """The closed path, taken out of the context (Fill/Stroke/PathToRegion discard it).

    Raises:
        Win32Error: ERROR_CAN_NOT_COMPLETE, no closed path.
    """
    path = dc.state.path
    if path is None or dc.state.path_open:
        raise _cannot(f"{what} needs a closed path (BeginPath ... EndPath)")
    dc.state.path = None
    return path


def path_points(dc: DeviceContext) -> tuple[list[tuple[int, int]], list[int]]:
    """The closed path's points and PT_* types, left in place (GetPath).

    Raises:
        Win32Error: ERROR_CAN_NOT_COMPLETE, no closed path.
    """
    with GDI_LOCK:
        path = dc.state.path
        if path is None or dc.state.path_open:
            raise _cannot("GetPath needs a closed path")
        return [(x, y) for x, y, _ in path], [kind for _, _, kind in path]


def figures(path: Sequence[tuple[int, int, int]]) -> list[list[tuple[int, int]]]:
    """A path's figures as lists of points."""
    result: list[list[tuple[int, int]]] = []
    for x, y, kind in path:
        if kind & ~PT_CLOSEFIGURE == PT_MOVETO or not result:
            result.append([])
        result[-1].append((x, y))
    return result


def path_region(dc: DeviceContext, path: Sequence[tuple[int, int, int]]) -> Region:
    """The device region a path's figures enclose (the poly fill mode decides)."""
    region = Region()
    winding = dc.state.poly_fill_mode == 2
    for figure in figures(path):
        device = [dc.to_device_int(x, y) for x, y in figure]
        region = (
            region.xor(Region.polygon(device, winding))
            if not winding
            else region.union(Region.polygon(device, winding))
        )
    return region


def ellipse_points(left: int, top: int, right: int, bottom: int) -> list[tuple[int, int]]:
    """An ellipse as a polygon of 32 sides (its path figure)."""
    cx, cy = (left + right) / 2, (top + bottom) / 2
    rx, ry = (right - left) / 2, (bottom - top) / 2
    return [
        (
            round(cx + rx * math.cos(2 * math.pi * i / 32)),
            round(cy - ry * math.sin(2 * math.pi * i / 32)),
        )
        for i in range(32)
    ]
