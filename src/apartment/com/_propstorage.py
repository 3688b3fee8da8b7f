"""IPropertySetStorage and IPropertyStorage over a file's property sets (see ``_propsets``).

:func:`open_property_sets` is ``StgOpenStorageEx(path, mode, STGFMT_FILE, 0,
IID_IPropertySetStorage)``: the property sets of any file. Each object here is a native COM
object of this layer, agile as a memory stream is. Writes go to the file at once (direct
mode: Commit has nothing to do, Revert nothing to undo); a read-modify-write of a set runs
under the kernel lock, so two threads writing one file's set do not lose each other's values.
Sharing modes are not enforced (``docs/differences-from-windows.md``).
"""

from __future__ import annotations

import datetime
import operator
from typing import TYPE_CHECKING, Any

from ..errors import (
    E_NOTIMPL,
    STG_E_ACCESSDENIED,
    STG_E_FILEALREADYEXISTS,
    STG_E_FILENOTFOUND,
    STG_E_INVALIDFLAG,
    STG_E_INVALIDPARAMETER,
    ComError,
    NoInterfaceError,
)
from ..kernel.lowlevel import KERNEL_LOCK
from ._apartment import neutral
from ._enum_moniker import SequenceEnumerator
from ._faces import FACES, set_interface_class
from ._iids import IID_IUNKNOWN, iid_text
from ._pointer import InterfacePointer, make_pointer
from ._propsets import (
    FMTID_DOC_SUMMARY_INFORMATION,
    FMTID_USER_DEFINED_PROPERTIES,
    FileSets,
    PropertySet,
    PropertySets,
    from_propvariant,
    now,
    to_propvariant,
)
from ._proxy import make_agile

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "IID_IPROPERTYSETSTORAGE", "IID_IPROPERTYSTORAGE", "IID_IENUMSTATPROPSTG",
    "IID_IENUMSTATPROPSETSTG", "PropertySetStoragePointer", "PropertyStoragePointer",
    "StatEnumeratorPointer", "open_property_sets",
]  # fmt: skip

IID_IPROPERTYSETSTORAGE = "{0000013A-0000-0000-C000-000000000046}"
IID_IPROPERTYSTORAGE = "{00000138-0000-0000-C000-000000000046}"
IID_IENUMSTATPROPSTG = "{00000139-0000-0000-C000-000000000046}"
IID_IENUMSTATPROPSETSTG = "{0000013B-0000-0000-C000-000000000046}"
_STGM_ACCESS = 0x3
_STGM_WRITE, _STGM_READWRITE, _STGM_CREATE = 0x1, 0x2, 0x1000
_STGM_SHARE_EXCLUSIVE = 0x10
_PID_DICTIONARY, _PID_CODEPAGE = 0, 1
_PID_FIRST_USABLE = 2
_PID_ILLEGAL = 0xFFFFFFFF
_EPOCH = datetime.datetime(1601, 1, 1, tzinfo=datetime.timezone.utc)


def _writable(mode: int) -> bool:
    return mode & _STGM_ACCESS in (_STGM_WRITE, _STGM_READWRITE)


def _check_mode(mode: int) -> None:
    """A property set opens only with STGM_SHARE_EXCLUSIVE (STG_E_INVALIDFLAG otherwise)."""
    if mode & 0x70 != _STGM_SHARE_EXCLUSIVE or mode & _STGM_ACCESS == 0x3:
        raise ComError.from_hresult(
            STG_E_INVALIDFLAG,
            f"mode {mode:#x}: a property set is opened with STGM_SHARE_EXCLUSIVE",
        )


def _time(micros: int) -> datetime.datetime:
    when = _EPOCH + datetime.timedelta(microseconds=micros)
    return FACES.time_type(
        when.year, when.month, when.day, when.hour, when.minute, when.second,
        when.microsecond, tzinfo=FACES.utc(),
    )  # fmt: skip


def _stat(props: PropertySet) -> tuple[Any, ...]:
    """STATPROPSETSTG: (fmtid, clsid, flags, mtime, ctime, atime)."""
    return (
        FACES.iid(props.fmtid), FACES.iid(props.clsid), props.flags, _time(props.mtime),
        _time(props.ctime), _time(props.atime),
    )  # fmt: skip


