"""Small core names: com.NOTHING, com.progid_from_clsid, kernel.is_text_unicode."""

from __future__ import annotations

import copy
import pickle
import uuid
from typing import TYPE_CHECKING

import pytest

from apartment import com, kernel
from apartment.com._variant import to_variant
from apartment.errors import ClassNotRegisteredError, ClassStringError, ComError, describe

if TYPE_CHECKING:
    from pathlib import Path

CO_E_CLASSSTRING = -2147221005
REGDB_E_CLASSNOTREG = -2147221164


@pytest.fixture(autouse=True)
def registry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "registry.sqlite3"
    monkeypatch.setenv("APARTMENT_REGISTRY", str(path))
    return path


def test_nothing_is_a_singleton_sent_as_none() -> None:
    assert copy.copy(com.NOTHING) is com.NOTHING
    assert pickle.loads(pickle.dumps(com.NOTHING)) is com.NOTHING
    assert to_variant(com.NOTHING) is None
    assert to_variant((1, com.NOTHING)) == (1, None)


def _clsid() -> str:
    return "{" + str(uuid.uuid4()).upper() + "}"


def test_progid_from_clsid_prefers_the_version_dependent_progid() -> None:
    clsid = _clsid()
    com.register(
        com.ClassEntry(
            clsid=clsid, class_spec="m.C", progid="Small.Names", verprogid="Small.Names.2"
        )
    )
    assert com.progid_from_clsid(clsid) == "Small.Names.2"
    assert com.progid_from_clsid(clsid.lower()) == "Small.Names.2"
    assert com.progid_from_clsid("Small.Names") == "Small.Names.2"  # CLSIDFromString reads both


def test_progid_from_clsid_of_a_class_without_progid_is_not_registered() -> None:
    clsid = _clsid()
    com.register(com.ClassEntry(clsid=clsid, class_spec="m.C"))
    with pytest.raises(ClassNotRegisteredError) as caught:
        com.progid_from_clsid(clsid)
    assert caught.value.hresult == REGDB_E_CLASSNOTREG


def test_progid_from_clsid_errors() -> None:
    with pytest.raises(ClassNotRegisteredError) as unknown:
        com.progid_from_clsid(_clsid())
    assert unknown.value.hresult == REGDB_E_CLASSNOTREG
    with pytest.raises(ClassStringError) as malformed:
        com.progid_from_clsid("{not a guid}")
    assert malformed.value.hresult == CO_E_CLASSSTRING


@pytest.mark.parametrize(
    ("data", "tests", "expected"),
    [
        (b"h\x00i\x00", 0xFFFF, (True, 0x1002)),
        (b"h\x00i\x00\x00", 0xFFFF, (False, 0x1202)),  # odd: never Unicode
        (b"\xfe\xff", 0, (False, 0x80)),  # marks are looked for whatever the tests
        (b"\xff\xfe", 0, (True, 0x8)),
        (b"\x00\x0d\x41\x41", 0x40, (False, 0x40)),  # byte-swapped CR
        (b"\x41\x41" * 300 + b"\x00\x01", 0x1000, (False, 0)),  # NUL past 256 chars unseen
        (b"\x41\x41" * 300, 0x2, (False, 0)),  # U+4141: not statistically Unicode
        (memoryview(b"x"), 0xFFFF, (False, 0)),
    ],
)
def test_is_text_unicode(data: bytes, tests: int, expected: tuple[bool, int]) -> None:
    assert kernel.is_text_unicode(data, tests) == expected


def test_an_unknown_type_library_is_not_registered() -> None:
    with pytest.raises(ComError) as caught:
        com.find_type_library("{6C1B3F0A-5C1E-4E55-9B8F-19A19C0C0E20}", 2, 0, 0)
    assert caught.value.hresult == -2147319779  # TYPE_E_LIBNOTREGISTERED
    assert "only the system classes' libraries are" in describe(caught.value)
    with pytest.raises(TypeError):
        com.find_type_library("{00020430-0000-0000-C000-000000000046}", "2", 0, 0)  # type: ignore[arg-type]
    with pytest.raises(ClassStringError):
        com.find_type_library("nope", 2, 0, 0)
