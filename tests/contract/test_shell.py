"""Contract: win32com.shell's data formats (PIDLAsString, StringAsPIDL, CIDAAsString,
StringAsCIDA, FILEGROUPDESCRIPTORAsString, StringAsFILEGROUPDESCRIPTOR) and SHFileOperation,
as pywin32 gives them: bytes to the byte, and the errors of bad input."""

from __future__ import annotations

import datetime
import os
import struct
from typing import TYPE_CHECKING

import pytest
import pywintypes
from win32com.shell import shell, shellcon

if TYPE_CHECKING:
    from pathlib import Path

CLSID = "{CD637886-DB8B-4B04-98B5-25731E1495BE}"
WHEN = datetime.datetime(2020, 1, 2, 3, 4, 5, 6000, tzinfo=datetime.timezone.utc)
FILETIME = "e0eac44a19c1d501"  # WHEN as a FILETIME's bytes


def test_pidl_as_string_packs_counted_items() -> None:
    assert shell.PIDLAsString([]) == b"\0\0"
    assert shell.PIDLAsString([b""]) == b"\2\0\0\0"
    assert shell.PIDLAsString((b"\1",)) == b"\3\0\1\0\0"
    assert shell.PIDLAsString([b"\1", b"\2\3"]) == b"\3\0\1\4\0\2\3\0\0"


@pytest.mark.parametrize("bad", [["ab"], [1], None, 5])
def test_pidl_as_string_takes_a_sequence_of_bytes(bad: object) -> None:
    with pytest.raises(TypeError):
        shell.PIDLAsString(bad)


def test_string_as_pidl_reads_up_to_a_zero_count() -> None:
    assert shell.StringAsPIDL(b"") == []
    assert shell.StringAsPIDL(b"\0\0") == []
    assert shell.StringAsPIDL(b"\3\0\1\0\0\7") == [b"\1"]
    big = [b"\0" * 2048] * 64
    assert shell.StringAsPIDL(shell.PIDLAsString(big)) == big


@pytest.mark.parametrize("short", [b"\1\0\1", b"\2\0\0\0"])
def test_string_as_pidl_refuses_an_item_without_bytes(short: bytes) -> None:
    with pytest.raises(ValueError, match="too short"):
        shell.StringAsPIDL(short)


def test_cida_holds_offsets_then_the_lists() -> None:
    cida = ([b"\1"], [[b"\2"], [b"\3\4"]])
    data = shell.CIDAAsString(cida)
    assert data == (
        struct.pack("<4I", 2, 16, 21, 26) + b"\3\0\1\0\0" + b"\3\0\2\0\0" + b"\4\0\3\4\0\0"
    )
    assert shell.StringAsCIDA(data) == cida
    assert shell.CIDAAsString(([b"\1"], [])) == struct.pack("<2I", 0, 8) + b"\3\0\1\0\0"


def test_file_group_descriptor_is_wide_by_default() -> None:
    assert shell.FILEGROUPDESCRIPTORAsString([]) == b"\0\0\0\0"
    assert shell.FILEGROUPDESCRIPTORAsString([{}]) == b"\1\0\0\0" + bytes(592)
    assert shell.FILEGROUPDESCRIPTORAsString([{}], 1) == b"\1\0\0\0" + bytes(592)
    narrow = shell.FILEGROUPDESCRIPTORAsString([{"cFileName": "ab"}], 0)
    assert len(narrow) == 336
    assert narrow[76:79] == b"ab\0"
    wide = shell.FILEGROUPDESCRIPTORAsString([{"cFileName": "ab"}], 1)
    assert wide[76:81] == b"a\0b\0\0"
    assert len(shell.FILEGROUPDESCRIPTORAsString([{}, {}], 0)) == 668


def test_file_group_descriptor_flags_the_fields_given() -> None:
    full = {
        "cFileName": "foo\xa9.txt",
        "clsid": pywintypes.IID(CLSID),
        "sizel": (1, 2),
        "pointl": (3, 4),
        "dwFileAttributes": 0x80,
        "ftCreationTime": pywintypes.Time(WHEN),
        "ftLastAccessTime": pywintypes.Time(WHEN),
        "ftLastWriteTime": pywintypes.Time(WHEN),
        "nFileSize": 2**63,
    }
    data = shell.FILEGROUPDESCRIPTORAsString([full])
    head = "010000007f000000867863cd8bdb044b98b525731e1495be01000000020000000300000004000000"
    assert data.hex().startswith(head + "80000000" + FILETIME * 3 + "0000008000000000")
    assert data[76:].startswith("foo\xa9.txt\0".encode("utf-16-le"))
    (back,) = shell.StringAsFILEGROUPDESCRIPTOR(data)
    assert back.pop("dwFlags") == 0x7F
    assert back == full
    assert isinstance(back["ftCreationTime"], pywintypes.TimeType)


