"""Compound files made here: storages and streams in one file (StgCreateDocfile, IStorage).

A compound file holds a tree of storages (directories with a class ID and state bits) and
streams (byte sequences), each named by up to 31 characters, none of backslash, ``/``,
``:`` or ``!``; names match without regard to case. Windows writes them in the MS-CFB
format; this library writes its own: MS-CFB's 8-byte signature (so StgIsStorageFile says
yes), a marker of this format, then the tree as JSON. Files Windows made are refused when
opened (E_NOTIMPL, ``_storage``).

Modes follow Windows' rules: a new file needs write access; a direct (not transacted) root
and every element opened in it need STGM_SHARE_EXCLUSIVE (STG_E_INVALIDFLAG); writing
through an element opened for reading, or creating in a read-only storage, is
STG_E_ACCESSDENIED. A direct file is written at once after each change; a transacted one
when the root is committed (``Commit``), and ``Revert`` throws its changes away.

Storages and element streams are native objects, agile as Windows' docfiles are (they
aggregate the free-threaded marshaler): any thread may use their pointers. Differences: an
element may be opened twice at once (Windows refuses the second, STG_E_ACCESSDENIED), and a
transacted element commits with its root only.
"""

from __future__ import annotations

import base64
import json
import os
from typing import TYPE_CHECKING, Any

from ..errors import (
    STG_E_ACCESSDENIED,
    STG_E_FILEALREADYEXISTS,
    STG_E_FILENOTFOUND,
    STG_E_INVALIDFLAG,
    STG_E_INVALIDFUNCTION,
    STG_E_INVALIDNAME,
    STG_E_INVALIDPARAMETER,
    STG_E_PATHNOTFOUND,
    ComError,
    NoInterfaceError,
)
from ..kernel.lowlevel import KERNEL_LOCK
from ._apartment import neutral
from ._docfile_sets import StorageSets
from ._enum_moniker import SequenceEnumerator
from ._faces import FACES, set_interface_class
from ._iids import IID_ISTREAM, IID_IUNKNOWN, iid_text
from ._pointer import InterfacePointer, make_pointer
from ._propstorage import IID_IPROPERTYSETSTORAGE, PropertySetStorage, StatEnumeratorPointer
from ._proxy import make_agile
from ._stream import MemoryStream, _Buffer

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ._lockbytes import LockBytesPointer

__all__ = [
    "IID_ISTORAGE",
    "IID_IENUMSTATSTG",
    "STGTY_STORAGE",
    "STGTY_STREAM",
    "create_docfile",
    "open_docfile",
    "is_docfile",
    "docfile_class",
    "StoragePointer",
    "read_class_storage",
    "write_class_storage",
    "create_docfile_on_lock_bytes",
    "open_docfile_on_lock_bytes",
]

IID_ISTORAGE = "{0000000B-0000-0000-C000-000000000046}"
IID_IENUMSTATSTG = "{0000000D-0000-0000-C000-000000000046}"
STGTY_STORAGE, STGTY_STREAM = 1, 2
SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MARKER = b"apartment docfile 1\n"
_NULL_CLSID = "{00000000-0000-0000-0000-000000000000}"
_WRITE, _READWRITE, _SHARE_EXCLUSIVE, _CREATE, _TRANSACTED = 0x1, 0x2, 0x10, 0x1000, 0x10000
_SHARE_MASK = 0x70
_BAD_NAME_CHARS = frozenset("\\/:!")


def _error(hresult: int, detail: str) -> ComError:
    return ComError.from_hresult(hresult, detail)