class _StatPropEnumerator(SequenceEnumerator):
    """IEnumSTATPROPSTG: (name, propid, vt) of each property."""

    __slots__ = ()
    IID = IID_IENUMSTATPROPSTG
    WHAT = "property"


class _StatPropSetEnumerator(SequenceEnumerator):
    """IEnumSTATPROPSETSTG: a STATPROPSETSTG of each property set."""

    __slots__ = ()
    IID = IID_IENUMSTATPROPSETSTG
    WHAT = "property set"


class PropertyStorage:
    """One property set of a file, open (IPropertyStorage); see :mod:`._propsets`."""

    __slots__ = ("__weakref__", "_fmtid", "_mode", "_sets")

    def __init__(self, sets: PropertySets, fmtid: str, mode: int) -> None:
        self._sets = sets
        self._fmtid = fmtid
        self._mode = mode

    def resolve(self, iid: str) -> None:
        """QueryInterface: IPropertyStorage and IUnknown."""
        if iid not in (IID_IUNKNOWN, IID_IPROPERTYSTORAGE):
            raise NoInterfaceError(f"a property storage does not implement {iid}")

    def call(self, method: str, args: tuple[Any, ...], returns: str = "") -> Any:  # noqa: ANN401
        """Run IPropertyStorage's ``method``."""
        found = getattr(self, "_" + method, None)
        if found is None:
            raise ComError.from_hresult(E_NOTIMPL, f"a property storage has no {method}")
        return found(*args)

    def _load(self) -> PropertySet:
        props = self._sets.get(self._fmtid)
        if props is None:
            raise ComError.from_hresult(STG_E_FILENOTFOUND, "the property set was deleted")
        return props

    def _change(self, edit: Any) -> None:  # noqa: ANN401
        """Apply ``edit(props)`` to the stored set (read-modify-write, under the lock)."""
        if not _writable(self._mode):
            raise ComError.from_hresult(STG_E_ACCESSDENIED, "the property set is open to read")
        with KERNEL_LOCK:
            props = self._load()
            edit(props)
            props.mtime = now()
            self._sets.put(props)
        self._sets.flush()

    @staticmethod
    def _pid(props: PropertySet, spec: int | str) -> int | None:
        if isinstance(spec, str):
            wanted = spec.upper()
            return next((p for p, n in props.names.items() if n.upper() == wanted), None)
        return spec

    def _ReadMultiple(self, specs: Sequence[int | str]) -> tuple[Any, ...]:  # noqa: N802
        props = self._load()
        found = []
        for spec in specs:
            pid = self._pid(props, spec)
            value = props.values.get(pid) if pid is not None else None
            found.append(None if value is None else from_propvariant(*value))
        return tuple(found)

    def _WriteMultiple(  # noqa: N802
        self, specs: Sequence[int | str], values: Sequence[Any], first: int
    ) -> None:
        converted = [to_propvariant(value) for value in values]  # TypeError before any change

        def edit(props: PropertySet) -> None:
            for spec, value in zip(specs, converted, strict=True):
                pid = self._pid(props, spec)
                if pid is None:  # a new name: the next free PROPID from ``first``
                    pid = max([first - 1, *props.values, *props.names]) + 1
                    props.names[pid] = str(spec)
                if pid in (_PID_DICTIONARY, _PID_CODEPAGE) or pid >= 0x80000000:
                    raise ComError.from_hresult(
                        STG_E_INVALIDPARAMETER, f"property ID {pid:#x} is reserved"
                    )
                props.values[pid] = value

        self._change(edit)

    def _DeleteMultiple(self, specs: Sequence[int | str]) -> None:  # noqa: N802
        def edit(props: PropertySet) -> None:
            for spec in specs:
                pid = self._pid(props, spec)
                if pid is not None:
                    props.values.pop(pid, None)

        self._change(edit)

    def _ReadPropertyNames(self, pids: Sequence[int]) -> tuple[str | None, ...]:  # noqa: N802
        props = self._load()
        return tuple(props.names.get(pid) for pid in pids)

    def _WritePropertyNames(self, pids: Sequence[int], names: Sequence[str]) -> None:  # noqa: N802
        def edit(props: PropertySet) -> None:
            for pid, name in zip(pids, names, strict=True):
                if pid in (_PID_DICTIONARY, _PID_CODEPAGE):
                    raise ComError.from_hresult(
                        STG_E_INVALIDPARAMETER, f"property ID {pid} cannot be named"
                    )
                props.names[pid] = name

        self._change(edit)

    def _DeletePropertyNames(self, pids: Sequence[int]) -> None:  # noqa: N802
        def edit(props: PropertySet) -> None:
            for pid in pids:
                props.names.pop(pid, None)

        self._change(edit)

    def _Commit(self, flags: int) -> None:  # noqa: N802
        """Nothing to commit: every change is written at once."""

    def _Revert(self) -> None:  # noqa: N802
        """Nothing to revert: every change is written at once."""

    def _Enum(self) -> InterfacePointer:  # noqa: N802
        props = self._load()
        items = [(props.names.get(pid), pid, vt) for pid, (vt, _) in sorted(props.values.items())]
        return _StatPropEnumerator(items).pointer()

    def _SetTimes(self, ctime: int, atime: int, mtime: int) -> None:  # noqa: N802
        def edit(props: PropertySet) -> None:
            props.ctime, props.atime, props.mtime = ctime, atime, mtime

        self._change(edit)

    def _SetClass(self, clsid: str) -> None:  # noqa: N802
        def edit(props: PropertySet) -> None:
            props.clsid = clsid

        self._change(edit)

    def _Stat(self) -> tuple[Any, ...]:  # noqa: N802
        return _stat(self._load())

    def pointer(self) -> InterfacePointer:
        """An IPropertyStorage pointer to this set (valid in every apartment)."""
        return make_pointer(self, neutral(), IID_IPROPERTYSTORAGE)


