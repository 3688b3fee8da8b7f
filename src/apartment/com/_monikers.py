"""Monikers: objects that name other objects (IMoniker), and their enumerator (IEnumMoniker).

Windows' system monikers, as native objects of this layer (agile: their pointers are valid in
every apartment, as a memory stream's):

* an *item* moniker (CreateItemMoniker): a delimiter and a name, "!Sheet1"; the name of an
  object inside the object its left neighbour names (IOleItemContainer::GetObject). Items
  compare without regard to case. RegisterActiveObject names a running class "!{CLSID}".
* a *file* moniker (CreateFileMoniker): a path. It binds to the object the running object
  table holds for it; no class is associated with files here (GetClassFile), so a file
  that nobody registered does not bind (MK_E_INVALIDEXTENSION, or MK_E_CANTOPENFILE when
  there is no such file). Paths compare as the file system does: with regard to case.
* a *pointer* moniker (CreatePointerMoniker): names an object it holds; binding asks that
  object for the interface, in the apartment the object's pointer is valid in.
* a *class* moniker ("clsid:...:" in MkParseDisplayName): names a class. Binding gives the
  class object (CoGetClassObject), which this layer has no interface pointer for.
* a *generic composite* (ComposeWith): a sequence of monikers, read left to right.

The methods are IMoniker's, by their COM names (``call("GetDisplayName", args)``);
:class:`~._moniker_pointers.MonikerPointer` is the way to use one. ``key`` is what the
running object table compares (Windows' IROTData comparison data).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from ..errors import (
    E_INVALIDARG,
    E_NOINTERFACE,
    E_NOTIMPL,
    MK_E_INVALIDEXTENSION,
    MK_E_NEEDGENERIC,
    ComError,
    NoInterfaceError,
)
from ._apartment import neutral
from ._class_entry import CLSCTX_ALL
from ._enum_moniker import EnumMoniker
from ._faces import FACES
from ._iids import (
    IID_IMONIKER,
    IID_IOLEITEMCONTAINER,
    IID_IPERSIST,
    IID_IPERSISTSTREAM,
    IID_IUNKNOWN,
)
from ._moniker_pointers import MonikerPointer, moniker_arg
from ._pointer import InterfacePointer, make_pointer
from ._proxy import make_agile

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

__all__ = [
    "MKSYS_NONE",
    "MKSYS_GENERICCOMPOSITE",
    "MKSYS_FILEMONIKER",
    "MKSYS_ANTIMONIKER",
    "MKSYS_ITEMMONIKER",
    "MKSYS_POINTERMONIKER",
    "MKSYS_CLASSMONIKER",
    "BINDSPEED_INDEFINITE",
    "Moniker",
    "item_moniker",
    "file_moniker",
    "pointer_moniker",
    "class_moniker",
    "composite_moniker",
    "moniker_key",
    "set_running_table",
    "moniker_spec",
    "moniker_from_spec",
]

MKSYS_NONE = 0
MKSYS_GENERICCOMPOSITE = 1
MKSYS_FILEMONIKER = 2
MKSYS_ANTIMONIKER = 3
MKSYS_ITEMMONIKER = 4
MKSYS_POINTERMONIKER = 5
MKSYS_CLASSMONIKER = 7
BINDSPEED_INDEFINITE = 1

CLSID_FILE_MONIKER = "{00000303-0000-0000-C000-000000000046}"
CLSID_ITEM_MONIKER = "{00000304-0000-0000-C000-000000000046}"
CLSID_POINTER_MONIKER = "{00000306-0000-0000-C000-000000000046}"
CLSID_COMPOSITE_MONIKER = "{00000309-0000-0000-C000-000000000046}"
CLSID_CLASS_MONIKER = "{0000031A-0000-0000-C000-000000000046}"

_IIDS = frozenset({IID_IUNKNOWN, IID_IMONIKER, IID_IPERSIST, IID_IPERSISTSTREAM})


def _hash(text: str) -> int:
    """A moniker's hash: the same for names that compare equal (Wine's formula, signed)."""
    value = 0
    for char in text:
        value = ((value * 3) ^ ord(char)) & 0xFFFFFFFF
    return value - (1 << 32) if value & 0x80000000 else value


def moniker_key(pointer: InterfacePointer) -> tuple[Any, ...]:
    """What identifies the moniker ``pointer`` in the running object table.

    A moniker of this layer has its key; any other (a Python server's) is known by its
    display name, without regard to case.
    """
    target = pointer._target
    if isinstance(target, Moniker):
        return target.key
    name = pointer._call("GetDisplayName", None, None)
    return ("name", str(name).upper())


class _Running:
    """Where monikers find the running object table: :mod:`._rot` (which holds monikers) sets it."""

    table: Any = None


_running = _Running()


def set_running_table(table: object) -> None:
    """Make ``table`` (the process's :class:`~._rot.RunningObjectTable`) the one monikers ask."""
    _running.table = table


class Moniker:
    """The base of this layer's monikers: the IMoniker methods all of them share."""

    __slots__ = ("__weakref__", "key")

    kind = MKSYS_NONE
    clsid = CLSID_ITEM_MONIKER

    def __init__(self, key: tuple[Any, ...]) -> None:
        self.key = key

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.key[1:]!r}>"

    # -- the target protocol (see _pointer) -------------------------------------------------

    def resolve(self, iid: str) -> None:
        """QueryInterface: a moniker is an IMoniker (and its bases)."""
        if iid not in _IIDS:
            raise NoInterfaceError(f"a moniker does not implement {iid}")

    def call(self, method: str, args: tuple[Any, ...], returns: str = "") -> Any:  # noqa: ANN401
        """Run the IMoniker method ``method``."""
        found = _METHODS.get(method)
        if found is None:
            raise ComError.from_hresult(E_NOTIMPL, f"a moniker has no {method} here")
        return found(self, *args)

    # -- IMoniker ----------------------------------------------------------------------------

    def display_name(self, bind_ctx: object, left: object) -> str:
        """GetDisplayName."""
        raise ComError.from_hresult(E_NOTIMPL, f"{type(self).__name__} has no display name")

    def bind_to_object(self, bind_ctx: Any, left: Any, iid: str) -> InterfacePointer:  # noqa: ANN401
        """BindToObject: the object this moniker names, its interface ``iid``."""
        raise ComError.from_hresult(E_NOTIMPL, f"{type(self).__name__} does not bind")

    def is_equal(self, other: InterfacePointer) -> bool:
        """IsEqual (the moniker ``other``, of any kind)."""
        target = other._target
        return isinstance(target, Moniker) and target.key == self.key

    def hash(self) -> int:
        """Hash: equal monikers have equal hashes."""
        return _hash(repr(self.key))

    def compose_with(self, right: InterfacePointer, only_if_not_generic: bool) -> MonikerPointer:
        """ComposeWith: a composite of this moniker and ``right`` (a generic composite here)."""
        if only_if_not_generic:
            raise ComError.from_hresult(MK_E_NEEDGENERIC, "only a generic composite joins them")
        return composite_moniker([self.pointer(), right])

    def enum(self, forward: bool) -> InterfacePointer | None:
        """Enum: a simple moniker has no parts (None)."""
        return None

    def is_system_moniker(self) -> int:
        """IsSystemMoniker: the MKSYS_* kind."""
        return self.kind

    def class_id(self) -> object:
        """GetClassID (IPersist)."""
        return FACES.iid(self.clsid)

    def is_running(self, bind_ctx: Any, left: object, newly_running: object) -> bool:  # noqa: ANN401
        """IsRunning: whether the running object table holds this moniker."""
        return bool(_running.table.is_running(self.key))

    # -- Python ------------------------------------------------------------------------------

    def pointer(self) -> MonikerPointer:
        """Return an IMoniker pointer to this moniker (valid in every apartment)."""
        return make_pointer(self, neutral(), IID_IMONIKER)  # type: ignore[return-value]

    def _from_rot(self, iid: str) -> InterfacePointer | None:
        """The interface ``iid`` of the object registered for this moniker, if one is."""
        found = _running.table.find(self.key)
        return None if found is None else found.query_interface(iid)


class _ItemMoniker(Moniker):
    __slots__ = ("delimiter", "item")

    kind = MKSYS_ITEMMONIKER
    clsid = CLSID_ITEM_MONIKER

    def __init__(self, delimiter: str, item: str) -> None:
        super().__init__(("item", (delimiter + item).upper()))
        self.delimiter = delimiter
        self.item = item

    def display_name(self, bind_ctx: object, left: object) -> str:
        return self.delimiter + self.item

    def is_equal(self, other: InterfacePointer) -> bool:
        target = other._target  # Windows compares the items only, without regard to case
        return isinstance(target, _ItemMoniker) and target.item.upper() == self.item.upper()

    def hash(self) -> int:
        return _hash(self.item.upper())

    def bind_to_object(self, bind_ctx: Any, left: Any, iid: str) -> InterfacePointer:  # noqa: ANN401
        if left is None:
            raise ComError.from_hresult(E_INVALIDARG, "an item moniker binds within its left")
        outer = moniker_arg(left)
        assert outer is not None
        container = outer.bind_to_object(bind_ctx, None, IID_IOLEITEMCONTAINER)
        return container.get_object(self.item, BINDSPEED_INDEFINITE, bind_ctx, iid)  # type: ignore[attr-defined, no-any-return]


class _FileMoniker(Moniker):
    __slots__ = ("path",)

    kind = MKSYS_FILEMONIKER
    clsid = CLSID_FILE_MONIKER

    def __init__(self, path: str) -> None:
        super().__init__(("file", path))
        self.path = path

    def display_name(self, bind_ctx: object, left: object) -> str:
        return self.path

    def hash(self) -> int:
        return _hash(self.path)

    def bind_to_object(self, bind_ctx: Any, left: Any, iid: str) -> InterfacePointer:  # noqa: ANN401
        found = self._from_rot(iid) if left is None else None
        if found is not None:
            return found
        raise ComError.from_hresult(
            MK_E_INVALIDEXTENSION, f"no class is associated with {self.path!r} (GetClassFile)"
        )


class _PointerMoniker(Moniker):
    __slots__ = ("target",)

    kind = MKSYS_POINTERMONIKER
    clsid = CLSID_POINTER_MONIKER

    def __init__(self, target: InterfacePointer) -> None:
        super().__init__(("pointer", target.object_id))
        self.target = target

    def bind_to_object(self, bind_ctx: Any, left: Any, iid: str) -> InterfacePointer:  # noqa: ANN401
        return self.target.query_interface(iid)

    def enum(self, forward: bool) -> InterfacePointer | None:
        raise ComError.from_hresult(E_NOTIMPL, "a pointer moniker has no parts to enumerate")


class _ClassMoniker(Moniker):
    __slots__ = ("class_clsid",)

    kind = MKSYS_CLASSMONIKER
    clsid = CLSID_CLASS_MONIKER

    def __init__(self, clsid: str) -> None:
        super().__init__(("class", clsid))
        self.class_clsid = clsid

    def display_name(self, bind_ctx: object, left: object) -> str:
        return f"clsid:{self.class_clsid[1:-1]}:"

    def bind_to_object(self, bind_ctx: Any, left: Any, iid: str) -> InterfacePointer:  # noqa: ANN401
        from ._activation import check_registered  # it imports what imports this module

        check_registered(self.class_clsid, CLSCTX_ALL)  # an unknown class: REGDB_E_CLASSNOTREG
        raise ComError.from_hresult(
            E_NOINTERFACE,
            f"binding a class moniker gives the class object of {self.class_clsid}, which has "
            "no interface pointer here (CoGetClassObject is not modelled)",
        )


class _CompositeMoniker(Moniker):
    __slots__ = ("parts",)

    kind = MKSYS_GENERICCOMPOSITE
    clsid = CLSID_COMPOSITE_MONIKER

    def __init__(self, parts: Sequence[InterfacePointer]) -> None:
        super().__init__(("composite", tuple(moniker_key(part) for part in parts)))
        self.parts = tuple(parts)

    def display_name(self, bind_ctx: object, left: object) -> str:
        return "".join(part._call("GetDisplayName", bind_ctx, None) for part in self.parts)

    def bind_to_object(self, bind_ctx: Any, left: Any, iid: str) -> InterfacePointer:  # noqa: ANN401
        found = self._from_rot(iid) if left is None else None
        if found is not None:
            return found
        *rest, last = self.parts
        prefix = composite_moniker(([left] if left is not None else []) + rest)
        right = moniker_arg(last)
        assert right is not None
        return right.bind_to_object(bind_ctx, prefix, iid)

    def is_equal(self, other: InterfacePointer) -> bool:
        target = other._target
        return isinstance(target, _CompositeMoniker) and target.key == self.key

    def enum(self, forward: bool) -> InterfacePointer | None:
        parts = self.parts if forward else self.parts[::-1]
        return EnumMoniker(parts).pointer()


def _is_equal(moniker: Moniker, other: object) -> bool:
    if not isinstance(other, InterfacePointer):
        raise TypeError("IsEqual needs a moniker")
    return moniker.is_equal(other)


_METHODS: dict[str, Callable[..., Any]] = {
    "GetDisplayName": lambda m, ctx, left: m.display_name(ctx, left),
    "BindToObject": lambda m, ctx, left, iid: m.bind_to_object(ctx, left, iid),
    "IsEqual": _is_equal,
    "Hash": lambda m: m.hash(),
    "ComposeWith": lambda m, right, only: m.compose_with(right, only),
    "Enum": lambda m, forward: m.enum(forward),
    "IsSystemMoniker": lambda m: m.is_system_moniker(),
    "GetClassID": lambda m: m.class_id(),
    "IsRunning": lambda m, ctx, left, newly: m.is_running(ctx, left, newly),
}
for _cls in (Moniker, _ItemMoniker, _FileMoniker, _PointerMoniker, _ClassMoniker):
    make_agile(_cls)
make_agile(_CompositeMoniker)


def item_moniker(delimiter: str, item: str) -> MonikerPointer:
    """Return an item moniker: ``item`` within its left neighbour, shown after ``delimiter``.

    Raises:
        TypeError: ``delimiter`` or ``item`` is not a str.
    """
    for value in (delimiter, item):
        if not isinstance(value, str):
            raise TypeError(f"an item moniker's parts are str, not {type(value).__name__}")
    return _ItemMoniker(delimiter, item).pointer()


def file_moniker(path: str | os.PathLike[str]) -> MonikerPointer:
    """Return a file moniker for ``path`` (kept as given: a file need not exist yet).

    Raises:
        TypeError: ``path`` is not a str or path.
    """
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"a file moniker's path is a str, not {type(path).__name__}")
    return _FileMoniker(os.fspath(path)).pointer()