class _Node:
    """A storage (``children``) or a stream (``buffer``) of the tree."""

    __slots__ = ("buffer", "children", "clsid", "name", "state_bits")

    def __init__(self, name: str, stream: bool) -> None:
        self.name = name
        self.clsid = _NULL_CLSID
        self.state_bits = 0
        self.children: dict[str, _Node] | None = None if stream else {}
        self.buffer: _Buffer | None = _Buffer() if stream else None

    def to_json(self) -> dict[str, Any]:
        if self.buffer is not None:
            return {"name": self.name, "data": base64.b64encode(bytes(self.buffer.data)).decode()}
        assert self.children is not None
        return {
            "name": self.name,
            "clsid": self.clsid,
            "bits": self.state_bits,
            "children": [child.to_json() for child in self.children.values()],
        }

    @classmethod
    def from_json(cls, item: dict[str, Any]) -> _Node:
        node = cls(item["name"], "data" in item)
        if node.buffer is not None:
            node.buffer.data[:] = base64.b64decode(item["data"])
            return node
        node.clsid, node.state_bits = item["clsid"], item["bits"]
        node.children = {}
        for child in item["children"]:
            found = cls.from_json(child)
            node.children[found.name.upper()] = found
        return node


def _new_stream(name: str) -> _Node:
    return _Node(name, stream=True)


def _check_name(name: object) -> str:
    if not isinstance(name, str):
        raise TypeError(f"an element's name is a str, not {type(name).__name__}")
    if not name or len(name) > 31 or _BAD_NAME_CHARS.intersection(name):
        raise _error(STG_E_INVALIDNAME, f"{name!r}: a name has 1 to 31 characters, none of \\/:!")
    return name


def _writes(mode: int) -> bool:
    return bool(mode & (_WRITE | _READWRITE))


class _File:
    """One open compound file: its tree, where it is written, and how (direct, transacted).

    It is written to the file ``path`` or, when ``lock_bytes`` is given, into that ILockBytes
    (StgCreateDocfileOnILockBytes).
    """

    __slots__ = ("__weakref__", "lock_bytes", "path", "root", "transacted", "writable")

    def __init__(
        self, path: str, root: _Node, mode: int, lock_bytes: LockBytesPointer | None = None
    ) -> None:
        self.path = path
        self.lock_bytes = lock_bytes
        self.root = root
        self.transacted = bool(mode & _TRANSACTED)
        self.writable = _writes(mode)

    def changed(self) -> None:
        """A change was made: a direct file is written now."""
        if not self.transacted:
            self.write()

    def write(self) -> None:
        """Write the tree to the file (a new file, renamed over the old one)."""
        with KERNEL_LOCK:
            body = json.dumps(self.root.to_json()).encode()
        if self.lock_bytes is not None:
            self.lock_bytes.set_size(0)
            self.lock_bytes.write_at(0, SIGNATURE + MARKER + body)
            return
        folder = os.path.dirname(os.path.abspath(self.path))
        import tempfile  # only a saved docfile needs it (a server starts faster)

        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".docfile-")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(SIGNATURE + MARKER + body)
            os.replace(temporary, self.path)
        except BaseException:
            os.unlink(temporary)
            raise

    def reread(self) -> None:
        """Throw away uncommitted changes (Revert of a transacted root)."""
        fresh = _parse(_lock_bytes_data(self.lock_bytes)) if self.lock_bytes else _read(self.path)
        with KERNEL_LOCK:
            self.root.children = fresh.children
            self.root.clsid, self.root.state_bits = fresh.clsid, fresh.state_bits


def _parse(data: bytes) -> _Node:
    return _Node.from_json(json.loads(data[len(SIGNATURE) + len(MARKER) :]))


def _read(path: str) -> _Node:
    with open(path, "rb") as file:
        return _parse(file.read())


def _lock_bytes_data(lock_bytes: LockBytesPointer) -> bytes:
    return lock_bytes.read_at(0, int(lock_bytes.stat()[2]))


def is_docfile(path: str) -> bool:
    """Whether the file at ``path`` is a compound file written by this module."""
    try:
        with open(path, "rb") as file:
            return file.read(len(SIGNATURE) + len(MARKER)) == SIGNATURE + MARKER
    except OSError:
        return False


def docfile_class(path: str) -> str:
    """The class ID of the root storage of a compound file written here."""
    return _read(path).clsid


def _stat(
    name: str | None, kind: int, size: int, mode: int, clsid: str, bits: int
) -> tuple[Any, ...]:
    when = FACES.time_type(1601, 1, 1, tzinfo=FACES.utc())
    return (name, kind, size, when, when, when, mode, 0, FACES.iid(clsid), bits, 0)


