"""Shell link files in Windows' format (MS-SHLLINK): written and read back, Wine's read here,
malformed ones refused, and the WshShortcut text forms of the hot key and icon."""

from __future__ import annotations

import contextlib
import struct
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from apartment.com import LinkData, LinkFormatError, pack_link, unpack_link
from apartment.services._wsh_links import hotkey_text, hotkey_word, icon_place, icon_text

DATA = Path(__file__).resolve().parent.parent / "data" / "links"
_text = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\0"), max_size=40)


@given(
    target=_text,
    arguments=_text,
    working_directory=_text,
    description=_text,
    relative_path=_text,
    icon_location=_text,
    icon_index=st.integers(-(2**31), 2**31 - 1),
    show_command=st.integers(0, 2**32 - 1),
    hotkey=st.integers(0, 0xFFFF),
    file_attributes=st.integers(0, 2**32 - 1),
    times=st.tuples(*[st.integers(0, 2**64 - 1)] * 3),
    file_size=st.integers(0, 2**32 - 1),
)
def test_what_is_packed_unpacks_the_same(times: tuple[int, int, int], **fields: object) -> None:
    link = LinkData(
        **fields,  # type: ignore[arg-type]
        creation_time=times[0],
        access_time=times[1],
        write_time=times[2],
    )
    assert unpack_link(pack_link(link)) == link


def test_a_link_written_by_wines_shell32_reads() -> None:
    link = unpack_link((DATA / "wine_shell32.lnk").read_bytes())
    assert link.target == "Z:\\tmp\\lead28\\lnkgen\\target file.txt"
    assert link.arguments == "--mode fast"  # Wine counts a NUL in; it is not the text's
    assert link.description == "Wine's link \u00e9"
    assert link.working_directory == "Z:\\tmp\\lead28\\lnkgen"
    assert (link.icon_location, link.icon_index) == ("C:\\windows\\system32\\shell32.dll", 4)
    assert (link.show_command, link.hotkey) == (7, 0x0346)


def test_the_header_is_shelllinkheaders() -> None:
    data = pack_link(LinkData(target="/x"))
    size, clsid = struct.unpack_from("<I16s", data)
    assert size == 0x4C
    assert clsid == bytes.fromhex("0114020000000000c000000000000046")
    assert data.endswith(b"\0\0\0\0")  # the terminal block


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"L\0\0\0",
        b"\x4d" + pack_link(LinkData())[1:],  # another header size
        pack_link(LinkData())[:4] + b"\0" * 16 + pack_link(LinkData())[20:],  # another class
        pack_link(LinkData(description="cut"))[:-6],  # a string cut off
        pack_link(LinkData(target="/somewhere"))[:90],  # LinkInfo cut off
    ],
)
def test_what_is_not_a_link_is_refused(data: bytes) -> None:
    with pytest.raises(LinkFormatError):
        unpack_link(data)


@given(st.binary(max_size=300))
def test_any_bytes_read_or_are_refused(data: bytes) -> None:
    with contextlib.suppress(LinkFormatError):
        unpack_link(data)


@pytest.mark.parametrize(
    ("word", "text"),
    [
        (0, ""),
        (0x0646, "Alt+Ctrl+F"),
        (0x0141, "Shift+A"),
        (0x0270, "Ctrl+F1"),
        (0x0439, "Alt+9"),
        (0x0020, "Space"),
    ],
)
def test_hot_keys_as_text_and_back(word: int, text: str) -> None:
    assert hotkey_text(word) == text
    assert hotkey_word(text) == word


def test_hot_key_text_is_read_in_any_case_and_order() -> None:
    assert hotkey_word("ctrl+ALT+f") == 0x0646
    assert hotkey_word("Control+Shift+pgdn") == 0x0322
    with pytest.raises(ValueError, match="no modifier"):
        hotkey_word("Meta+F")
    with pytest.raises(ValueError, match="no key"):
        hotkey_word("Ctrl+Nothing")


def test_icon_locations() -> None:
    assert icon_text("app.ico", 2) == "app.ico,2"
    assert icon_place("app.ico,2") == ("app.ico", 2)
    assert icon_place("a,b.ico,-3") == ("a,b.ico", -3)
    assert icon_place("plain.ico") == ("plain.ico", 0)


def test_a_header_whose_flags_promise_what_is_not_there_is_refused() -> None:
    header = bytearray(pack_link(LinkData())[:76])
    for flags in (0x1, 0x2, 0x4 | 0x80):
        header[20:24] = struct.pack("<I", flags)
        for tail in (b"", b"\x05", b"\x05\x00", b"\xff\xff\xff"):
            with pytest.raises(LinkFormatError):
                unpack_link(bytes(header) + tail)