def pointer_moniker(target: InterfacePointer) -> MonikerPointer:
    """Return a pointer moniker naming the object ``target`` reaches.

    Binding it uses ``target``, so it binds in ``target``'s apartment only (a pointer moniker
    crosses apartments on Windows as a proxy, never by value).

    Raises:
        TypeError: ``target`` is no interface pointer.
    """
    if not isinstance(target, InterfacePointer):
        raise TypeError("The Python instance can not be converted to a COM object")
    return _PointerMoniker(target).pointer()


def class_moniker(clsid: str) -> MonikerPointer:
    """Return a class moniker naming the class ``clsid`` (a canonical CLSID string)."""
    return _ClassMoniker(clsid).pointer()


def composite_moniker(parts: Sequence[InterfacePointer]) -> MonikerPointer:
    """Return the generic composite of ``parts`` (composites among them are flattened).

    One part is that part itself; none is an error (there is no empty composite).
    """
    flat: list[InterfacePointer] = []
    for part in parts:
        target = part._target
        flat.extend(target.parts if isinstance(target, _CompositeMoniker) else (part,))
    if not flat:
        raise ValueError("a composite moniker needs at least one part")
    if len(flat) == 1:
        only = moniker_arg(flat[0])
        assert only is not None
        return only
    return _CompositeMoniker(flat).pointer()


