"""CoCreateInstance in full: the global interface table's CLSID, aggregation, the IID (§9.6)."""

from __future__ import annotations

import pytest

from apartment import com
from apartment.errors import (
    CLASS_E_NOAGGREGATION,
    ClassNotRegisteredError,
    ClassStringError,
    ComError,
    NoInterfaceError,
)

from ._helpers import in_apartment


class Pointer(com.DispatchPointer):
    """A subclass standing in for the facade's PyIDispatch."""

    __slots__ = ()


class Server:
    _public_methods_ = ["Twice"]

    def Twice(self, value: int) -> int:  # noqa: N802
        return 2 * value


def test_the_global_interface_tables_clsid_gives_the_processs_table() -> None:
    name = com.CLSID_STD_GLOBAL_INTERFACE_TABLE.lower()
    assert in_apartment(lambda: com.create_interface(name)) is com.global_table()


def test_no_class_can_be_aggregated() -> None:
    with pytest.raises(ComError) as caught:
        com.create_interface(com.CLSID_STD_GLOBAL_INTERFACE_TABLE, outer=object())
    assert caught.value.hresult == CLASS_E_NOAGGREGATION


@pytest.mark.parametrize(
    ("name", "error"),
    [
        ("{12345678-1234-1234-1234-123456789ABC}", ClassNotRegisteredError),
        ("No.Such.ProgId", ClassStringError),
    ],
)
def test_with_an_outer_object_the_class_is_looked_up_first(name: str, error: type) -> None:
    # As CoCreateInstance does (CoGetClassObject first): the oracle gives REGDB_E_CLASSNOTREG.
    def body() -> None:
        with pytest.raises(error):
            com.create_interface(name, outer=object())

    in_apartment(body)


def test_a_pointer_takes_another_face_and_keeps_its_object() -> None:
    def body() -> tuple[object, ...]:
        pointer = com.wrap(Server())
        faced = Pointer.of(pointer)
        with pytest.raises(NoInterfaceError):
            pointer.query_interface("{00000000-1111-2222-3333-444444444444}")
        return (
            type(faced),
            faced == pointer,
            Pointer.of(faced) is faced,
            faced.invoke("Twice", com.DISPATCH_METHOD, 21),
        )

    assert in_apartment(body) == (Pointer, True, True, 42)


def test_a_client_passes_clients_as_their_pointers_and_returns_its_own_class() -> None:
    class Client(com.DispatchClient):
        pass

    class Holder:
        _public_methods_ = ["Echo"]

        def Echo(self, other: object) -> object:  # noqa: N802
            return other

    def body() -> tuple[object, ...]:
        pointer = com.wrap(Holder())
        client = Client(pointer, "Holder")
        echoed = client.Echo(client)
        return client._pointer is pointer, client._name, type(echoed), echoed == client

    assert in_apartment(body) == (True, "Holder", Client, True)
