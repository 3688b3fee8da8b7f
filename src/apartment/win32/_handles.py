"""PyHANDLE, and turning handle arguments into core objects.

A PyHANDLE owns one entry of the kernel's handle table: it closes it on ``Close()`` and when
it is garbage-collected, as pywin32's does. Functions accept a PyHANDLE, an int or None (0)
wherever pywin32 takes a handle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NoReturn, TypeVar

from ..errors import InvalidHandleError
from ..kernel import handles
from ._adapt import api

if TYPE_CHECKING:
    from types import TracebackType

    from typing_extensions import Self

    from ..kernel import Waitable

__all__ = [
    "PyHANDLE",
    "HANDLE",
    "handle_value",
    "handle_values",
    "lookup",
    "new_handle",
    "waitables",
]

T = TypeVar("T")


def _bad_operand(self: PyHANDLE, other: object = None) -> NoReturn:
    raise TypeError("bad operand type")


class PyHANDLE:
    """A Win32 handle that closes itself, shaped like pywin32's PyHANDLE.

    ``int(h)`` and ``h.handle`` give the value; ``h == 5`` compares values, but the hash is
    by identity, as pywin32's is; arithmetic raises TypeError. As an extension (pywin32 has
    none), a PyHANDLE is a context manager that closes it on exit.
    """

    __slots__ = ("__weakref__", "_value")

    def __init__(self, value: int | None = 0) -> None:
        self._value = handle_value(value)

    @property
    def handle(self) -> int:
        """The handle's value."""
        return self._value

    def __int__(self) -> int:
        return self._value

    def __bool__(self) -> bool:
        return self._value != 0

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PyHANDLE):
            return self._value == other._value
        if isinstance(other, int):
            return self._value == other
        return NotImplemented

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    __hash__ = object.__hash__

    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _bad_operand
    __truediv__ = __floordiv__ = __mod__ = __pow__ = __neg__ = __pos__ = _bad_operand
    __and__ = __or__ = __xor__ = __lshift__ = __rshift__ = __invert__ = _bad_operand
    __abs__ = __float__ = _bad_operand

    def __repr__(self) -> str:
        return f"<PyHANDLE:{self._value}>"

    @api("CloseHandle")
    def Close(self) -> None:
        """Close the handle and set the value to 0; a second call does nothing."""
        value, self._value = self._value, 0
        if value:
            _renew()
            handles.close(value)

    close = Close

    def Detach(self) -> int:
        """Return the value and forget it without closing it."""
        value, self._value = self._value, 0
        _renew()
        return value

    def __del__(self) -> None:
        # Closed now, errors swallowed, as pywin32's; the kernel defers it when the garbage
        # collector runs this (it may have interrupted a locked section).
        global _generation  # _renew(), inlined: at exit this module's functions may be gone
        _generation = object()  # its id may be another PyHANDLE's next: sets by id are stale
        value = getattr(self, "_value", 0)
        if value and handles is not None:  # at exit (3.13t) the module's globals may be gone
            handles.close_dropped(value)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.Close()


def HANDLE(value: int | None = None) -> PyHANDLE:
    """Make a PyHANDLE that owns ``value`` (pywintypes.HANDLE); None gives 0."""
    return PyHANDLE(value)


def new_handle(obj: object, access: int | None = None, *, inherit: bool = False) -> PyHANDLE:
    """Open a handle to a core object and wrap it."""
    if access is None:
        return PyHANDLE(handles.insert(obj, inherit=inherit))
    return PyHANDLE(handles.insert(obj, access, inherit=inherit))


def handle_value(handle: object) -> int:
    """Read a handle argument: a PyHANDLE, a pointer-sized int, or None (0).

    pywin32 reads any other object as ``int()`` does (``2.5`` is 2, ``"5"`` is 5, True is 1),
    as the oracle shows.

    Raises:
        TypeError: anything else, an int outside 64 bits included (as pywin32 refuses them).
    """
    if handle is None:
        return 0
    if isinstance(handle, PyHANDLE):
        return handle._value
    if type(handle) is int and -(2**63) <= handle < 2**64:
        return handle
    try:
        value: int = int(handle)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        raise TypeError("The object is not a PyHANDLE object") from None
    if -(2**63) <= value < 2**64:
        return value
    raise TypeError("The object is not a PyHANDLE object")