class PropertySetStorage:
    """The property sets of a file (IPropertySetStorage)."""

    __slots__ = ("__weakref__", "_mode", "_sets")

    def __init__(self, sets: PropertySets, mode: int) -> None:
        self._sets = sets
        self._mode = mode

    def resolve(self, iid: str) -> None:
        """QueryInterface: IPropertySetStorage and IUnknown."""
        if iid not in (IID_IUNKNOWN, IID_IPROPERTYSETSTORAGE):
            raise NoInterfaceError(f"a property set storage does not implement {iid}")

    def call(self, method: str, args: tuple[Any, ...], returns: str = "") -> Any:  # noqa: ANN401
        """Run IPropertySetStorage's ``method``."""
        found = getattr(self, "_" + method, None)
        if found is None:
            raise ComError.from_hresult(E_NOTIMPL, f"a property set storage has no {method}")
        return found(*args)

    def _Create(self, fmtid: str, clsid: str | None, flags: int, mode: int) -> InterfacePointer:  # noqa: N802
        _check_mode(mode)
        if not _writable(mode) or not _writable(self._mode):
            raise ComError.from_hresult(STG_E_ACCESSDENIED, "creating a set needs write access")
        with KERNEL_LOCK:
            if self._sets.get(fmtid) is not None and not mode & _STGM_CREATE:
                raise ComError.from_hresult(
                    STG_E_FILEALREADYEXISTS, f"the property set {fmtid} exists"
                )
            stamp = now()
            if (  # the user-defined properties live in the document summary
                fmtid == FMTID_USER_DEFINED_PROPERTIES
                and self._sets.get(FMTID_DOC_SUMMARY_INFORMATION) is None
            ):
                self._sets.put(PropertySet(FMTID_DOC_SUMMARY_INFORMATION, ctime=stamp))
            null = "{00000000-0000-0000-0000-000000000000}"
            self._sets.put(PropertySet(fmtid, clsid or null, flags, stamp, stamp, stamp))
        self._sets.flush()
        return PropertyStorage(self._sets, fmtid, mode).pointer()

    def _Open(self, fmtid: str, mode: int) -> InterfacePointer:  # noqa: N802
        _check_mode(mode)
        if _writable(mode) and not _writable(self._mode):
            raise ComError.from_hresult(STG_E_ACCESSDENIED, "the file is open to read")
        if self._sets.get(fmtid) is None:
            raise ComError.from_hresult(STG_E_FILENOTFOUND, f"no property set {fmtid}")
        return PropertyStorage(self._sets, fmtid, mode).pointer()

    def _Delete(self, fmtid: str) -> None:  # noqa: N802
        if not _writable(self._mode):
            raise ComError.from_hresult(STG_E_ACCESSDENIED, "the file is open to read")
        with KERNEL_LOCK:
            if not self._sets.delete(fmtid):
                raise ComError.from_hresult(STG_E_FILENOTFOUND, f"no property set {fmtid}")
            if fmtid == FMTID_DOC_SUMMARY_INFORMATION:  # its second section goes with it
                self._sets.delete(FMTID_USER_DEFINED_PROPERTIES)
        self._sets.flush()

    def _Enum(self) -> InterfacePointer:  # noqa: N802
        items = []
        for fmtid in self._sets.fmtids():
            props = self._sets.get(fmtid)
            if props is not None and fmtid != FMTID_USER_DEFINED_PROPERTIES:
                items.append(_stat(props))
        return _StatPropSetEnumerator(items).pointer()

    def pointer(self) -> InterfacePointer:
        """An IPropertySetStorage pointer to these sets (valid in every apartment)."""
        return make_pointer(self, neutral(), IID_IPROPERTYSETSTORAGE)


