"""Handing objects between apartments: marshal streams, the global interface table, tokens.

* A :class:`MarshalStream` (CoMarshalInterThreadInterfaceInStream) carries one object to one
  other apartment, once: a second unmarshal of the same stream fails.
* The :class:`GlobalInterfaceTable` keeps an object under a cookie; any apartment gets it from
  there any number of times, until the cookie is revoked.
* A :class:`Token` (``apartment.marshal(obj)``) is the Pythonic form of a table entry: any
  thread unmarshals it into what is valid in its own apartment.

Unmarshaling in the object's own apartment gives the object itself; elsewhere, the one proxy
that apartment holds to it.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any, final

from ..errors import InvalidArgumentError, ObjectNotConnectedError, StreamReadError
from ..kernel.lowlevel import KERNEL_LOCK
from ._apartment import Apartment, current_apartment
from ._proxy import Proxy, Stub, marshal_value, proxy_in, stub_for

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "CLSID_STD_GLOBAL_INTERFACE_TABLE",
    "MarshalStream",
    "GlobalInterfaceTable",
    "Token",
    "marshal",
    "global_table",
]

CLSID_STD_GLOBAL_INTERFACE_TABLE = "{00000323-0000-0000-C000-000000000046}"
"""The CLSID CoCreateInstance takes for the process's global interface table."""


def _export(value: object) -> tuple[Stub, Callable[[Stub, Apartment], Any]]:
    """Return the stub that carries ``value`` and how to rebuild it in another apartment."""
    source = current_apartment()
    rebuild = getattr(value, "__apartment_marshal__", None)
    if rebuild is not None:
        # An interface pointer: carry the pointer itself and let it re-home itself.
        return stub_for(value, source), _rebuild_pointer
    if isinstance(value, Proxy):
        return value._stub, _plain
    return stub_for(value, source), _plain


def _plain(stub: Stub, dest: Apartment) -> Any:  # noqa: ANN401
    """The object in its own apartment, the apartment's one proxy to it anywhere else."""
    return stub.target() if stub.home is dest else proxy_in(dest, stub)


def _rebuild_pointer(stub: Stub, dest: Apartment) -> Any:  # noqa: ANN401
    """The carried interface pointer, re-homed for ``dest``.

    Raises:
        DisconnectedError: the apartment that marshaled it has ended.
    """
    return marshal_value(stub.target(), stub.home, dest)


def _unmarshal(stub: Stub, rebuild: Callable[[Stub, Apartment], Any]) -> Any:  # noqa: ANN401
    return rebuild(stub, current_apartment())


@final
class MarshalStream:
    """Marshal data for one object, to be unmarshaled once in one other apartment.

    pywin32's PyIStream of CoMarshalInterThreadInterfaceInStream. A second unmarshal fails:
    STG_E_READFAULT (the data was read already), or CO_E_OBJNOTCONNECTED after a rewind.
    Its state changes under the kernel lock: a lock of its own would have to be held across
    every fork.
    """

    __slots__ = ("_rebuild", "_rewound", "_stub")

    def __init__(self, value: object) -> None:
        self._stub: Stub | None
        self._stub, self._rebuild = _export(value)
        self._rewound = False

    def __repr__(self) -> str:
        state = "consumed" if self._stub is None else "ready"
        return f"<PyIStream of marshal data ({state})>"

    def unmarshal(self) -> Any:  # noqa: ANN401
        """Unmarshal and release the data (CoGetInterfaceAndReleaseStream)."""
        with KERNEL_LOCK:
            stub, self._stub = self._stub, None
            rewound = self._rewound
        if stub is None:
            if rewound:
                raise ObjectNotConnectedError("this marshal data was unmarshaled already")
            raise StreamReadError(
                "this stream was unmarshaled already; marshal the object again for another "
                "apartment (or use the global interface table)"
            )
        return _unmarshal(stub, self._rebuild)

    def rewind(self) -> None:
        """Seek back to the start (a second unmarshal then fails with CO_E_OBJNOTCONNECTED)."""
        with KERNEL_LOCK:
            self._rewound = True

    def release(self) -> None:
        """Release the marshal data without unmarshaling it (CoReleaseMarshalData)."""
        with KERNEL_LOCK:
            self._stub = None


_cookies = itertools.count(0x100)


@final
class GlobalInterfaceTable:
    """Objects kept under cookies, to be fetched from any apartment any number of times."""

    def __init__(self) -> None:
        self._entries: dict[int, tuple[Stub, Callable[[Stub, Apartment], Any]]] = {}

    def register(self, value: object) -> int:
        """Keep ``value`` (valid in the caller's apartment) and return its cookie."""
        entry = _export(value)
        with KERNEL_LOCK:
            cookie = next(_cookies)
            self._entries[cookie] = entry
        return cookie

    def get(self, cookie: int) -> Any:  # noqa: ANN401
        """Return the object, valid in the caller's apartment.

        Raises:
            InvalidArgumentError: unknown or revoked cookie (E_INVALIDARG).
        """
        with KERNEL_LOCK:
            entry = self._entries.get(cookie)
        if entry is None:
            raise InvalidArgumentError(f"no object is registered under cookie {cookie:#x}")
        return _unmarshal(*entry)

    def revoke(self, cookie: int) -> None:
        """Forget the object under ``cookie``.

        Raises:
            InvalidArgumentError: unknown or revoked cookie (E_INVALIDARG).
        """
        with KERNEL_LOCK:
            entry = self._entries.pop(cookie, None)
        if entry is None:
            raise InvalidArgumentError(f"no object is registered under cookie {cookie:#x}")


_table = GlobalInterfaceTable()


def global_table() -> GlobalInterfaceTable:
    """Return the process's global interface table."""
    return _table


@final
class Token:
    """A handle to an object that any apartment can turn into a reference of its own.

    Made by :func:`marshal`. ``unmarshal()`` gives the object itself in its apartment and a
    proxy in any other; it works any number of times, from any thread, until ``release()``.
    """

    __slots__ = ("_entry",)

    def __init__(self, value: object) -> None:
        self._entry: tuple[Stub, Callable[[Stub, Apartment], Any]] | None = _export(value)

    def __repr__(self) -> str:
        if self._entry is None:
            return "<Token (released)>"
        return f"<Token for {type(self._entry[0].obj).__name__} in {self._entry[0].home!r}>"

    def unmarshal(self) -> Any:  # noqa: ANN401
        """Return the object (in its apartment) or a proxy to it (anywhere else).

        Raises:
            InvalidArgumentError: the token was released.
        """
        entry = self._entry
        if entry is None:
            raise InvalidArgumentError("this token was released")
        return _unmarshal(*entry)

    def release(self) -> None:
        """Stop holding the object; later unmarshals fail."""
        self._entry = None


def marshal(obj: object) -> Token:
    """Make a :class:`Token` for ``obj``, which lives in the caller's apartment.

    A proxy can be marshaled too: the token then leads to the original object.
    """
    return Token(obj)
