"""win32gui's paths and text over :mod:`apartment.gdi` (text is measured, never rendered)."""

from __future__ import annotations

from typing import Any

from .. import gdi
from ._adapt import api, dword
from ._win32gui_draw import PyGdiHANDLE, dc_arg, int_arg, rect_arg

__all__ = [
    "BeginPath", "EndPath", "AbortPath", "CloseFigure", "FlattenPath", "WidenPath", "FillPath",
    "StrokePath", "StrokeAndFillPath", "PathToRegion", "GetPath",
    "GetTextExtentPoint32", "GetTextMetrics", "GetTextFace", "DrawText", "DrawTextW",
    "ExtTextOut",
]  # fmt: skip


# -- paths ---------------------------------------------------------------------------------------


@api("BeginPath")
def BeginPath(hdc: object, /) -> None:
    gdi.begin_path(dc_arg(hdc))


@api("EndPath")
def EndPath(hdc: object, /) -> None:
    gdi.end_path(dc_arg(hdc))


@api("AbortPath")
def AbortPath(hdc: object, /) -> None:
    gdi.abort_path(dc_arg(hdc))


@api("CloseFigure")
def CloseFigure(hdc: object, /) -> None:
    gdi.close_figure(dc_arg(hdc))


@api("FlattenPath")
def FlattenPath(hdc: object, /) -> None:
    """The path's curves are already lines here: checks there is a closed path."""
    gdi.path_points(dc_arg(hdc))


@api("WidenPath")
def WidenPath(hdc: object, /) -> None:
    """Checks there is a closed path; the path is kept as it is."""
    gdi.path_points(dc_arg(hdc))


@api("FillPath")
def FillPath(hdc: object, /) -> None:
    gdi.fill_path(dc_arg(hdc))


@api("StrokePath")
def StrokePath(hdc: object, /) -> None:
    gdi.fill_path(dc_arg(hdc), stroke=True, fill=False)


@api("StrokeAndFillPath")
def StrokeAndFillPath(hdc: object, /) -> None:
    gdi.fill_path(dc_arg(hdc), stroke=True, fill=True)


@api("PathToRegion")
def PathToRegion(hdc: object, /) -> PyGdiHANDLE:
    return PyGdiHANDLE.of(gdi.create_region(gdi.path_to_region(dc_arg(hdc))))


@api("GetPath")
def GetPath(hdc: object, /) -> tuple[tuple[tuple[int, int], ...], tuple[int, ...]]:
    points, kinds = gdi.path_points(dc_arg(hdc))
    return tuple(points), tuple(kinds)


# -- text ----------------------------------------------------------------------------------------


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(
            f"Objects of type '{type(value).__name__}' can not be converted to Unicode."
        )
    return value


@api("GetTextExtentPoint32")
def GetTextExtentPoint32(hdc: object, _str: object, /) -> tuple[int, int]:
    return gdi.text_extent(dc_arg(hdc), _text(_str))


@api("GetTextMetrics")
def GetTextMetrics(hdc: object, /) -> dict[str, Any]:
    metrics = gdi.text_metrics(dc_arg(hdc))
    return {
        "Height": metrics.height, "Ascent": metrics.ascent, "Descent": metrics.descent,
        "InternalLeading": metrics.internal_leading,
        "ExternalLeading": metrics.external_leading, "AveCharWidth": metrics.ave_char_width,
        "MaxCharWidth": metrics.max_char_width, "Weight": metrics.weight,
        "Overhang": metrics.overhang, "DigitizedAspectX": metrics.digitized_aspect_x,
        "DigitizedAspectY": metrics.digitized_aspect_y, "FirstChar": metrics.first_char,
        "LastChar": metrics.last_char, "DefaultChar": metrics.default_char,
        "BreakChar": metrics.break_char, "Italic": metrics.italic,
        "Underlined": metrics.underlined, "StruckOut": metrics.struck_out,
        "PitchAndFamily": metrics.pitch_and_family, "CharSet": metrics.char_set,
    }  # fmt: skip


@api("GetTextFace")
def GetTextFace(hdc: object, /) -> str:
    return gdi.face_name(dc_arg(hdc))


@api("DrawText")
def DrawText(hDC: object, String: object, nCount: int, Rect: object, Format: int, /) -> list[Any]:
    """``[height, rect]``: the text's height and the rectangle (sized by DT_CALCRECT)."""
    dc = dc_arg(hDC)
    text = _text(String)
    count = int_arg(nCount)
    if count >= 0:
        text = text[:count]
    height, rect = gdi.draw_text_extent(dc, text, rect_arg(Rect, "DrawText"), dword(Format))
    return [height, rect]


@api("DrawTextW")
def DrawTextW(hDC: object, String: object, Count: int, Rect: object, Format: int) -> list[Any]:
    return DrawText(hDC, String, Count, Rect, Format)


@api("ExtTextOut")
def ExtTextOut(
    hdc: object, _int: int, _int1: int, _int2: int, rect: object, string: object,
    _tuple: object = None, /,
) -> None:  # fmt: skip
    """Checks the arguments; TA_UPDATECP moves the current position by the text's width."""
    dc = dc_arg(hdc)
    int_arg(_int)
    int_arg(_int1)
    dword(_int2)
    if rect is not None:
        rect_arg(rect, "ExtTextOut")
    text = _text(string) if string is not None else ""
    if _tuple is not None and not isinstance(_tuple, (tuple, list)):
        raise TypeError("The widths must be a sequence of ints")
    if dc.state.text_align & 1:  # TA_UPDATECP
        x, y = dc.state.position
        gdi.move_to(dc, x + gdi.text_extent(dc, text)[0], y)
