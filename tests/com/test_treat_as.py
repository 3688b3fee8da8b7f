r"""CoTreatAsClass: ``CLSID\{old}\TreatAs`` makes activation of the old class create the new one.

What the real pywin32 (over Wine's ole32) does is pinned by tests/contract/test_probe_rules_s26.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from apartment import com, registry
from apartment.errors import ClassNotRegisteredError, ClassStringError, ComError

from ._helpers import in_apartment

if TYPE_CHECKING:
    from pathlib import Path

REGDB_E_WRITEREGDB = -2147221167


class Old:
    """The class being emulated."""

    _reg_clsid_ = "{5A0C1D2E-26A1-4B11-9C01-0000000000A1}"
    _reg_progid_ = "Apartment.TreatAsOld"
    _public_methods_ = ["name"]

    def name(self) -> str:
        return "old"


class New:
    """The class that stands in for Old."""

    _reg_clsid_ = "{5A0C1D2E-26A1-4B11-9C01-0000000000A2}"
    _reg_progid_ = "Apartment.TreatAsNew"
    _public_methods_ = ["name"]

    def name(self) -> str:
        return "new"


@pytest.fixture
def both(class_registry: Path) -> None:
    com.register_class(Old)
    com.register_class(New)


def _made(name: str) -> str:
    return str(in_apartment(lambda: com.DispatchClient(com.create_object(name)).name()))


def test_old_class_creates_the_new_one_by_clsid_and_by_progid(both: None) -> None:
    assert _made(Old._reg_clsid_) == "old"
    com.treat_as_class(Old._reg_clsid_, New._reg_clsid_)
    assert com.get_treat_as_class(Old._reg_clsid_) == New._reg_clsid_
    assert _made(Old._reg_clsid_) == "new"
    assert _made(Old._reg_progid_) == "new"
    assert _made(New._reg_clsid_) == "new"


def test_the_emulation_is_hkcr_clsid_treatas(both: None) -> None:
    com.treat_as_class(Old._reg_clsid_.lower(), New._reg_clsid_)
    root = registry.key_of_handle(registry.HKEY_CLASSES_ROOT)
    key = registry.open_key(root, f"CLSID\\{Old._reg_clsid_}\\TreatAs")
    try:
        assert key.query_value(None) == (New._reg_clsid_, registry.REG_SZ)
    finally:
        key.close()


@pytest.mark.parametrize("undo", [None, "{00000000-0000-0000-0000-000000000000}", "old"])
def test_none_null_or_itself_removes_it(both: None, undo: str | None) -> None:
    com.treat_as_class(Old._reg_clsid_, New._reg_clsid_)
    com.treat_as_class(Old._reg_clsid_, Old._reg_clsid_ if undo == "old" else undo)
    assert com.get_treat_as_class(Old._reg_clsid_) is None
    assert _made(Old._reg_clsid_) == "old"


def test_removing_an_emulation_that_is_not_there(both: None) -> None:
    com.treat_as_class(Old._reg_clsid_, None)  # CLSID_NULL: nothing to do, no error
    with pytest.raises(ComError) as raised:  # the class itself: Wine reports the delete
        com.treat_as_class(Old._reg_clsid_, Old._reg_clsid_)
    assert raised.value.hresult == REGDB_E_WRITEREGDB


def test_undo_goes_back_to_auto_treat_as(both: None) -> None:
    root = registry.key_of_handle(registry.HKEY_CLASSES_ROOT)
    key = registry.open_key(root, f"CLSID\\{Old._reg_clsid_}")
    try:
        key.set_value("AutoTreatAs", registry.REG_SZ, New._reg_clsid_)
    finally:
        key.close()
    com.treat_as_class(Old._reg_clsid_, None)
    assert com.get_treat_as_class(Old._reg_clsid_) == New._reg_clsid_


def test_an_unregistered_old_class_is_refused(class_registry: Path) -> None:
    with pytest.raises(ClassNotRegisteredError):
        com.treat_as_class("{5A0C1D2E-26A1-4B11-9C01-0000000000FF}", New._reg_clsid_)
    assert com.get_treat_as_class("{5A0C1D2E-26A1-4B11-9C01-0000000000FF}") is None
    with pytest.raises(ClassStringError):
        com.treat_as_class("not a clsid", None)


def test_a_user_registry_sqlite_cannot_read_does_not_stop_activation(
    both: None, class_registry: Path
) -> None:
    user = class_registry.with_name("user-registry.sqlite3")
    user.write_bytes(b"not a database" * 100)
    assert com.get_treat_as_class(Old._reg_clsid_) is None
    assert _made(Old._reg_clsid_) == "old"
