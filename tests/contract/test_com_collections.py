"""Contract: collections and enumerators, server side (win32com.server.util) and client side.

pywin32's testCollections.py and testIterators.py: IEnumVARIANT's Next/Skip/Reset/Clone,
``for item in client``, ``client[i]``, ``client(i)``, ``len(client)``, and their errors.
"""

from __future__ import annotations

from typing import Any

import pytest
import pythoncom
import win32com.client
import win32com.server.util
import winerror
from win32com.server.util import Collection, NewCollection, NewEnum, wrap

from ._com import Echo, com_error_of


def test_new_enum_gives_a_pyienumvariant() -> None:
    items = NewEnum([1, "Two", 3])
    assert type(items).__name__ == "PyIEnumVARIANT"
    assert items.Next(2) == (1, "Two")
    assert items.Next(5) == (3,)
    assert items.Next(1) == ()
    assert items.Next() == ()


def test_skip_reset_and_clone() -> None:
    items = NewEnum([1, 2, 3])
    assert items.Skip(1) is None
    clone = items.Clone()
    assert type(clone).__name__ == "PyIEnumVARIANT"
    assert clone.Next(5) == (2, 3)
    assert items.Next(1) == (2,)  # the clone moved on its own
    assert items.Skip(9) is None
    assert items.Next(1) == ()
    assert items.Reset() is None
    assert items.Next(1) == (1,)


def test_iterating_an_enumerator_calls_next_from_where_it_is() -> None:
    items = NewEnum([1, "Two", 3])
    assert list(items) == [1, "Two", 3]
    assert list(items) == []  # not reset
    items.Reset()
    assert list(iter(items)) == [1, "Two", 3]
    with pytest.raises(TypeError):
        len(items)
    with pytest.raises(AttributeError):
        items.next  # noqa: B018


def test_enumerated_values_are_variants() -> None:
    inner = wrap(Echo())
    items = NewEnum([[1, 2], b"xy", inner])
    first, second, third = items.Next(3)
    assert first == (1, 2)
    assert isinstance(second, memoryview)
    assert type(third).__name__ == "PyIDispatch"


def test_new_enum_can_give_another_interface() -> None:
    assert type(NewEnum([1], iid=pythoncom.IID_IUnknown)).__name__ == "PyIUnknown"


def test_a_dispatch_object_is_not_iterable_itself() -> None:
    pointer = wrap(Echo())
    with pytest.raises(TypeError):
        iter(pointer)
    client = win32com.client.Dispatch(pointer)
    with pytest.raises(TypeError):
        next(iter(client))
    with pytest.raises(TypeError, match="enumeration"):
        client[0]
    with pytest.raises(TypeError, match="Count"):
        len(client)
    with pytest.raises(AttributeError):
        client.next  # noqa: B018


def collection(*items: Any) -> Any:
    return win32com.client.Dispatch(wrap(Collection(list(items))))


def test_a_collection_is_indexed_called_counted_and_walked() -> None:
    client = collection(1, "Two", 3)
    assert [client(i) for i in range(3)] == [1, "Two", 3]
    assert [client.Item(i) for i in range(3)] == [1, "Two", 3]
    assert [client[i] for i in range(3)] == [1, "Two", 3]
    assert list(client) == [1, "Two", 3]
    assert len(client) == client.Count() == 3


def test_a_collection_changes_under_its_enumerator() -> None:
    client = collection(1, "Two", 3)
    assert client[0] == 1
    client.Remove(1)
    client.Add("New")
    client.Insert(0, -1)
    assert list(client) == [-1, 1, 3, "New"]
    assert client[3] == "New"


def test_a_collection_of_collections_gives_clients() -> None:
    sub = wrap(Collection(["Sub1", 2]))
    client = collection(1, sub)
    assert type(client[1]).__name__ == "CDispatch"
    assert list(client[1]) == ["Sub1", 2]
    assert list(client(1)) == ["Sub1", 2]


def test_collection_errors() -> None:
    client = collection(1, 2)
    assert com_error_of(client).hresult == winerror.DISP_E_BADPARAMCOUNT
    assert com_error_of(client.Insert, "foo", 2).hresult == winerror.DISP_E_TYPEMISMATCH
    assert com_error_of(client.Remove, 2).hresult == winerror.DISP_E_BADINDEX
    assert com_error_of(client, 5).hresult == winerror.DISP_E_BADINDEX
    for index in (5, -1):
        with pytest.raises(IndexError):
            client[index]
    assert str(client) == repr(client)  # its default member needs an argument


def test_an_empty_collection() -> None:
    client = collection()
    assert list(client) == []
    assert len(client) == 0
    for index in (0, 1):
        with pytest.raises(IndexError):
            client[index]
    assert com_error_of(client, 0).hresult == winerror.DISP_E_BADINDEX


def test_a_read_only_collection_has_no_add() -> None:
    client = win32com.client.Dispatch(wrap(Collection([1], readOnly=1)))
    assert client.Count() == 1
    with pytest.raises(AttributeError):
        client.Add  # noqa: B018


def test_new_collection_gives_a_pyidispatch() -> None:
    pointer = NewCollection([1, 2, [3, 4]])
    assert type(pointer).__name__ == "PyIDispatch"
    client = win32com.client.Dispatch(pointer)
    assert list(client) == [1, 2, (3, 4)]
    assert client.Item(2) == (3, 4)


class Holder:
    _public_methods_ = ["GetCollection"]

    def GetCollection(self) -> Any:  # noqa: N802
        return win32com.server.util.NewCollection([1, "Two", 3])


def test_an_enumerator_from_a_returned_collection() -> None:
    client = win32com.client.Dispatch(wrap(Holder()))
    got = client.GetCollection()
    flags = pythoncom.DISPATCH_METHOD | pythoncom.DISPATCH_PROPERTYGET
    unknown = got._oleobj_.Invoke(pythoncom.DISPID_NEWENUM, 0, flags, 1)
    assert type(unknown).__name__ == "PyIUnknown"
    items = unknown.QueryInterface(pythoncom.IID_IEnumVARIANT)
    assert list(items) == [1, "Two", 3]
