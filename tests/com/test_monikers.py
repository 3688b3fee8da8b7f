"""Monikers in the core: the rules the contract tests cannot pin on the oracle.

MkParseDisplayName's syntax errors and ``!item`` parts, a ProgID's IParseDisplayName, item
monikers binding through a Python IOleItemContainer, composites.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from apartment import com
from apartment.errors import (
    E_INVALIDARG,
    MK_E_CANTOPENFILE,
    MK_E_NOOBJECT,
    MK_E_SYNTAX,
    REGDB_E_CLASSNOTREG,
    ComError,
)

from ._helpers import in_apartment

if TYPE_CHECKING:
    from pathlib import Path

CLSID_DISPATCH = "00020400-0000-0000-C000-000000000046"


class Sheet:
    """An item a container holds."""

    _public_methods_ = ["Name"]

    def __init__(self, name: str) -> None:
        self.name = name

    def Name(self) -> str:  # noqa: N802 - COM names
        return self.name


class Book:
    """An IOleItemContainer: what a file!item moniker binds through."""

    _public_methods_ = ["GetObject"]
    _com_interfaces_ = [com.IID_IOLEITEMCONTAINER]

    def GetObject(self, item: str, speed: int, ctx: Any, iid: Any) -> Any:  # noqa: N802
        if item != "Sheet1":
            raise com.COMException(f"no {item}", scode=MK_E_NOOBJECT)
        return com.wrap(Sheet(item))


class Parser:
    """A class whose display names are "MonikerTest.Parser:<item>": it reads them itself."""

    _reg_clsid_ = "{9E1B5C2A-0F3D-4B7E-8C11-6A2D4E5F7001}"
    _reg_progid_ = "MonikerTest.Parser"
    _reg_clsctx_ = com.CLSCTX_INPROC_SERVER
    _public_methods_ = ["ParseDisplayName"]
    _com_interfaces_ = [com.IID_IPARSEDISPLAYNAME]

    def ParseDisplayName(self, ctx: Any, name: str) -> Any:  # noqa: N802
        return com.item_moniker("!", name.split(":", 1)[1]), len(name)


@pytest.mark.parametrize(
    "name", ["clsid:zzz", "clsid:{nope}:", f"clsid:{CLSID_DISPATCH}:junk", "clsid:"]
)
def test_a_malformed_class_name_is_mk_e_syntax(name: str) -> None:
    with pytest.raises(ComError) as caught:
        com.parse_display_name(name)
    assert caught.value.hresult == MK_E_SYNTAX


def test_items_after_a_class_name_make_a_composite() -> None:
    name = f"clsid:{CLSID_DISPATCH}:!a!b"
    moniker, eaten, _ = com.parse_display_name(name)
    assert eaten == len(name)
    assert moniker.system_kind() == com.MKSYS_GENERICCOMPOSITE
    assert [part.display_name() for part in moniker] == [f"clsid:{CLSID_DISPATCH}:", "!a", "!b"]
    with pytest.raises(ComError) as caught:
        moniker.bind_to_object(None, None, com.IID_IDISPATCH)
    # the class moniker on the left: IDispatch's IID names no registered class
    assert caught.value.hresult == REGDB_E_CLASSNOTREG


def test_a_name_that_starts_with_no_file_is_mk_e_cantopenfile(tmp_path: Path) -> None:
    for name in (str(tmp_path / "absent"), f"{tmp_path / 'absent'}!item", "!item"):
        with pytest.raises(ComError) as caught:
            com.parse_display_name(name)
        assert caught.value.hresult == MK_E_CANTOPENFILE


def test_a_progid_reads_its_own_names(class_registry: Path) -> None:
    com.register_class(Parser)

    def parse() -> tuple[str, int]:
        moniker, eaten, _ = com.parse_display_name("MonikerTest.Parser:Sheet1")
        return moniker.display_name(), eaten

    assert in_apartment(parse) == ("!Sheet1", len("MonikerTest.Parser:Sheet1"))


def test_an_item_binds_through_its_lefts_item_container(tmp_path: Path) -> None:
    path = str(tmp_path / "book.zzqq")
    table = com.running_object_table().pointer()

    def bind() -> tuple[str, int]:
        registration = table.register(com.wrap(Book()), com.file_moniker(path), 1)
        try:
            moniker, _, ctx = com.parse_display_name(f"{path}!Sheet1")
            sheet = com.DispatchClient(moniker.bind_to_object(ctx, None, com.IID_IDISPATCH))  # type: ignore[arg-type]
            missing = com.file_moniker(path).compose_with(com.item_moniker("!", "Sheet9"))
            with pytest.raises(ComError) as caught:
                missing.bind_to_object(ctx, None, com.IID_IDISPATCH)
            return sheet.Name(), caught.value.hresult
        finally:
            table.revoke(registration.handle)

    assert in_apartment(bind) == ("Sheet1", MK_E_NOOBJECT)


def test_a_composite_registered_whole_binds_from_the_table() -> None:
    table = com.running_object_table().pointer()
    composite = com.item_moniker("!", "outer").compose_with(com.item_moniker("!", "inner"))

    def bind() -> object:
        registration = table.register(com.wrap(Sheet("whole")), composite, 1)
        try:
            found = composite.bind_to_object(None, None, com.IID_IDISPATCH)
            return com.DispatchClient(found).Name()  # type: ignore[arg-type]
        finally:
            table.revoke(registration.handle)

    assert in_apartment(bind) == "whole"
    with pytest.raises(ComError) as caught:  # not registered: the inner item needs a container
        composite.bind_to_object(None, None, com.IID_IDISPATCH)
    assert caught.value.hresult == E_INVALIDARG


def test_composites_flatten_and_compare_by_their_parts() -> None:
    a, b, c = (com.item_moniker("!", name) for name in "abc")
    left = a.compose_with(b).compose_with(c)
    right = a.compose_with(b.compose_with(c))
    assert [part.display_name() for part in right] == ["!a", "!b", "!c"]
    assert left.is_equal(right)
    assert left.hash_value() == right.hash_value()
    with pytest.raises(ValueError, match="at least one part"):
        com.composite_moniker([])


def test_bad_arguments_fail_at_the_door() -> None:
    with pytest.raises(TypeError):
        com.item_moniker("!", 3)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        com.file_moniker(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        com.pointer_moniker("not a pointer")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        com.parse_display_name(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(ComError) as caught:
        com.create_bind_ctx(1)
    assert caught.value.hresult == E_INVALIDARG