for _cls in (PropertyStorage, PropertySetStorage, _StatPropEnumerator, _StatPropSetEnumerator):
    make_agile(_cls)


def open_property_sets(path: str, mode: int) -> PropertySetStoragePointer:
    """The property sets of the file at ``path`` (StgOpenStorageEx with STGFMT_FILE).

    Raises:
        ComError: STG_E_FILENOTFOUND (no such file), STG_E_INVALIDFUNCTION (its file system
            has no user extended attributes), STG_E_ACCESSDENIED.
    """
    sets = FileSets(path)
    sets.check()
    pointer: PropertySetStoragePointer = PropertySetStorage(sets, mode).pointer()  # type: ignore[assignment]
    return pointer


# -- pointers ------------------------------------------------------------------------------


class StatEnumeratorPointer(InterfacePointer):
    """An IEnumSTATPROPSTG or IEnumSTATPROPSETSTG pointer; iterating it calls Next(1)."""

    __slots__ = ()

    def fetch(self, count: int = 1) -> tuple[Any, ...]:
        """Return the next ``count`` items (fewer at the end)."""
        return tuple(self._call("Next", operator.index(count)))

    def skip(self, count: int) -> None:
        """Skip ``count`` items."""
        self._call("Skip", operator.index(count))

    def reset(self) -> None:
        """Go back to the first item."""
        self._call("Reset")

    def clone(self) -> StatEnumeratorPointer:
        """Return an enumerator at the same place."""
        found: InterfacePointer = self._call("Clone")
        return type(self).of(found, self.iid)

    def __iter__(self) -> StatEnumeratorPointer:
        return self

    def __next__(self) -> Any:  # noqa: ANN401
        items = self.fetch(1)
        if not items:
            raise StopIteration
        return items[0]


def _specs(specs: object) -> list[int | str]:
    """PROPSPECs: PROPIDs (ints) or names (str)."""
    found: list[int | str] = []
    for spec in specs:  # type: ignore[attr-defined]
        found.append(spec if isinstance(spec, str) else operator.index(spec) & 0xFFFFFFFF)
    return found


