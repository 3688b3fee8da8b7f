"""Interface pointers of monikers and what binds them: IMoniker, IEnumMoniker, IBindCtx, the ROT.

As in :mod:`._typed`, each class is the core's pointer class of one IID (the facade
subclasses it with pywin32's names): its methods check and convert the arguments in the
caller's apartment, call the method by its COM name on the object (``_call``), and convert
the result. A Python COM server may implement IParseDisplayName (``ParseDisplayName``) and
IOleItemContainer (``GetObject``) by listing their IIDs in ``_com_interfaces_``.
"""

from __future__ import annotations

import operator
from typing import TYPE_CHECKING, Any, NamedTuple

from ._faces import FACES, set_interface_class
from ._iids import (
    IID_IBINDCTX,
    IID_IENUMMONIKER,
    IID_IMONIKER,
    IID_IOLEITEMCONTAINER,
    IID_IPARSEDISPLAYNAME,
    IID_IRUNNINGOBJECTTABLE,
    IID_IUNKNOWN,
    iid_text,
)
from ._pointer import InterfacePointer
from ._typed import interface_arg, text_arg

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "MonikerPointer",
    "EnumMonikerPointer",
    "BindCtxPointer",
    "RunningObjectTablePointer",
    "ParseDisplayNamePointer",
    "OleItemContainerPointer",
    "Registration",
    "moniker_arg",
]


class Registration(NamedTuple):
    """What a registration in the running object table did.

    ``handle`` is its cookie; ``already_registered`` says an equal moniker was registered
    already (MK_S_MONIKERALREADYREGISTERED, a success: both registrations stand).
    """

    handle: int
    already_registered: bool


def _result(value: object, iid: str) -> Any:  # noqa: ANN401
    """A pointer a method returned, as a pointer of ``iid``'s class."""
    return interface_arg(value, iid)


def moniker_arg(value: object, *, none_ok: bool = False) -> MonikerPointer | None:
    """Read a moniker argument (E_NOINTERFACE for a COM object that is no moniker)."""
    return interface_arg(value, IID_IMONIKER, none_ok=none_ok)  # type: ignore[return-value]


def _context(value: object) -> InterfacePointer | None:
    return interface_arg(value, IID_IBINDCTX, none_ok=True)


class MonikerPointer(InterfacePointer):
    """An IMoniker pointer: a name of an object; iterating it gives a composite's parts."""

    __slots__ = ()

    def display_name(self, bind_ctx: object = None, left: object = None) -> str:
        """Return the moniker's display name ("!item", a path, "clsid:...:").

        Raises:
            ComError: E_NOTIMPL for a moniker that has none (a pointer moniker).
        """
        left_moniker = moniker_arg(left, none_ok=True)
        return str(self._call("GetDisplayName", _context(bind_ctx), left_moniker))

    def bind_to_object(
        self, bind_ctx: object = None, left: object = None, iid: object = IID_IUNKNOWN
    ) -> InterfacePointer:
        """Return the interface ``iid`` of the object the moniker names (BindToObject).

        Raises:
            ComError: MK_E_UNAVAILABLE, MK_E_CANTOPENFILE, MK_E_INVALIDEXTENSION, E_INVALIDARG
                (an item moniker with nothing on its left)...
            NoInterfaceError: the object lacks ``iid``.
        """
        wanted = iid_text(iid)
        found = self._call(
            "BindToObject", _context(bind_ctx), moniker_arg(left, none_ok=True), wanted
        )
        return _result(found, wanted)  # type: ignore[no-any-return]

    def is_equal(self, other: object) -> bool:
        """Tell whether ``other`` names the same object (IsEqual)."""
        return bool(self._call("IsEqual", moniker_arg(other)))

    def hash_value(self) -> int:
        """Return the moniker's hash: equal monikers have equal ones."""
        return int(self._call("Hash"))

    def compose_with(self, right: object, only_if_not_generic: bool = False) -> MonikerPointer:
        """Return the composite of this moniker and ``right`` (ComposeWith).

        Raises:
            ComError: MK_E_NEEDGENERIC with ``only_if_not_generic``, when only a generic
                composite joins them.
        """
        found = self._call("ComposeWith", moniker_arg(right), bool(only_if_not_generic))
        return _result(found, IID_IMONIKER)  # type: ignore[no-any-return]

    def enum(self, forward: bool = True) -> EnumMonikerPointer | None:
        """Return an enumerator of a composite's parts; None for a simple moniker.

        Raises:
            ComError: E_NOTIMPL for a pointer moniker.
        """
        found = self._call("Enum", bool(forward))
        return None if found is None else _result(found, IID_IENUMMONIKER)

    def system_kind(self) -> int:
        """Return the MKSYS_* kind of a system moniker (IsSystemMoniker)."""
        return int(self._call("IsSystemMoniker"))

    def class_id(self) -> object:
        """Return the CLSID of the moniker's class (IPersist::GetClassID)."""
        return self._call("GetClassID")

    def __iter__(self) -> Iterator[MonikerPointer]:
        found = self.enum(True)
        return iter(()) if found is None else found