def moniker_spec(pointer: InterfacePointer) -> list[Any] | None:
    """What rebuilds the moniker ``pointer`` in another process (JSON), or None if nothing can.

    A pointer moniker names an object of this process, and another kind of moniker (a Python
    server's) is an object of its own: neither is described.
    """
    target = pointer._target
    if isinstance(target, _ItemMoniker):
        return ["item", target.delimiter, target.item]
    if isinstance(target, _FileMoniker):
        return ["file", target.path]
    if isinstance(target, _ClassMoniker):
        return ["class", target.class_clsid]
    if isinstance(target, _CompositeMoniker):
        parts = [moniker_spec(part) for part in target.parts]
        return None if None in parts else ["composite", parts]
    return None


def moniker_from_spec(spec: Any) -> MonikerPointer:  # noqa: ANN401
    """The moniker :func:`moniker_spec` described.

    Raises:
        ValueError: ``spec`` describes no moniker.
    """
    match spec:
        case ["item", str(delimiter), str(item)]:
            return item_moniker(delimiter, item)
        case ["file", str(path)]:
            return file_moniker(path)
        case ["class", str(clsid)]:
            return class_moniker(clsid)
        case ["composite", list(parts)] if parts:
            return composite_moniker([moniker_from_spec(part) for part in parts])
    raise ValueError(f"no moniker is described by {spec!r}")