def is_open(value: int) -> bool:
    """Whether a handle of ``value`` is open in this process (a pseudo-handle is not)."""
    try:
        handles.get(value)
    except InvalidHandleError:
        return False
    return True


def handle_values(handlelist: object) -> list[int]:
    """Read a list of handle arguments (a list or tuple of PyHANDLEs and ints)."""
    if not isinstance(handlelist, (list, tuple)):
        raise TypeError("Handles must be a list of integers")
    if handlelist and type(handlelist[0]) is PyHANDLE:
        try:  # all PyHANDLEs, the common case: their values read inline (a wait may take 64)
            return [handle._value for handle in handlelist]
        except AttributeError:  # ints among them: the general way
            pass
    try:
        return [
            handle
            if type(handle) is int and -(2**63) <= handle < 2**64
            else handle._value
            if type(handle) is PyHANDLE
            else handle_value(handle)
            for handle in handlelist
        ]
    except TypeError:
        raise TypeError("Handles must be a list of integers") from None


_entries, _deferred = handles.lock_free_view()
_many = handles.many_view()
_generation = object()
"""Replaced by a fresh object whenever a PyHANDLE's value changes (Close, Detach) or one dies.

:func:`waitables` files a set of PyHANDLEs under their identities and this object, so a set
filed before is never found again once one of its PyHANDLEs may stand for something else (its
id reused by a new PyHANDLE, its value closed or detached). Swapping a global is atomic on
every build, and takes no lock: a finalizer does it.
"""


def _renew() -> None:
    global _generation  # the one writer of the token above
    _generation = object()


def waitables(handlelist: object, access: int) -> tuple[Waitable, ...]:
    """Resolve the handle list of a multi-object wait (the kernel's ``get_many``, checked).

    A wait loop passes the same PyHANDLEs again and again; reading each one's value and
    hashing the values costs more than the wait itself. So a list (or tuple) of PyHANDLEs is
    also filed under the hash of the handle objects (their identities: a PyHANDLE hashes by
    identity) and :data:`_generation`, and found there next time. The kernel empties the
    filed sets on every close; a changed or dropped PyHANDLE renews the generation. Lists
    with anything but PyHANDLEs go the values' way each time (an int, or a float that equals
    one, must not find a set filed for PyHANDLEs). Errors are the kernel's and
    :func:`handle_values`'.
    """
    kind = type(handlelist)
    alias: tuple[int, int, object] | None = None
    # (a list of ints whose hash is that of PyHANDLEs' identities must not even look)
    if (kind is list or kind is tuple) and handlelist and type(handlelist[0]) is PyHANDLE:  # type: ignore[index]
        try:
            alias = (hash(tuple(handlelist)), access, _generation)  # type: ignore[arg-type]
        except TypeError:  # an unhashable element: refused below
            pass
        else:
            found = _many.get(alias)
            if found is not None and not _deferred:
                return found
    values = handle_values(handlelist)
    if alias is not None and not all(type(handle) is PyHANDLE for handle in handlelist):  # type: ignore[attr-defined]
        alias = None
    return handles.get_many(values, access, alias=alias)


def lookup(
    handle: object, kind: type[T] | tuple[type[T], ...], access: int = 0, *, pseudo: bool = True
) -> T:
    """Resolve a handle argument to a core object of ``kind`` (ERROR_INVALID_HANDLE if not).

    Every facade call on a handle comes here: an open handle is one read of the table,
    without its lock; anything else goes the table's checked way, which says what is wrong.
    """
    value = handle._value if type(handle) is PyHANDLE else handle_value(handle)
    entry = _entries.get(value)
    if entry is not None and not access & ~entry[1] and not _deferred:
        obj = entry[0]
        if isinstance(obj, kind):
            return obj
    return handles.get_typed(value, kind, access, pseudo=pseudo)