class EnumMonikerPointer(InterfacePointer):
    """An IEnumMoniker pointer: an enumerator of monikers; iterating it calls Next(1)."""

    __slots__ = ()

    def fetch(self, count: int = 1) -> tuple[MonikerPointer, ...]:
        """Return the next ``count`` monikers (fewer at the end)."""
        found = self._call("Next", operator.index(count))
        return tuple(_result(item, IID_IMONIKER) for item in found)

    def skip(self, count: int) -> None:
        """Skip ``count`` monikers (past the end is no error)."""
        self._call("Skip", operator.index(count))

    def reset(self) -> None:
        """Go back to the first moniker."""
        self._call("Reset")

    def clone(self) -> EnumMonikerPointer:
        """Return an enumerator at the same place."""
        return _result(self._call("Clone"), IID_IENUMMONIKER)  # type: ignore[no-any-return]

    def __iter__(self) -> EnumMonikerPointer:
        return self

    def __next__(self) -> MonikerPointer:
        items = self.fetch(1)
        if not items:
            raise StopIteration
        return items[0]


class BindCtxPointer(InterfacePointer):
    """An IBindCtx pointer: a bind context, the objects and table a binding works with."""

    __slots__ = ()

    def register_object_param(self, key: str, obj: object) -> None:
        """Keep ``obj`` under the name ``key`` (replacing any object of that name)."""
        self._call("RegisterObjectParam", text_arg(key), interface_arg(obj, IID_IUNKNOWN))

    def object_param(self, key: str) -> InterfacePointer:
        """Return the object kept under ``key``.

        Raises:
            ComError: E_FAIL when there is none.
        """
        return _result(self._call("GetObjectParam", text_arg(key)), IID_IUNKNOWN)  # type: ignore[no-any-return]

    def revoke_object_param(self, key: str) -> None:
        """Forget the object kept under ``key`` (E_FAIL when there is none)."""
        self._call("RevokeObjectParam", text_arg(key))

    def running_object_table(self) -> RunningObjectTablePointer:
        """Return the running object table this binding uses."""
        found = self._call("GetRunningObjectTable")
        return _result(found, IID_IRUNNINGOBJECTTABLE)  # type: ignore[no-any-return]


class RunningObjectTablePointer(InterfacePointer):
    """An IRunningObjectTable pointer: the running objects, by moniker.

    Iterating it gives the monikers registered now.
    """

    __slots__ = ()

    def register(self, obj: object, moniker: object, flags: int = 0) -> Registration:
        """Register ``obj`` as the running object ``moniker`` names; return the cookie.

        ``flags``: ROTFLAGS_REGISTRATIONKEEPSALIVE keeps the object alive while registered.
        A second registration of an equal moniker is made too (``already_registered``).

        Raises:
            TypeError: ``obj`` or ``moniker`` is no COM object.
            NoInterfaceError: ``moniker`` is no moniker.
        """
        target = interface_arg(obj, IID_IUNKNOWN)
        found = self._call("Register", operator.index(flags), target, moniker_arg(moniker))
        return Registration(*found)

    def revoke(self, handle: int) -> None:
        """End the registration ``handle`` (E_INVALIDARG when there is no such one)."""
        self._call("Revoke", operator.index(handle))

    def is_running(self, moniker: object) -> bool:
        """Tell whether an object is registered for ``moniker``."""
        return bool(self._call("IsRunning", moniker_arg(moniker)))

    def get_object(self, moniker: object) -> InterfacePointer:
        """Return the object registered for ``moniker`` (its IUnknown), valid here.

        Raises:
            ComError: MK_E_UNAVAILABLE when none is.
        """
        return _result(self._call("GetObject", moniker_arg(moniker)), IID_IUNKNOWN)  # type: ignore[no-any-return]

    def enum_running(self) -> EnumMonikerPointer:
        """Return an enumerator of the monikers registered now."""
        return _result(self._call("EnumRunning"), IID_IENUMMONIKER)  # type: ignore[no-any-return]

    def __iter__(self) -> EnumMonikerPointer:
        return self.enum_running()


class ParseDisplayNamePointer(InterfacePointer):
    """An IParseDisplayName pointer: what turns the rest of a display name into a moniker."""

    __slots__ = ()

    def parse_display_name(self, bind_ctx: object, name: str) -> tuple[MonikerPointer, int]:
        """Return the moniker of (a prefix of) ``name`` and how many characters it took."""
        moniker, eaten = self._call("ParseDisplayName", _context(bind_ctx), text_arg(name))
        return _result(moniker, IID_IMONIKER), operator.index(eaten)


class OleItemContainerPointer(InterfacePointer):
    """An IOleItemContainer pointer: an object holding items an item moniker names."""

    __slots__ = ()

    def get_object(
        self, item: str, speed: int, bind_ctx: object, iid: object = IID_IUNKNOWN
    ) -> InterfacePointer:
        """Return the interface ``iid`` of the item ``item`` (MK_E_NOOBJECT if none)."""
        wanted = iid_text(iid)
        found = self._call(
            "GetObject", text_arg(item), operator.index(speed), _context(bind_ctx),
            FACES.iid(wanted),
        )  # fmt: skip
        return _result(found, wanted)  # type: ignore[no-any-return]


for _iid, _cls in (
    (IID_IMONIKER, MonikerPointer),
    (IID_IENUMMONIKER, EnumMonikerPointer),
    (IID_IBINDCTX, BindCtxPointer),
    (IID_IRUNNINGOBJECTTABLE, RunningObjectTablePointer),
    (IID_IPARSEDISPLAYNAME, ParseDisplayNamePointer),
    (IID_IOLEITEMCONTAINER, OleItemContainerPointer),
):
    set_interface_class(_iid, _cls)
