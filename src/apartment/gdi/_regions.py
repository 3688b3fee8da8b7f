"""Changing region objects: CombineRgn's modes, SetRectRgn, OffsetRgn, copying a region in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import InvalidParameterError
from ._objects import GDI_LOCK

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..messages import Region
    from ._objects import RegionObject

__all__ = [
    "RGN_AND",
    "RGN_OR",
    "RGN_XOR",
    "RGN_DIFF",
    "RGN_COPY",
    "combine_regions",
    "set_region",
    "offset_region",
]

RGN_AND, RGN_OR, RGN_XOR, RGN_DIFF, RGN_COPY = 1, 2, 3, 4, 5


def _operation(mode: int) -> Callable[[Region, Region], Region]:
    from ..messages import Region

    operations: dict[int, Callable[[Region, Region], Region]] = {
        RGN_AND: Region.intersect,
        RGN_OR: Region.union,
        RGN_XOR: Region.xor,
        RGN_DIFF: Region.subtract,
        RGN_COPY: lambda first, _: first,
    }
    if mode not in operations:
        raise InvalidParameterError(f"{mode} is not an RGN_* mode")
    return operations[mode]


def combine_regions(
    dest: RegionObject, first: RegionObject, second: RegionObject | None, mode: int
) -> int:
    """Put ``first`` combined with ``second`` in ``dest`` (CombineRgn); its complexity.

    ``second`` is not read for RGN_COPY.

    Raises:
        InvalidParameterError: an unknown mode, or no ``second`` for a mode that needs one.
    """
    operation = _operation(mode)
    with GDI_LOCK:
        if second is None and mode != RGN_COPY:
            raise InvalidParameterError("this mode combines two regions")
        dest.region = operation(first.region, second.region if second is not None else first.region)
        return dest.region.complexity


def set_region(dest: RegionObject, region: Region) -> int:
    """Make ``dest`` hold ``region`` (SetRectRgn, GetUpdateRgn); its complexity."""
    with GDI_LOCK:
        dest.region = region
        return region.complexity


def offset_region(dest: RegionObject, dx: int, dy: int) -> int:
    """Move a region (OffsetRgn); its complexity."""
    with GDI_LOCK:
        dest.region = dest.region.offset(dx, dy)
        return dest.region.complexity