class _ElementStream(MemoryStream):
    """A stream of a compound file: its bytes are the tree's; writing marks the file changed."""

    __slots__ = ("_file", "_mode", "_name")

    def __init__(self, node: _Node, file: _File, mode: int) -> None:
        super().__init__(_buffer=node.buffer)
        self._file = file
        self._mode = mode
        self._name = node.name

    def call(self, method: str, args: tuple[Any, ...], returns: str = "") -> Any:  # noqa: ANN401
        """IStream's methods; writing needs write access, and reaches the file."""
        if method in ("Write", "SetSize"):
            if not _writes(self._mode):
                raise _error(STG_E_ACCESSDENIED, f"the stream {self._name!r} was opened to read")
            result = super().call(method, args, returns)
            self._file.changed()
            return result
        if method == "Stat":
            size = len(self._buffer.data)
            return _stat(self._name, STGTY_STREAM, size, self._mode, _NULL_CLSID, 0)
        return super().call(method, args, returns)


class Storage:
    """A storage of a compound file (IStorage): its elements, class ID and state bits."""

    __slots__ = ("__weakref__", "_file", "_mode", "_node")

    def __init__(self, node: _Node, file: _File, mode: int) -> None:
        self._node = node
        self._file = file
        self._mode = mode

    def resolve(self, iid: str) -> InterfacePointer | None:
        """QueryInterface: IStorage, IUnknown, and IPropertySetStorage (its streams' sets)."""
        if iid == IID_IPROPERTYSETSTORAGE:
            sets = StorageSets(self._node, self._file, _new_stream)
            return PropertySetStorage(sets, self._mode).pointer()
        if iid not in (IID_IUNKNOWN, IID_ISTORAGE):
            raise NoInterfaceError(f"a storage does not implement {iid}")
        return None

    def call(self, method: str, args: tuple[Any, ...], returns: str = "") -> Any:  # noqa: ANN401
        """Run the IStorage method ``method`` by its COM name."""
        found = getattr(self, "_" + method, None)
        if found is None:
            raise _error(STG_E_INVALIDFUNCTION, f"a storage has no {method}")
        return found(*args)

    def pointer(self) -> InterfacePointer:
        """An IStorage pointer to this storage (valid in every apartment)."""
        return make_pointer(self, neutral(), IID_ISTORAGE)

    # -- IStorage ------------------------------------------------------------------------

    def _children(self) -> dict[str, _Node]:
        children = self._node.children
        assert children is not None
        return children

    def _element_mode(self, mode: int, create: bool) -> int:
        if mode & _SHARE_MASK != _SHARE_EXCLUSIVE:
            raise _error(STG_E_INVALIDFLAG, "an element is opened with STGM_SHARE_EXCLUSIVE")
        if (create or _writes(mode)) and not _writes(self._mode):
            raise _error(STG_E_ACCESSDENIED, "the storage was opened to read")
        return mode

    def _create(self, name: str, mode: int, stream: bool) -> _Node:
        name = _check_name(name)
        self._element_mode(mode, create=True)
        children = self._children()
        with KERNEL_LOCK:
            old = children.get(name.upper())
            if old is not None and not mode & _CREATE:
                raise _error(STG_E_FILEALREADYEXISTS, f"{name!r} exists (STGM_CREATE replaces it)")
            node = children[name.upper()] = _Node(name, stream)
        self._file.changed()
        return node

    def _open(self, name: str, mode: int, stream: bool) -> _Node:
        name = _check_name(name)
        self._element_mode(mode, create=False)
        node = self._children().get(name.upper())
        if node is None or (node.buffer is not None) != stream:
            kind = "stream" if stream else "storage"
            raise _error(STG_E_FILENOTFOUND, f"no {kind} named {name!r}")
        return node

    def _CreateStream(self, name: str, mode: int) -> InterfacePointer:  # noqa: N802
        node = self._create(name, mode, stream=True)
        return _ElementStream(node, self._file, mode).pointer()

    def _OpenStream(self, name: str, mode: int) -> InterfacePointer:  # noqa: N802
        node = self._open(name, mode, stream=True)
        return _ElementStream(node, self._file, mode).pointer()

    def _CreateStorage(self, name: str, mode: int) -> InterfacePointer:  # noqa: N802
        node = self._create(name, mode, stream=False)
        return Storage(node, self._file, mode).pointer()

    def _OpenStorage(self, name: str, mode: int) -> InterfacePointer:  # noqa: N802
        node = self._open(name, mode, stream=False)
        return Storage(node, self._file, mode).pointer()

    def _DestroyElement(self, name: str) -> None:  # noqa: N802
        name = _check_name(name)
        if not _writes(self._mode):
            raise _error(STG_E_ACCESSDENIED, "the storage was opened to read")
        with KERNEL_LOCK:
            if self._children().pop(name.upper(), None) is None:
                raise _error(STG_E_FILENOTFOUND, f"no element named {name!r}")
        self._file.changed()

    def _RenameElement(self, old: str, new: str) -> None:  # noqa: N802
        old, new = _check_name(old), _check_name(new)
        if not _writes(self._mode):
            raise _error(STG_E_ACCESSDENIED, "the storage was opened to read")
        children = self._children()
        with KERNEL_LOCK:
            node = children.get(old.upper())
            if node is None:
                raise _error(STG_E_FILENOTFOUND, f"no element named {old!r}")
            if new.upper() in children and new.upper() != old.upper():
                raise _error(STG_E_ACCESSDENIED, f"an element named {new!r} exists")
            del children[old.upper()]
            node.name = new
            children[new.upper()] = node
        self._file.changed()

    def _CopyTo(self, exclude: tuple[str, ...], dest: object) -> None:  # noqa: N802
        """Copy every element (and the class ID) into ``dest``, merging with what it holds.

        Windows' (and Wine's) rules: a stream of ``dest`` with an element's name is replaced;
        a storage is merged, element by element; ``exclude`` (IIDs) leaves out every storage
        (IID_IStorage) or every stream (IID_IStream) of this level.
        """
        target = getattr(dest, "_target", None)
        if not isinstance(target, Storage):
            raise _error(
                STG_E_INVALIDPARAMETER, "the destination is no storage of a compound file made here"
            )
        if not _writes(target._mode):
            raise _error(STG_E_ACCESSDENIED, "the destination storage was opened to read")
        skip_storages, skip_streams = IID_ISTORAGE in exclude, IID_ISTREAM in exclude
        with KERNEL_LOCK:
            target._node.clsid = self._node.clsid
            for node in list(self._children().values()):
                if (skip_streams if node.buffer is not None else skip_storages) is False:
                    _merge(node, target._children())
        target._file.changed()

    def _EnumElements(self) -> InterfacePointer:  # noqa: N802
        with KERNEL_LOCK:
            nodes = list(self._children().values())
        items = [_stat_of(node) for node in nodes]
        return _StatEnumerator(items).pointer()

    def _Stat(self, flags: int = 0) -> tuple[Any, ...]:  # noqa: N802
        node = self._node
        name = self._file.path if node is self._file.root else node.name
        return _stat(name, STGTY_STORAGE, 0, self._mode, node.clsid, node.state_bits)

    def _SetClass(self, clsid: object) -> None:  # noqa: N802
        text = iid_text(clsid)
        if not _writes(self._mode):
            raise _error(STG_E_ACCESSDENIED, "the storage was opened to read")
        self._node.clsid = text
        self._file.changed()

    def _SetStateBits(self, bits: int, mask: int) -> None:  # noqa: N802
        node = self._node
        node.state_bits = (node.state_bits & ~mask | bits & mask) & 0xFFFFFFFF
        self._file.changed()

    def _Commit(self, flags: int = 0) -> None:  # noqa: N802
        if self._file.writable:
            self._file.write()

    def _Revert(self) -> None:  # noqa: N802
        if self._file.transacted and self._node is self._file.root:
            self._file.reread()


