"""Contract: win32rcparser reads a resource script's ids, dialogs and strings.

The templates are the lists win32gui.DialogBoxIndirect takes: system classes as atoms,
styles as signed 32-bit numbers, a control's default style with what the script adds and
takes away (NOT). Each rule was asked of the real pywin32 first (build 312, under Wine).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import win32con
import win32rcparser

if TYPE_CHECKING:
    from pathlib import Path

HEADER = """\
#define IDD_ASK 200
#define IDC_NAME 300
#define IDC_AGAIN 300
#define IDI_APP 7
#define IDS_GREETING 40
"""

SCRIPT = """\
#include "ask.h"
#include "afxres.h"
LANGUAGE LANG_ENGLISH, SUBLANG_ENGLISH_US

/* a dialog */
IDD_ASK DIALOG DISCARDABLE 0, 0, 120, 60
STYLE DS_MODALFRAME | WS_POPUP | WS_CAPTION
CAPTION "Ask"
FONT 8, "MS Shell Dlg"
BEGIN
    EDITTEXT        IDC_NAME,5,5,100,12,ES_AUTOHSCROLL | NOT WS_BORDER
    ICON            IDI_APP,IDC_STATIC,5,20,20,20
    PUSHBUTTON      "Go",IDOK,60,40,50,14,NOT WS_TABSTOP
    LISTBOX         IDC_AGAIN,5,40,40,20,LBS_SORT
    CONTROL         "x",IDC_AGAIN,"Button",BS_AUTOCHECKBOX | WS_TABSTOP,5,45,30,10
    RTEXT           "r",IDC_STATIC,5,50,30,10,0,WS_EX_RIGHT
END

STRINGTABLE DISCARDABLE
BEGIN
    IDS_GREETING            "Say ""hi""\\tnow"
    41                      "by number"
END

IDI_APP ICON DISCARDABLE "app.ico"
"""


def _parse(tmp_path: Path) -> win32rcparser.RCParser:
    (tmp_path / "ask.h").write_text(HEADER)
    (tmp_path / "ask.rc").write_text(SCRIPT)
    return win32rcparser.Parse(str(tmp_path / "ask.rc"))


def test_ids_and_names_the_first_name_of_a_number(tmp_path: Path) -> None:
    parsed = _parse(tmp_path)
    assert parsed.ids["IDC_NAME"] == parsed.ids["IDC_AGAIN"] == 300
    assert parsed.names[300] == "IDC_NAME"
    # IDC_STATIC always; a win32con id once the script uses it (IDOK, not IDCANCEL)
    assert (parsed.ids["IDOK"], parsed.ids["IDC_STATIC"]) == (1, -1)
    assert (parsed.names[1], parsed.names[-1]) == ("IDOK", "IDC_STATIC")
    assert "IDCANCEL" not in parsed.ids
    assert "WS_TABSTOP" not in parsed.ids  # a style is no id


def test_a_dialog_is_a_template_list(tmp_path: Path) -> None:
    header, *controls = _parse(tmp_path).dialogs["IDD_ASK"]
    style = win32con.DS_MODALFRAME | win32con.WS_POPUP | win32con.WS_CAPTION | win32con.DS_SETFONT
    signed = (style & 0xFFFFFFFF) - (1 << 32)  # WS_POPUP is negative in win32con
    assert header == ["Ask", (0, 0, 120, 60), signed, None, (8, "MS Shell Dlg")]
    child = win32con.WS_CHILD | win32con.WS_VISIBLE
    assert controls == [
        [0x81, "", 300, (5, 5, 100, 12), child | win32con.ES_AUTOHSCROLL | win32con.WS_TABSTOP, 0],
        [0x82, "7", -1, (5, 20, 20, 20), child | win32con.SS_ICON, 0],  # the icon's number
        [0x80, "Go", 1, (60, 40, 50, 14), child, 0],
        [0x83, "", 300, (5, 40, 40, 20), child | win32con.LBS_NOTIFY | win32con.LBS_SORT, 0],
        [
            0x80,
            "x",
            300,
            (5, 45, 30, 10),
            child | win32con.BS_AUTOCHECKBOX | win32con.WS_TABSTOP,
            0,
        ],
        [0x82, "r", -1, (5, 50, 30, 10), child | win32con.SS_RIGHT, win32con.WS_EX_RIGHT],
    ]


def test_strings_and_icons(tmp_path: Path) -> None:
    parsed = _parse(tmp_path)
    greeting = parsed.stringTable["IDS_GREETING"]
    assert (greeting.id, greeting.idNum, greeting.value) == ("IDS_GREETING", 40, 'Say "hi"\tnow')
    assert parsed.stringTable["41"].value == "by number"
    assert parsed.icons == {"IDI_APP": "app.ico"}


def test_a_frozen_resource_holds_the_same(tmp_path: Path) -> None:
    parsed = _parse(tmp_path)
    out = tmp_path / "frozen.py"
    win32rcparser.GenerateFrozenResource(str(tmp_path / "ask.rc"), str(out))
    names: dict[str, object] = {}
    exec(out.read_text(), names, names)
    frozen = names["FakeParser"]()  # type: ignore[operator]
    assert frozen.dialogs == parsed.dialogs
    assert frozen.ids["IDC_NAME"] == 300
    assert frozen.stringTable["IDS_GREETING"].value == 'Say "hi"\tnow'
