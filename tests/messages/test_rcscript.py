"""Resource scripts: the preprocessor's conditionals, rc.exe's statements and errors."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from apartment.messages import ResourceScriptError, parse_resource_script

if TYPE_CHECKING:
    from pathlib import Path

WS_CHILD_VISIBLE = 0x50000000
WS_TABSTOP = 0x10000


def _script(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "app.rc"
    path.write_text(text, encoding=encoding)
    return path


def test_conditionals_choose_what_is_read(tmp_path: Path) -> None:
    path = _script(
        tmp_path,
        """\
#define FEATURE 2
#ifdef APSTUDIO_INVOKED
#define STUDIO_ONLY 9
#endif
#if defined(FEATURE) && FEATURE > 1
#define IDS_A 10
#elif 1
#define IDS_A 11
#else
#define IDS_A 12
#endif
#ifndef FEATURE
#define IDS_B 13
#else
#define IDS_B 14
#endif
STRINGTABLE
BEGIN
    IDS_A, "a"
    IDS_B "b"
END
""",
    )
    script = parse_resource_script(path)
    assert "STUDIO_ONLY" not in script.ids
    assert (script.ids["IDS_A"], script.ids["IDS_B"]) == (10, 14)
    assert [(s.name, s.number, s.value) for s in script.strings.values()] == [
        ("IDS_A", 10, "a"),
        ("IDS_B", 14, "b"),
    ]


def test_unknown_resources_are_passed_over(tmp_path: Path) -> None:
    path = _script(
        tmp_path,
        """\
1 VERSIONINFO
FILEVERSION 1,0,0,1
BEGIN
    BLOCK "StringFileInfo"
    BEGIN
        VALUE "Comments", "x"
    END
END
IDR_MENU MENU
BEGIN
    MENUITEM "Exit", 100
END
5 BITMAP "a.bmp"
""",
    )
    assert parse_resource_script(path).bitmaps == {5: "a.bmp"}


def test_control_styles_and_an_extended_style(tmp_path: Path) -> None:
    """A CONTROL's last field is its extended style (rc.exe); NOT takes a default bit away."""
    path = _script(
        tmp_path,
        """\
1 DIALOGEX 0, 0, 50, 50
BEGIN
    CONTROL "c",5,"Button",0x3 | WS_TABSTOP,
            1,2,3,4,0x1000
    DEFPUSHBUTTON "d",6,1,2,3,4,NOT WS_TABSTOP
END
""",
    )
    dialog = parse_resource_script(path, {"WS_TABSTOP": WS_TABSTOP}).dialogs[1]
    first, second = dialog.items
    assert (first.style, first.ex_style) == (WS_CHILD_VISIBLE | 0x3 | WS_TABSTOP, 0x1000)
    assert second.style == WS_CHILD_VISIBLE | 0x1  # BS_DEFPUSHBUTTON, no tab stop
    assert dialog.style == 0x80880000  # WS_POPUP | WS_BORDER | WS_SYSMENU without STYLE


def test_a_utf16_script(tmp_path: Path) -> None:
    path = _script(tmp_path, 'STRINGTABLE\nBEGIN\n 7 "Grüße"\nEND\n', encoding="utf-16")
    assert parse_resource_script(path).strings["7"].value == "Grüße"


def test_an_unknown_name_is_an_error_naming_it(tmp_path: Path) -> None:
    path = _script(tmp_path, '1 DIALOG 0,0,5,5\nBEGIN\n LTEXT "x",NO_SUCH_ID,1,1,1,1\nEND\n')
    with pytest.raises(ResourceScriptError, match="NO_SUCH_ID"):
        parse_resource_script(path)