def test_file_group_descriptor_ors_the_flags_it_is_given() -> None:
    data = shell.FILEGROUPDESCRIPTORAsString([{"dwFlags": 0, "sizel": (1, 2)}])
    assert shell.StringAsFILEGROUPDESCRIPTOR(data) == [
        {"dwFlags": 2, "sizel": (1, 2), "pointl": (0, 0), "cFileName": ""}
    ]
    data = shell.FILEGROUPDESCRIPTORAsString([{"dwFlags": 0x4000, "cFileName": "a", "x": 1}])
    assert shell.StringAsFILEGROUPDESCRIPTOR(data) == [{"dwFlags": 0x4000, "cFileName": "a"}]
    data = shell.FILEGROUPDESCRIPTORAsString([{}], 1)
    assert shell.StringAsFILEGROUPDESCRIPTOR(data) == [{"dwFlags": 0, "cFileName": ""}]
    data = shell.FILEGROUPDESCRIPTORAsString([{"cFileName": "a\xa9"}], 0)
    assert shell.StringAsFILEGROUPDESCRIPTOR(data) == [{"dwFlags": 0, "cFileName": b"a\xa9"}]


@pytest.mark.parametrize(
    ("bad", "error"),
    [([1], TypeError), ([{"cFileName": 5}], TypeError), ([{"nFileSize": -1}], OverflowError)],
)
def test_file_group_descriptor_refuses_bad_items(bad: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        shell.FILEGROUPDESCRIPTORAsString(bad)


@pytest.mark.parametrize("data", [b"", b"\1\0\0\0"])
def test_a_file_group_descriptor_of_the_wrong_size_is_refused(data: bytes) -> None:
    with pytest.raises(ValueError, match=r"small|make_unicode"):
        shell.StringAsFILEGROUPDESCRIPTOR(data)


def _quiet() -> int:
    return int(shellcon.FOF_NOCONFIRMATION | shellcon.FOF_SILENT | shellcon.FOF_NOERRORUI)


def test_file_operations_copy_move_rename_and_delete(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_bytes(b"Hello\0Python")
    copy = tmp_path / "b.txt"
    assert shell.SHFileOperation((0, shellcon.FO_COPY, str(source), str(copy))) == (0, False)
    assert copy.read_bytes() == b"Hello\0Python"
    both = f"{source}\0{copy}"
    folder = tmp_path / "sub"
    assert shell.SHFileOperation((0, shellcon.FO_COPY, both, str(folder), _quiet())) == (0, False)
    assert sorted(os.listdir(folder)) == ["a.txt", "b.txt"]
    moved = tmp_path / "m.txt"
    assert shell.SHFileOperation((0, shellcon.FO_MOVE, str(source), str(moved))) == (0, False)
    renamed = tmp_path / "r.txt"
    assert shell.SHFileOperation((0, shellcon.FO_RENAME, str(moved), str(renamed))) == (0, False)
    delete = (0, shellcon.FO_DELETE, str(copy), None, _quiet())
    assert shell.SHFileOperation(delete) == (0, False)
    assert sorted(os.listdir(tmp_path)) == ["r.txt", "sub"]
    delete = (0, shellcon.FO_DELETE, str(folder), None, _quiet())
    assert shell.SHFileOperation(delete) == (0, False)
    assert sorted(os.listdir(tmp_path)) == ["r.txt"]


def test_file_operations_answer_errors_as_numbers(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    assert shell.SHFileOperation((0, shellcon.FO_DELETE, missing, None, _quiet())) == (2, False)
    (tmp_path / "a.txt").write_text("x")
    assert shell.SHFileOperation((0, 99, str(tmp_path / "a.txt"), None)) == (87, False)


@pytest.mark.parametrize("bad", [(0, shellcon.FO_COPY), (0, shellcon.FO_COPY, 5, None)])
def test_file_operations_refuse_bad_tuples(bad: tuple[object, ...]) -> None:
    with pytest.raises(TypeError):
        shell.SHFileOperation(bad)