def _merge(node: _Node, into: dict[str, _Node]) -> None:
    """Copy ``node`` into the children ``into``: a stream replaces, a storage merges."""
    old = into.get(node.name.upper())
    if node.children is None or old is None or old.children is None:
        into[node.name.upper()] = _Node.from_json(node.to_json())
        return
    old.clsid = node.clsid
    for child in node.children.values():
        _merge(child, old.children)


def _stat_of(node: _Node) -> tuple[Any, ...]:
    if node.buffer is not None:
        return _stat(node.name, STGTY_STREAM, len(node.buffer.data), 0, _NULL_CLSID, 0)
    return _stat(node.name, STGTY_STORAGE, 0, 0, node.clsid, node.state_bits)


class _StatEnumerator(SequenceEnumerator):
    """IEnumSTATSTG: the STATSTG of each element."""

    __slots__ = ()
    IID = IID_IENUMSTATSTG
    WHAT = "storage element"


for _cls in (Storage, _ElementStream, _StatEnumerator):
    make_agile(_cls)


def create_docfile(path: str | None, mode: int) -> StoragePointer:
    """Create a compound file at ``path`` (a new temporary file if None) (StgCreateDocfile).

    Raises:
        ComError: STG_E_INVALIDFLAG (no write access, or a direct file not opened
            STGM_SHARE_EXCLUSIVE), STG_E_FILEALREADYEXISTS (the file exists and STGM_CREATE
            was not given), STG_E_PATHNOTFOUND, STG_E_ACCESSDENIED.
    """
    mode = _creation_mode(mode)
    if path is None:
        import tempfile  # only a temporary docfile needs it

        handle, path = tempfile.mkstemp(prefix="~stg", suffix=".tmp")
        os.close(handle)
        mode |= _CREATE
    if os.path.isdir(path):
        raise _error(STG_E_ACCESSDENIED, f"{path!r} is a directory")
    if os.path.exists(path) and not mode & _CREATE:
        raise _error(STG_E_FILEALREADYEXISTS, f"{path!r} exists (STGM_CREATE replaces it)")
    if not os.path.isdir(os.path.dirname(os.path.abspath(path))):
        raise _error(STG_E_PATHNOTFOUND, f"the folder of {path!r} does not exist")
    file = _File(path, _Node("Root Entry", stream=False), mode)
    file.write()  # the file exists at once, in either mode
    pointer: StoragePointer = Storage(file.root, file, mode).pointer()  # type: ignore[assignment]
    return pointer


