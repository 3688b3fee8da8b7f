"""Collections and enumerators for Python COM servers (pywin32's ``win32com.server.util``).

* :class:`ListEnumerator` exposes a sequence as IEnumVARIANT (``Next``, ``Skip``, ``Reset``,
  ``Clone``); :class:`ListEnumeratorGateway` wraps each item it hands out as a COM object.
* :class:`Collection` is the Automation collection: ``Item`` (also the default member),
  ``Count``, ``Add``, ``Remove``, ``Insert`` and ``_NewEnum``, with Automation's errors
  (DISP_E_BADPARAMCOUNT, DISP_E_BADINDEX, DISP_E_TYPEMISMATCH).
* :func:`new_enum` and :func:`new_collection` make them COM objects of the calling apartment.

A client walks either with ``for item in client`` / ``client[i]`` / ``len(client)``
(:class:`~._client.DispatchClient`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from ..errors import DISP_E_BADINDEX, DISP_E_BADPARAMCOUNT, DISP_E_TYPEMISMATCH
from ._dispatch import wrap
from ._iids import IID_IENUMVARIANT, iid_text
from ._server_errors import COMException

if TYPE_CHECKING:
    from collections.abc import Callable, MutableSequence, Sequence

    from ._dispatch import DispatchPointer
    from ._pointer import InterfacePointer
    from ._policy import Policy

__all__ = ["ListEnumerator", "ListEnumeratorGateway", "Collection", "new_enum", "new_collection"]


class ListEnumerator:
    """A sequence as an IEnumVARIANT server; ``iid`` is the enumerator interface it answers."""

    _public_methods_: ClassVar[list[str]] = ["Next", "Skip", "Reset", "Clone"]

    def __init__(self, data: Sequence[Any], index: int = 0, iid: object = IID_IENUMVARIANT) -> None:
        self._list_ = data
        self.index = index
        self._iid_ = iid_text(iid)

    def _query_interface_(self, iid: object) -> bool:
        return iid_text(iid) == self._iid_

    def next(self, count: int) -> Any:  # noqa: ANN401
        """The next ``count`` items (fewer at the end)."""
        result = self._list_[self.index : self.index + count]
        self.skip(count)
        return result

    def skip(self, count: int) -> None:
        """Skip ``count`` items (not past the end)."""
        self.index = min(self.index + count, len(self._list_))

    def reset(self) -> None:
        """Go back to the first item."""
        self.index = 0

    def clone(self) -> InterfacePointer:
        """A new enumerator at the same place, as a COM object."""
        return self._wrap(type(self)(self._list_, self.index, self._iid_))

    Next, Skip, Reset, Clone = next, skip, reset, clone  # IEnumVARIANT's names

    def _wrap(self, ob: object) -> InterfacePointer:
        return wrap(ob)


class ListEnumeratorGateway(ListEnumerator):
    """A ListEnumerator whose items are Python objects, each handed out as a COM object."""

    def next(self, count: int) -> Any:  # noqa: ANN401
        """The next ``count`` items, each wrapped."""
        result = self._list_[self.index : self.index + count]
        self.skip(count)
        return [self._wrap(item) for item in result]

    Next = next


class Collection:
    """A collection of VARIANT values, as Automation clients expect one."""

    _public_methods_: list[str] = ["Item", "Count", "Add", "Remove", "Insert"]  # noqa: RUF012

    def __init__(self, data: MutableSequence[Any] | None = None, readOnly: int = 0) -> None:  # noqa: N803
        self.data: MutableSequence[Any] = [] if data is None else data
        if readOnly:  # no Add, Remove or Insert on this one
            self._public_methods_ = ["Item", "Count"]

    def item(self, *args: Any) -> Any:  # noqa: ANN401
        """The item at an index (the default member too: ``client(i)``)."""
        if len(args) != 1:
            raise COMException(scode=DISP_E_BADPARAMCOUNT)
        try:
            return self.data[args[0]]
        except IndexError as error:
            raise COMException(scode=DISP_E_BADINDEX, desc=str(error)) from None

    def count(self) -> int:
        """How many items there are."""
        return len(self.data)

    def add(self, value: object) -> None:
        """Append ``value``."""
        self.data.append(value)

    def remove(self, index: int) -> None:
        """Remove the item at ``index``."""
        try:
            del self.data[index]
        except IndexError as error:
            raise COMException(scode=DISP_E_BADINDEX, desc=str(error)) from None

    def insert(self, index: object, value: object) -> None:
        """Insert ``value`` before ``index``."""
        try:
            position = int(index)  # type: ignore[call-overload]
        except (ValueError, TypeError):
            raise COMException(scode=DISP_E_TYPEMISMATCH) from None
        self.data.insert(position, value)

    def new_enum(self) -> InterfacePointer:
        """An enumerator over the items, as a COM object."""
        return new_enum(self.data)

    # Automation's names; Item is the default member (DISPID_VALUE) and _NewEnum DISPID_NEWENUM
    Item, Count, Add, Remove, Insert = item, count, add, remove, insert
    _value_ = item
    _NewEnum = new_enum


def new_enum(
    data: Sequence[Any],
    *,
    factory: Callable[..., object] = ListEnumerator,
    iid: object = IID_IENUMVARIANT,
    policy: Callable[[Any], Policy] | None = None,
) -> InterfacePointer:
    """Make an enumerator over ``data`` a COM object here; return its ``iid`` interface."""
    return wrap(factory(data, iid=iid), iid, policy=policy)


def new_collection(
    data: MutableSequence[Any], *, factory: Callable[[Any], object] = Collection
) -> DispatchPointer:
    """Make a collection over ``data`` a COM object here; return its IDispatch."""
    return wrap(factory(data))
