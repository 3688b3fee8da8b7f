"""pywin32's ``win32rcparser``: a resource script's dialogs, strings and ids at run time.

``Parse`` reads a ``.rc`` file (``apartment.messages.parse_resource_script``) and gives its
dialogs as the lists ``win32gui.DialogBoxIndirect`` and ``CreateDialogIndirect`` take: a
header ``[caption, (x, y, cx, cy), style, exstyle, (fontsize, fontname)]`` (a menu and a
window class after it when the script names them), then one
``[class, text, id, (x, y, cx, cy), style, exstyle]`` per control. Style names are
win32con's and commctrl's. ``GenerateFrozenResource`` writes the same as Python source, a
class ``FakeParser`` whose instances hold what ``Parse`` returns, for a program that ships
without its ``.rc`` file.
"""

from __future__ import annotations

import dataclasses
import os
from typing import TYPE_CHECKING, Any

from apartment import messages

from . import commctrl, win32con

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["GenerateFrozenResource", "Parse", "RCParser", "StringDef"]

_symbols: dict[str, int] | None = None
# The system classes a template names by atom, as pywin32's reader gives them; RICHEDIT (the
# rich edit control 1.0, gone) is riched20.dll's class.
_ATOMS = {"BUTTON": 0x80, "EDIT": 0x81, "STATIC": 0x82, "LISTBOX": 0x83, "SCROLLBAR": 0x84}
_ATOMS["COMBOBOX"] = 0x85
_RENAMED = {"RICHEDIT": "RichEdit20A"}


@dataclasses.dataclass
class StringDef:
    """A string table's entry: ``id`` its name, ``idNum`` its number, ``value`` its text."""

    id: str
    idNum: int
    value: str


class RCParser:
    """What ``Parse`` found.

    ``ids`` (name -> number), ``names`` (number -> name), ``dialogs`` (name -> template
    list), ``stringTable`` (name -> StringDef), ``icons`` and ``bitmaps`` (name -> file name
    as the script gives it).
    """

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.names: dict[int, str] = {}
        self.dialogs: dict[str | int, list[Any]] = {}
        self.stringTable: dict[str, StringDef] = {}
        self.icons: dict[str | int, str] = {}
        self.bitmaps: dict[str | int, str] = {}


def _constants() -> Mapping[str, int]:
    global _symbols  # filled once, the same by any thread: no lock is needed
    if _symbols is None:
        _symbols = {
            name: value
            for module in (win32con, commctrl)
            for name, value in vars(module).items()
            if name.isupper() and type(value) is int
        }
    return _symbols


def _signed32(value: int) -> int:
    return value - (1 << 32) if value & 0x80000000 else value


def _class(name: str) -> str | int:
    return _ATOMS.get(name.upper()) or _RENAMED.get(name.upper(), name)


def _dialog(dialog: messages.ScriptDialog) -> list[Any]:
    """A dialog as pywin32's template list (an icon's or a bitmap's number as text)."""
    header: list[Any] = [
        dialog.caption,
        dialog.rect,
        _signed32(dialog.style),
        _signed32(dialog.ex_style) if dialog.ex_style else None,
        dialog.font,
    ]
    if dialog.menu is not None or dialog.class_name is not None:
        header += [dialog.menu, dialog.class_name]
    controls = [
        [
            _class(item.class_name),
            str(item.text),
            item.id,
            item.rect,
            _signed32(item.style),
            _signed32(item.ex_style),
        ]
        for item in dialog.items
    ]
    return [header, *controls]


def Parse(rc_name: str, h_name: str | None = None) -> RCParser:
    """Read the resource script ``rc_name`` (``h_name``, its header, read first if given)."""
    script = messages.parse_resource_script(rc_name, _constants(), h_name)
    parsed = RCParser()
    parsed.ids = dict(script.ids)
    parsed.names = dict(script.names)
    parsed.dialogs = {name: _dialog(dialog) for name, dialog in script.dialogs.items()}
    parsed.stringTable = {
        name: StringDef(entry.name, entry.number, entry.value)
        for name, entry in script.strings.items()
    }
    parsed.icons = dict(script.icons)
    parsed.bitmaps = dict(script.bitmaps)
    return parsed


def GenerateFrozenResource(rc_name: str, output_name: str, h_name: str | None = None) -> None:
    """Write what ``Parse(rc_name, h_name)`` finds to ``output_name`` as Python source."""
    parsed = Parse(rc_name, h_name)
    lines = [
        f"# Made by win32rcparser from {os.path.basename(rc_name)}: edit the script instead.",
        "from win32rcparser import StringDef",
        "",
        "",
        "class FakeParser:",
    ]
    for name in ("dialogs", "ids", "names", "icons", "bitmaps", "stringTable"):
        lines.append(f"    {name} = {getattr(parsed, name)!r}")
    with open(output_name, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