def open_docfile(path: str, mode: int) -> StoragePointer:
    """Open a compound file this module wrote (StgOpenStorage; ``_storage`` checks first)."""
    file = _File(path, _read(path), mode & 0xFFFFFFFF)
    pointer: StoragePointer = Storage(file.root, file, mode & 0xFFFFFFFF).pointer()  # type: ignore[assignment]
    return pointer


class StoragePointer(InterfacePointer):
    """An IStorage pointer: the elements of a storage of a compound file."""

    __slots__ = ()

    def create_stream(self, name: str, mode: int) -> InterfacePointer:
        """Create (STGM_CREATE: replace) the stream ``name``; return it (an IStream)."""
        found: InterfacePointer = self._call("CreateStream", name, mode)
        return found

    def open_stream(self, name: str, mode: int) -> InterfacePointer:
        """Open the stream ``name`` (STG_E_FILENOTFOUND if there is none)."""
        found: InterfacePointer = self._call("OpenStream", name, mode)
        return found

    def create_storage(self, name: str, mode: int) -> StoragePointer:
        """Create (STGM_CREATE: replace) the storage ``name``; return it."""
        found: StoragePointer = self._call("CreateStorage", name, mode)
        return found

    def open_storage(self, name: str, mode: int) -> StoragePointer:
        """Open the storage ``name`` (STG_E_FILENOTFOUND if there is none)."""
        found: StoragePointer = self._call("OpenStorage", name, mode)
        return found

    def destroy_element(self, name: str) -> None:
        """Remove the element ``name`` (and what it holds)."""
        self._call("DestroyElement", name)

    def rename_element(self, old: str, new: str) -> None:
        """Rename the element ``old`` to ``new`` (STG_E_ACCESSDENIED if ``new`` exists)."""
        self._call("RenameElement", old, new)

    def copy_to(self, dest: StoragePointer, exclude: Sequence[object] = ()) -> None:
        """Copy every element and the class ID into ``dest`` (streams replace, storages merge).

        ``exclude`` holds IIDs: IID_IStorage leaves out the storages, IID_IStream the streams.
        """
        self._call("CopyTo", tuple(iid_text(iid) for iid in exclude), dest)

    def enum_elements(self) -> StatEnumeratorPointer:
        """An IEnumSTATSTG over the STATSTG of each element (iterate it)."""
        found: StatEnumeratorPointer = self._call("EnumElements")
        return found

    def stat(self, flags: int = 0) -> tuple[Any, ...]:
        """The storage's STATSTG (its name: the file's path for a root)."""
        found: tuple[Any, ...] = self._call("Stat", flags)
        return found

    def set_class(self, clsid: object) -> None:
        """Set the storage's class ID (WriteClassStg)."""
        self._call("SetClass", iid_text(clsid))

    def set_state_bits(self, bits: int, mask: int) -> None:
        """Set the state bits ``mask`` selects to ``bits``."""
        self._call("SetStateBits", bits, mask)

    def commit(self, flags: int = 0) -> None:
        """Write the file (a transacted file's changes reach it only so)."""
        self._call("Commit", flags)

    def revert(self) -> None:
        """Throw away a transacted file's changes since it was last committed."""
        self._call("Revert")


