"""Contract: the running object table, bind contexts and monikers (pythoncom's names).

GetRunningObjectTable, CreateBindCtx, CreateItemMoniker / CreateFileMoniker /
CreatePointerMoniker, MkParseDisplayName, RegisterActiveObject's "!{CLSID}" entry, and
win32com.client.GetObject. pywin32 hands S_OK / S_FALSE back as 0 / 1 (IsEqual, IsRunning).
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

import pytest
import pythoncom
import pywintypes
import win32com.client
import winerror
from win32com.server.util import wrap

from ._com import Echo, com_error_of
from ._wine import wine_differs

if TYPE_CHECKING:
    from pathlib import Path

MK_S_MONIKERALREADYREGISTERED = 262631
MK_E_NEEDGENERIC = -2147221022
MK_E_INVALIDEXTENSION = -2147221018
MK_E_CANTOPENFILE = -2147221014
CLSID_ITEM_MONIKER = "{00000304-0000-0000-C000-000000000046}"
CLSID_FILE_MONIKER = "{00000303-0000-0000-C000-000000000046}"
CLSID_DISPATCH = "00020400-0000-0000-C000-000000000046"


def new_name() -> str:
    return "{" + str(uuid.uuid4()).upper() + "}"


def echo(value: Any = None) -> Any:
    server = Echo()
    server.value = value
    return wrap(server)


def names(rot: Any, ctx: Any) -> list[str]:
    return [mk.GetDisplayName(ctx, None) for mk in rot]


# --- the table ----------------------------------------------------------------------------


def test_the_table_and_a_bind_context_have_pywin32s_types() -> None:
    rot = pythoncom.GetRunningObjectTable()
    ctx = pythoncom.CreateBindCtx(0)
    assert type(rot).__name__ == "PyIRunningObjectTable"
    assert type(ctx).__name__ == "PyIBindCtx"
    assert ctx.GetRunningObjectTable() == rot
    assert pythoncom.ROTFLAGS_REGISTRATIONKEEPSALIVE == 1
    assert pythoncom.ROTFLAGS_ALLOWANYCLIENT == 2
    assert (pythoncom.MKSYS_GENERICCOMPOSITE, pythoncom.MKSYS_FILEMONIKER) == (1, 2)
    assert (pythoncom.MKSYS_ITEMMONIKER, pythoncom.MKSYS_POINTERMONIKER) == (4, 5)
    assert winerror.MK_E_SYNTAX == -2147221020
    assert winerror.MK_E_CANTOPENFILE == MK_E_CANTOPENFILE


def test_a_registered_object_is_running_until_revoked() -> None:
    rot, ctx = pythoncom.GetRunningObjectTable(), pythoncom.CreateBindCtx()
    item = new_name()
    moniker = pythoncom.CreateItemMoniker("!", item)
    pointer = echo(7)
    cookie = rot.Register(0, pointer, moniker)
    try:
        assert isinstance(cookie, int)
        assert "!" + item in names(rot, ctx)
        assert rot.IsRunning(pythoncom.CreateItemMoniker("!", item.lower())) == 0  # S_OK
        found = rot.GetObject(moniker)
        assert type(found).__name__ == "PyIUnknown"
        assert found == pointer
        assert win32com.client.Dispatch(found.QueryInterface(pythoncom.IID_IDispatch)).value == 7
    finally:
        rot.Revoke(cookie)
    assert rot.IsRunning(moniker) == 1  # S_FALSE
    assert "!" + item not in names(rot, ctx)
    assert com_error_of(rot.GetObject, moniker).hresult == winerror.MK_E_UNAVAILABLE


def test_a_second_registration_stands_and_says_so() -> None:
    rot = pythoncom.GetRunningObjectTable()
    moniker = pythoncom.CreateItemMoniker("!", new_name())
    first = rot.Register(pythoncom.ROTFLAGS_REGISTRATIONKEEPSALIVE, echo(1), moniker)
    error = com_error_of(rot.Register, 0, echo(2), moniker)
    assert error.hresult == MK_S_MONIKERALREADYREGISTERED  # pywin32 loses the cookie
    found = rot.GetObject(moniker).QueryInterface(pythoncom.IID_IDispatch)
    assert win32com.client.Dispatch(found).value == 1  # the first one
    rot.Revoke(first)
    found = rot.GetObject(moniker).QueryInterface(pythoncom.IID_IDispatch)
    assert win32com.client.Dispatch(found).value == 2  # the second one still stands


def test_revoking_an_unknown_cookie_is_e_invalidarg() -> None:
    rot = pythoncom.GetRunningObjectTable()
    cookie = rot.Register(0, echo(), pythoncom.CreateItemMoniker("!", new_name()))
    rot.Revoke(cookie)
    for bad in (cookie, 0x7FFF1234):
        assert com_error_of(rot.Revoke, bad).hresult == winerror.E_INVALIDARG


def test_bad_registrations_fail_at_the_door() -> None:
    rot, ctx = pythoncom.GetRunningObjectTable(), pythoncom.CreateBindCtx()
    moniker = pythoncom.CreateItemMoniker("!", new_name())
    with pytest.raises(TypeError):
        rot.Register(0, None, moniker)
    with pytest.raises(TypeError):
        rot.IsRunning(None)
    with pytest.raises(TypeError):
        rot.GetObject(None)
    assert com_error_of(rot.Register, 0, echo(), ctx).hresult == winerror.E_NOINTERFACE


def test_enum_running_next_skip_reset_clone() -> None:
    rot, ctx = pythoncom.GetRunningObjectTable(), pythoncom.CreateBindCtx()
    cookies = [rot.Register(0, echo(), pythoncom.CreateItemMoniker("!", new_name())) for _ in "ab"]
    try:
        enum = rot.EnumRunning()
        assert type(enum).__name__ == "PyIEnumMoniker"
        everything = enum.Next(1000)
        assert len(everything) >= 2
        assert all(type(mk).__name__ == "PyIMoniker" for mk in everything)
        assert enum.Next() == ()
        assert enum.Skip(5) is None  # past the end: no error from pywin32
        enum.Reset()
        enum.Skip(1)
        clone = enum.Clone()
        rest = [mk.GetDisplayName(ctx, None) for mk in clone]
        assert rest == [mk.GetDisplayName(ctx, None) for mk in everything[1:]]
        assert len(enum.Next(1000)) == len(everything) - 1  # the clone has its own place
    finally:
        for cookie in cookies:
            rot.Revoke(cookie)


def test_register_active_object_is_a_bang_clsid_item_in_the_table() -> None:
    rot, ctx = pythoncom.GetRunningObjectTable(), pythoncom.CreateBindCtx()
    clsid = pywintypes.IID(new_name())
    pointer = echo()
    handle = pythoncom.RegisterActiveObject(pointer, clsid, pythoncom.ACTIVEOBJECT_STRONG)
    try:
        running = [mk for mk in rot if mk.GetDisplayName(ctx, None) == "!" + str(clsid)]
        assert len(running) == 1
        assert running[0].IsSystemMoniker() == pythoncom.MKSYS_ITEMMONIKER
        assert running[0].GetClassID() == pywintypes.IID(CLSID_ITEM_MONIKER)
        moniker = pythoncom.CreateItemMoniker("!", str(clsid).lower())
        assert rot.GetObject(moniker) == pointer
    finally:
        pythoncom.RevokeActiveObject(handle)
    # and what the table holds under "!{CLSID}" is the class's active object
    other = pywintypes.IID(new_name())
    cookie = rot.Register(0, pointer, pythoncom.CreateItemMoniker("!", str(other)))
    try:
        assert pythoncom.GetActiveObject(other) == pointer
        assert win32com.client.GetActiveObject(str(other)).value is None
        assert win32com.client.GetObject(Class=str(other)).Echo(5) == 5
    finally:
        rot.Revoke(cookie)
    assert com_error_of(pythoncom.GetActiveObject, other).hresult == winerror.MK_E_UNAVAILABLE


def test_iterating_the_table_as_pywin32s_test_rot_does() -> None:
    ctx, rot = pythoncom.CreateBindCtx(), pythoncom.GetRunningObjectTable()
    cookie = rot.Register(0, echo(), pythoncom.CreateItemMoniker("!", new_name()))
    refusals = set()
    try:
        for mk in rot:
            assert isinstance(mk.GetDisplayName(ctx, None), str)
            try:
                list(mk)
            except pythoncom.com_error as exc:
                refusals.add(exc.hresult)
    finally:
        rot.Revoke(cookie)
    assert refusals <= {winerror.E_NOTIMPL}


# --- bind contexts -----------------------------------------------------------------------


def test_a_bind_context_keeps_object_parameters() -> None:
    ctx = pythoncom.CreateBindCtx()
    pointer = echo()
    assert ctx.RegisterObjectParam("key", pointer) is None
    found = ctx.GetObjectParam("key")
    assert type(found).__name__ == "PyIUnknown"
    assert found == pointer
    ctx.RevokeObjectParam("key")
    assert com_error_of(ctx.GetObjectParam, "key").hresult == winerror.E_FAIL
    assert com_error_of(ctx.RevokeObjectParam, "key").hresult == winerror.E_FAIL
    with pytest.raises(TypeError):
        ctx.RegisterObjectParam(1, pointer)
    with pytest.raises(TypeError):
        ctx.RegisterObjectParam("key", None)


def test_create_bind_ctx_takes_only_zero() -> None:
    assert com_error_of(pythoncom.CreateBindCtx, 1).hresult == winerror.E_INVALIDARG


# --- monikers ----------------------------------------------------------------------------


def test_an_item_moniker() -> None:
    ctx = pythoncom.CreateBindCtx()
    mk = pythoncom.CreateItemMoniker("!", "foo")
    assert type(mk).__name__ == "PyIMoniker"
    assert mk.GetDisplayName(ctx, None) == "!foo"
    assert mk.IsSystemMoniker() == pythoncom.MKSYS_ITEMMONIKER
    assert mk.IsEqual(pythoncom.CreateItemMoniker("!", "FOO")) == 0  # without regard to case
    assert mk.Hash() == pythoncom.CreateItemMoniker("!", "FOO").Hash()
    assert mk.IsEqual(pythoncom.CreateItemMoniker("!", "bar")) == 1
    assert mk.Enum(True) is None
    assert list(mk) == []  # a simple moniker has no parts
    error = com_error_of(mk.BindToObject, ctx, None, pythoncom.IID_IUnknown)
    assert error.hresult == winerror.E_INVALIDARG  # an item needs something on its left
    with pytest.raises(TypeError):
        mk.GetDisplayName(None, None)
    with pytest.raises(TypeError):
        pythoncom.CreateItemMoniker(1, "foo")
    with pytest.raises(TypeError):
        pythoncom.CreateItemMoniker("!", None)


def test_a_file_moniker_binds_to_what_the_table_holds(tmp_path: Path) -> None:
    ctx, rot = pythoncom.CreateBindCtx(), pythoncom.GetRunningObjectTable()
    path = tmp_path / "document.zzqq"
    path.write_text("x")
    mk = pythoncom.CreateFileMoniker(str(path))
    assert mk.GetDisplayName(ctx, None) == str(path)
    assert mk.IsSystemMoniker() == pythoncom.MKSYS_FILEMONIKER
    assert mk.GetClassID() == pywintypes.IID(CLSID_FILE_MONIKER)
    assert list(mk) == []
    error = com_error_of(mk.BindToObject, ctx, None, pythoncom.IID_IDispatch)
    assert error.hresult == MK_E_INVALIDEXTENSION  # no class for files like it
    pointer = echo(3)
    cookie = rot.Register(0, pointer, mk)
    try:
        found = mk.BindToObject(ctx, None, pythoncom.IID_IDispatch)
        assert type(found).__name__ == "PyIDispatch"
        assert win32com.client.Dispatch(found).value == 3
        assert win32com.client.GetObject(str(path)).Echo(4) == 4
    finally:
        rot.Revoke(cookie)


def test_a_composite_moniker(tmp_path: Path) -> None:
    ctx = pythoncom.CreateBindCtx()
    left = pythoncom.CreateFileMoniker(str(tmp_path / "book.zzqq"))
    item = pythoncom.CreateItemMoniker("!", "Sheet1")
    composite = left.ComposeWith(item, False)
    assert composite.GetDisplayName(ctx, None) == str(tmp_path / "book.zzqq") + "!Sheet1"
    assert composite.IsSystemMoniker() == pythoncom.MKSYS_GENERICCOMPOSITE
    parts = [mk.GetDisplayName(ctx, None) for mk in composite]
    assert parts == [str(tmp_path / "book.zzqq"), "!Sheet1"]
    backwards = composite.Enum(False)
    assert [mk.GetDisplayName(ctx, None) for mk in backwards] == parts[::-1]
    assert composite.IsEqual(left.ComposeWith(item, False)) == 0
    assert composite.IsEqual(left) == 1
    error = com_error_of(item.ComposeWith, pythoncom.CreateItemMoniker("!", "A1"), True)
    assert error.hresult == MK_E_NEEDGENERIC


def test_a_pointer_moniker() -> None:
    ctx = pythoncom.CreateBindCtx()
    pointer = echo()
    mk = pythoncom.CreatePointerMoniker(pointer)
    assert mk.IsSystemMoniker() == pythoncom.MKSYS_POINTERMONIKER
    found = mk.BindToObject(ctx, None, pythoncom.IID_IDispatch)
    assert type(found).__name__ == "PyIDispatch"
    assert found == pointer
    error = com_error_of(mk.BindToObject, ctx, None, pythoncom.IID_IStream)
    assert error.hresult == winerror.E_NOINTERFACE
    assert com_error_of(mk.GetDisplayName, ctx, None).hresult == winerror.E_NOTIMPL
    assert com_error_of(list, mk).hresult == winerror.E_NOTIMPL  # testROT accepts this
    with pytest.raises(TypeError):
        pythoncom.CreatePointerMoniker(None)


# --- MkParseDisplayName ------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [f"clsid:{CLSID_DISPATCH}:", f"clsid:{{{CLSID_DISPATCH}}}:", f"clsid:{CLSID_DISPATCH}"],
)
def test_parsing_a_class_name_takes_it_all(name: str) -> None:
    mk, eaten, ctx = pythoncom.MkParseDisplayName(name)
    assert eaten == len(name)
    assert type(ctx).__name__ == "PyIBindCtx"
    assert mk.IsSystemMoniker() == pythoncom.MKSYS_CLASSMONIKER
    assert mk.GetDisplayName(ctx, None).lower() == f"clsid:{CLSID_DISPATCH}:".lower()


def test_parsing_keeps_the_bind_context_given() -> None:
    ctx = pythoncom.CreateBindCtx()
    _, _, same = pythoncom.MkParseDisplayName(f"clsid:{CLSID_DISPATCH}:", ctx)
    assert same == ctx


def test_parsing_a_file_name(tmp_path: Path) -> None:
    path = tmp_path / "there.zzqq"
    path.write_text("x")
    mk, eaten, ctx = pythoncom.MkParseDisplayName(str(path))
    assert eaten == len(str(path))
    assert mk.IsSystemMoniker() == pythoncom.MKSYS_FILEMONIKER
    assert mk.GetDisplayName(ctx, None) == str(path)


@wine_differs("Wine's MkParseDisplayName reads no items after a file (E_NOTIMPL)")
def test_parsing_a_file_name_with_items(tmp_path: Path) -> None:
    path = tmp_path / "there.zzqq"
    path.write_text("x")
    name = f"{path}!Sheet1!A1"
    mk, eaten, ctx = pythoncom.MkParseDisplayName(name)
    assert eaten == len(name)
    assert mk.IsSystemMoniker() == pythoncom.MKSYS_GENERICCOMPOSITE
    assert [part.GetDisplayName(ctx, None) for part in mk] == [str(path), "!Sheet1", "!A1"]


def test_parsing_bad_names() -> None:
    assert com_error_of(pythoncom.MkParseDisplayName, "").hresult == winerror.E_INVALIDARG
    for name in ("nonsense:whatever", "!foo"):
        assert com_error_of(pythoncom.MkParseDisplayName, name).hresult == MK_E_CANTOPENFILE
    with pytest.raises(TypeError):
        pythoncom.MkParseDisplayName(1)


def test_get_object_needs_one_of_pathname_and_class() -> None:
    with pytest.raises(ValueError, match="Pathname or Class"):
        win32com.client.GetObject()
    with pytest.raises(ValueError, match="Pathname or Class"):
        win32com.client.GetObject("x", "y")
