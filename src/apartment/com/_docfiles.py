"""Compound files told apart unopened (StgIsStorageFile, GetClassFile); StgCreateStorageEx.

StgCreateStorageEx makes a plain file with property sets (STGFMT_FILE).

A compound file (OLE structured storage, MS-CFB) starts with an 8-byte signature; its root
directory entry holds the class ID of the document. Both are read here from the file's bytes,
so files made by Windows answer as they do there. Reading or writing the storages and streams
inside one is not supported (``_storage``).
"""

from __future__ import annotations

import os
import struct
import uuid
from typing import Any

from ..errors import (
    E_NOTIMPL,
    MK_E_CANTOPENFILE,
    MK_E_INVALIDEXTENSION,
    STG_E_ACCESSDENIED,
    STG_E_FILEALREADYEXISTS,
    STG_E_FILENOTFOUND,
    STG_E_INVALIDFLAG,
    STG_E_INVALIDNAME,
    ComError,
)
from ._docfile import docfile_class, is_docfile
from ._propsets import FileSets
from ._storage import open_storage_ex

__all__ = ["is_storage_file", "class_of_file", "create_storage_ex"]

_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HEADER = 512
_STGM_CREATE = 0x1000
_STGFMT_FILE = 3
_NULL_CLSID = "{00000000-0000-0000-0000-000000000000}"


def _read_head(path: str, size: int) -> bytes:
    try:
        with open(path, "rb") as file:
            return file.read(size)
    except FileNotFoundError:
        raise ComError.from_hresult(STG_E_FILENOTFOUND, f"{path!r} does not exist") from None
    except IsADirectoryError:
        raise ComError.from_hresult(STG_E_ACCESSDENIED, f"{path!r} is a directory") from None
    except PermissionError:
        raise ComError.from_hresult(STG_E_ACCESSDENIED, f"{path!r} cannot be read") from None


def is_storage_file(path: str) -> bool:
    """Whether the file at ``path`` is a compound file (StgIsStorageFile: S_OK or S_FALSE).

    Raises:
        ComError: STG_E_FILENOTFOUND, STG_E_ACCESSDENIED.
        TypeError: ``path`` is not a str.
    """
    if not isinstance(path, str):
        raise TypeError(f"Objects of type '{type(path).__name__}' can not be converted to Unicode.")
    return _read_head(path, len(_SIGNATURE)) == _SIGNATURE


def class_of_file(path: str) -> str:
    """The CLSID of the document at ``path`` (GetClassFile).

    A compound file's class is its root storage's. For other files Windows looks the
    extension up in HKEY_CLASSES_ROOT; the class registry here has no extensions, so any
    other file fails with MK_E_INVALIDEXTENSION, as an unregistered extension does there.

    Raises:
        ComError: MK_E_CANTOPENFILE (no such file), MK_E_INVALIDEXTENSION.
    """
    try:
        head = _read_head(path, _HEADER)
    except ComError:
        raise ComError.from_hresult(MK_E_CANTOPENFILE, f"cannot open {path!r}") from None
    if is_docfile(path):  # one this library wrote
        return docfile_class(path)
    if head[: len(_SIGNATURE)] != _SIGNATURE or len(head) < _HEADER:
        raise ComError.from_hresult(
            MK_E_INVALIDEXTENSION,
            f"{path!r} is no compound file, and no class is registered for its extension",
        )
    sector_shift, first_directory = struct.unpack_from("<H", head, 0x1E)[0], head[0x30:0x34]
    sector = 1 << sector_shift
    offset = (int.from_bytes(first_directory, "little") + 1) * sector + 0x50  # root's CLSID
    try:
        with open(path, "rb") as file:
            file.seek(offset)
            clsid = file.read(16)
    except OSError:
        clsid = b""
    if len(clsid) < 16:
        return _NULL_CLSID
    return "{" + str(uuid.UUID(bytes_le=clsid)).upper() + "}"


def create_storage_ex(path: str | None, mode: int, stgfmt: int, iid: str) -> Any:  # noqa: ANN401
    """StgCreateStorageEx: a new file with property sets (STGFMT_FILE); no compound files.

    STGFMT_FILE with IID_IPropertySetStorage creates the file (empty, with no property sets;
    STGM_CREATE replaces one that exists, else STG_E_FILEALREADYEXISTS) and gives its
    property sets. Creating a compound
    file (STGFMT_STORAGE, STGFMT_DOCFILE) fails with E_NOTIMPL: this library writes none.

    Raises:
        ComError: STG_E_INVALIDNAME, STG_E_FILEALREADYEXISTS, STG_E_INVALIDFLAG, E_NOTIMPL,
            or what opening the property sets raises.
    """
    if path is None:
        raise ComError.from_hresult(STG_E_INVALIDNAME, "StgCreateStorageEx needs a file name")
    if stgfmt != _STGFMT_FILE:
        if stgfmt in (0, 5):
            raise ComError.from_hresult(
                E_NOTIMPL, "compound files (structured storage) cannot be created here"
            )
        raise ComError.from_hresult(STG_E_INVALIDFLAG, f"unknown storage format {stgfmt}")
    flags = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if mode & _STGM_CREATE else os.O_EXCL)
    try:
        os.close(os.open(path, flags, 0o666))
    except FileExistsError:
        raise ComError.from_hresult(STG_E_FILEALREADYEXISTS, f"{path!r} exists") from None
    except FileNotFoundError:
        raise ComError.from_hresult(STG_E_FILENOTFOUND, f"no folder for {path!r}") from None
    except PermissionError:
        raise ComError.from_hresult(STG_E_ACCESSDENIED, f"cannot create {path!r}") from None
    sets = FileSets(path)
    for fmtid in sets.fmtids():  # a replaced file is a new one: no sets of the old
        sets.delete(fmtid)
    return open_storage_ex(path, mode & ~_STGM_CREATE, stgfmt, iid)