set_interface_class(IID_ISTORAGE, StoragePointer)
set_interface_class(IID_IENUMSTATSTG, StatEnumeratorPointer)


def read_class_storage(storage: StoragePointer) -> str:
    """A storage's class ID (ReadClassStg)."""
    return str(storage.stat()[8])


def write_class_storage(storage: StoragePointer, clsid: object) -> None:
    """Set a storage's class ID (WriteClassStg)."""
    storage.set_class(clsid)


def _creation_mode(mode: int) -> int:
    mode &= 0xFFFFFFFF
    if not _writes(mode) or mode & 0x3 == 0x3:
        raise _error(STG_E_INVALIDFLAG, f"mode {mode:#x}: a new compound file needs write access")
    if not mode & _TRANSACTED and mode & _SHARE_MASK != _SHARE_EXCLUSIVE:
        raise _error(STG_E_INVALIDFLAG, "a direct compound file is created STGM_SHARE_EXCLUSIVE")
    return mode


def create_docfile_on_lock_bytes(lock_bytes: LockBytesPointer, mode: int) -> StoragePointer:
    """Create a compound file in an ILockBytes (StgCreateDocfileOnILockBytes).

    Raises:
        ComError: STG_E_INVALIDFLAG (as :func:`create_docfile`), STG_E_FILEALREADYEXISTS (the
            ILockBytes holds bytes and STGM_CREATE was not given).
    """
    mode = _creation_mode(mode)
    if int(lock_bytes.stat()[2]) and not mode & _CREATE:
        raise _error(STG_E_FILEALREADYEXISTS, "the ILockBytes is not empty (STGM_CREATE)")
    file = _File("", _Node("Root Entry", stream=False), mode, lock_bytes)
    file.write()
    pointer: StoragePointer = Storage(file.root, file, mode).pointer()  # type: ignore[assignment]
    return pointer


def open_docfile_on_lock_bytes(lock_bytes: LockBytesPointer, mode: int) -> StoragePointer:
    """Open the compound file an ILockBytes holds (StgOpenStorageOnILockBytes).

    Raises:
        ComError: STG_E_FILEALREADYEXISTS (it holds no compound file of this library's),
            STG_E_INVALIDFLAG (a direct open that is not STGM_SHARE_EXCLUSIVE or
            STGM_SHARE_DENY_WRITE, as StgOpenStorage).
    """
    mode &= 0xFFFFFFFF
    if not mode & _TRANSACTED and mode & _SHARE_MASK not in (_SHARE_EXCLUSIVE, 0x20):
        raise _error(STG_E_INVALIDFLAG, f"mode {mode:#x} cannot open a storage")
    data = _lock_bytes_data(lock_bytes)
    if not data.startswith(SIGNATURE + MARKER):
        raise _error(STG_E_FILEALREADYEXISTS, "the ILockBytes holds no compound file")
    file = _File("", _parse(data), mode, lock_bytes)
    pointer: StoragePointer = Storage(file.root, file, mode).pointer()  # type: ignore[assignment]
    return pointer
