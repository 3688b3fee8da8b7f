"""The registry's value codec: what is stored is what is read, for every type."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

from apartment import registry
from apartment.errors import Win32Error
from apartment.registry._keys import MAX_KEY_NAME, MAX_VALUE_NAME
from apartment.registry._values import decode, encode

if TYPE_CHECKING:
    from pathlib import Path

_TEXT = st.text(alphabet=st.characters(blacklist_characters="\0", blacklist_categories=["Cs"]))


@given(st.lists(_TEXT))
def test_a_multi_string_reads_back_whole_with_its_empty_strings(strings: list[str]) -> None:
    assert decode(registry.REG_MULTI_SZ, encode(registry.REG_MULTI_SZ, strings)) == strings


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"])))
def test_a_string_reads_back_with_its_embedded_nuls(text: str) -> None:
    assert decode(registry.REG_SZ, encode(registry.REG_SZ, text)) == text


@pytest.mark.parametrize(
    ("raw", "strings"),
    [
        ("\0".encode("utf-16-le"), []),
        ("ab".encode("utf-16-le"), ["ab"]),  # no terminator: the text all the same
        ("ab\0".encode("utf-16-le"), ["ab"]),
        ("a\0\0b\0\0".encode("utf-16-le"), ["a", "", "b"]),
        # an odd size: the last byte is half a character, dropped (what winreg reads)
        (b"a\0b", ["a"]),
        (b"a\0b\0c", ["ab"]),
        (b"a\0\0\0\0\0b\0\0", ["a", "", "b"]),
        (b"x", []),
        ("ab\0cd\0\0".encode("utf-16-le") + b"z", ["ab", "cd"]),
    ],
)
def test_a_multi_string_is_read_from_any_bytes(raw: bytes, strings: list[str]) -> None:
    assert decode(registry.REG_MULTI_SZ, raw) == strings


def test_a_string_of_an_odd_size_drops_its_half_character() -> None:
    assert decode(registry.REG_SZ, b"a\0b") == "a"
    assert decode(registry.REG_EXPAND_SZ, b"a\0b\0c") == "ab"
    assert decode(registry.REG_SZ, b"x") == ""


def test_a_multi_string_of_no_bytes_is_its_bytes() -> None:
    # Windows' readers tell it from an empty list (winreg gives None): encode([]) has its NULs.
    assert decode(registry.REG_MULTI_SZ, b"") == b""
    assert decode(registry.REG_MULTI_SZ, encode(registry.REG_MULTI_SZ, [])) == []


def test_bytes_are_stored_as_they_are_for_any_type() -> None:
    for kind in (registry.REG_SZ, registry.REG_MULTI_SZ, registry.REG_DWORD, 99):
        assert encode(kind, b"\1\2\3") == b"\1\2\3"
    assert decode(registry.REG_DWORD, b"\1\2\3") == b"\1\2\3"  # not a DWORD's size
    assert decode(registry.REG_DWORD_BIG_ENDIAN, b"\0\0\0\5") == b"\0\0\0\5"
    with pytest.raises(TypeError, match="bytes-like object is required, not 'int'"):
        encode(registry.REG_DWORD_BIG_ENDIAN, 5)


def test_a_key_name_or_a_value_name_too_long_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("APARTMENT_USER_REGISTRY", str(tmp_path / "user-registry.sqlite3"))
    root = registry.key_of_handle(registry.HKEY_CURRENT_USER)
    key = registry.create_key(root, "Software\\" + "k" * MAX_KEY_NAME)[0]
    for call, argument in ((registry.create_key, "k" * 257), (registry.open_key, "k" * 257)):
        with pytest.raises(Win32Error) as caught:
            call(key, argument)
        assert caught.value.winerror == 87
    key.set_value("v" * MAX_VALUE_NAME, registry.REG_SZ, "x")
    with pytest.raises(Win32Error) as caught:
        key.set_value("v" * (MAX_VALUE_NAME + 1), registry.REG_SZ, "x")
    assert caught.value.winerror == 87