class PropertyStoragePointer(InterfacePointer):
    """An IPropertyStorage pointer: one property set's values and names."""

    __slots__ = ()

    def read_multiple(self, specs: Sequence[int | str]) -> tuple[Any, ...]:
        """The values of ``specs`` (PROPIDs or names); None for a missing one."""
        return tuple(self._call("ReadMultiple", _specs(specs)))

    def write_multiple(
        self, specs: Sequence[int | str], values: Sequence[Any], first: int = _PID_FIRST_USABLE
    ) -> None:
        """Set the values of ``specs``; a new name gets the next PROPID from ``first``."""
        values = list(values)
        specs = _specs(specs)
        if len(specs) != len(values):
            raise ValueError("The number of property IDs and values must match")
        self._call("WriteMultiple", specs, values, operator.index(first))

    def delete_multiple(self, specs: Sequence[int | str]) -> None:
        """Remove the properties ``specs``."""
        self._call("DeleteMultiple", _specs(specs))

    def read_property_names(self, pids: Sequence[int]) -> tuple[str | None, ...]:
        """The names of ``pids`` (None for an unnamed one)."""
        return tuple(self._call("ReadPropertyNames", [operator.index(p) for p in pids]))

    def write_property_names(self, pids: Sequence[int], names: Sequence[str]) -> None:
        """Name the properties ``pids``."""
        pids, names = [operator.index(p) for p in pids], list(names)
        if len(pids) != len(names):
            raise ValueError("The number of property IDs and names must match")
        if not all(isinstance(name, str) for name in names):
            raise TypeError("property names must be str")
        self._call("WritePropertyNames", pids, names)

    def delete_property_names(self, pids: Sequence[int]) -> None:
        """Forget the names of ``pids``."""
        self._call("DeletePropertyNames", [operator.index(p) for p in pids])

    def commit(self, flags: int = 0) -> None:
        """Commit (every change is written at once: nothing to do)."""
        self._call("Commit", operator.index(flags))

    def revert(self) -> None:
        """Revert (nothing to undo)."""
        self._call("Revert")

    def enum(self) -> StatEnumeratorPointer:
        """An enumerator of the properties: (name, propid, vt)."""
        found: StatEnumeratorPointer = self._call("Enum")
        return found

    def set_class(self, clsid: object) -> None:
        """Set the set's class."""
        self._call("SetClass", iid_text(clsid))

    def stat(self) -> tuple[Any, ...]:
        """STATPROPSETSTG: (fmtid, clsid, flags, mtime, ctime, atime)."""
        return tuple(self._call("Stat"))

    def __iter__(self) -> StatEnumeratorPointer:
        return self.enum()


class PropertySetStoragePointer(InterfacePointer):
    """An IPropertySetStorage pointer: the property sets of a file."""

    __slots__ = ()

    def create(
        self, fmtid: object, clsid: object = None, flags: int = 0, mode: int = 0x1012
    ) -> PropertyStoragePointer:
        """Create the set ``fmtid`` (STGM_CREATE replaces one that exists)."""
        cls = None if clsid is None else iid_text(clsid)
        found: PropertyStoragePointer = self._call(
            "Create", iid_text(fmtid), cls, operator.index(flags), operator.index(mode)
        )
        return found

    def open(self, fmtid: object, mode: int = 0x10) -> PropertyStoragePointer:
        """Open the set ``fmtid`` (STG_E_FILENOTFOUND if the file has none)."""
        found: PropertyStoragePointer = self._call("Open", iid_text(fmtid), operator.index(mode))
        return found

    def delete(self, fmtid: object) -> None:
        """Delete the set ``fmtid``."""
        self._call("Delete", iid_text(fmtid))

    def enum(self) -> StatEnumeratorPointer:
        """An enumerator of the sets: STATPROPSETSTG tuples."""
        found: StatEnumeratorPointer = self._call("Enum")
        return found

    def __iter__(self) -> StatEnumeratorPointer:
        return self.enum()


for _iid, _pcls in (
    (IID_IPROPERTYSETSTORAGE, PropertySetStoragePointer),
    (IID_IPROPERTYSTORAGE, PropertyStoragePointer),
    (IID_IENUMSTATPROPSTG, StatEnumeratorPointer),
    (IID_IENUMSTATPROPSETSTG, StatEnumeratorPointer),
):
    set_interface_class(_iid, _pcls)
