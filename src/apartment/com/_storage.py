"""Structured storage (compound files): StgOpenStorage's checks, then ``_docfile``'s files.

StgOpenStorage checks its arguments before it looks at the file, and pywin32 programs (and
pywin32's own tests) rely on those refusals. :func:`open_storage` makes the same checks in the
same order and fails with the same STG_E_* HRESULT; a file that passes them is opened if
this library wrote it (:mod:`._docfile`); one Windows wrote (MS-CFB) cannot be read here.
"""

from __future__ import annotations

import os
from typing import Any

from ..errors import (
    E_NOINTERFACE,
    E_NOTIMPL,
    STG_E_ACCESSDENIED,
    STG_E_FILEALREADYEXISTS,
    STG_E_FILENOTFOUND,
    STG_E_INVALIDFLAG,
    STG_E_INVALIDNAME,
    STG_E_INVALIDPARAMETER,
    STG_E_PATHNOTFOUND,
    ComError,
)
from ._docfile import is_docfile, open_docfile

__all__ = [
    "STGM_READ", "STGM_WRITE", "STGM_READWRITE", "STGM_SHARE_EXCLUSIVE",
    "STGM_SHARE_DENY_WRITE", "STGM_SHARE_DENY_READ", "STGM_SHARE_DENY_NONE", "STGM_CREATE",
    "STGM_CONVERT", "STGM_TRANSACTED", "STGM_PRIORITY", "STGM_SIMPLE", "open_storage",
    "open_storage_ex", "STGFMT_STORAGE", "STGFMT_FILE", "STGFMT_ANY", "STGFMT_DOCFILE",
]  # fmt: skip

STGM_READ = 0x0
STGM_WRITE = 0x1
STGM_READWRITE = 0x2
STGM_SHARE_EXCLUSIVE = 0x10
STGM_SHARE_DENY_WRITE = 0x20
STGM_SHARE_DENY_READ = 0x30
STGM_SHARE_DENY_NONE = 0x40
STGM_CREATE = 0x1000
STGM_CONVERT = 0x20000
STGM_TRANSACTED = 0x10000
STGM_PRIORITY = 0x40000
STGM_SIMPLE = 0x8000000
_STGM_NOSCRATCH = 0x100000
_STGM_NOSNAPSHOT = 0x200000
_STGM_DIRECT_SWMR = 0x400000
_STGM_DELETEONRELEASE = 0x4000000
_KNOWN = (
    0x3 | 0x70 | STGM_CREATE | STGM_CONVERT | STGM_TRANSACTED | STGM_PRIORITY | STGM_SIMPLE
    | _STGM_NOSCRATCH | _STGM_NOSNAPSHOT | _STGM_DIRECT_SWMR | _STGM_DELETEONRELEASE
)  # fmt: skip
_COMPOUND_FILE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _mode_is_valid(mode: int) -> bool:
    """Whether StgOpenStorage accepts ``mode`` (a 32-bit STGM value)."""
    if mode & ~_KNOWN or mode & 0x3 == 0x3:
        return False  # unknown bits, or no such access mode
    if mode & (STGM_CREATE | STGM_CONVERT | STGM_SIMPLE):
        return False  # flags for creating a storage, not opening one
    share = mode & 0x70
    if mode & (STGM_TRANSACTED | STGM_PRIORITY):
        return True  # a transacted open takes any share mode, none included
    # A direct open must keep others from writing under it.
    return share in (STGM_SHARE_EXCLUSIVE, STGM_SHARE_DENY_WRITE)


def open_storage(path: str | None, mode: int, reserved: int = 0) -> Any:  # noqa: ANN401
    """Open the compound file at ``path`` (one ``_docfile`` wrote), as StgOpenStorage checks.

    Args:
        path: the file; None is refused (STG_E_INVALIDNAME).
        mode: STGM flags; a direct open needs STGM_SHARE_EXCLUSIVE or STGM_SHARE_DENY_WRITE,
            and no creation flag (STG_E_INVALIDFLAG).
        reserved: must be 0 (STG_E_INVALIDPARAMETER).

    Raises:
        ComError: STG_E_INVALIDNAME, STG_E_INVALIDFLAG, STG_E_INVALIDPARAMETER,
            STG_E_PATHNOTFOUND (an empty path), STG_E_FILENOTFOUND, STG_E_ACCESSDENIED (a
            directory), STG_E_FILEALREADYEXISTS (a file that is no compound file), or E_NOTIMPL
            (a compound file Windows wrote: this library reads only its own).
    """
    if path is None:
        raise ComError.from_hresult(STG_E_INVALIDNAME, "StgOpenStorage needs a file name")
    if not _mode_is_valid(mode & 0xFFFFFFFF):
        raise ComError.from_hresult(
            STG_E_INVALIDFLAG,
            f"mode {mode:#x} cannot open a storage: a direct open needs STGM_SHARE_EXCLUSIVE "
            "or STGM_SHARE_DENY_WRITE, and STGM_CREATE belongs to StgCreateDocfile",
        )
    if reserved:
        raise ComError.from_hresult(STG_E_INVALIDPARAMETER, "the reserved argument must be 0")
    if not path:
        raise ComError.from_hresult(STG_E_PATHNOTFOUND, "the file name is empty")
    if os.path.isdir(path):
        raise ComError.from_hresult(STG_E_ACCESSDENIED, f"{path!r} is a directory")
    try:
        with open(path, "rb") as file:
            head = file.read(len(_COMPOUND_FILE_SIGNATURE))
    except FileNotFoundError:
        raise ComError.from_hresult(STG_E_FILENOTFOUND, f"{path!r} does not exist") from None
    except PermissionError:
        raise ComError.from_hresult(STG_E_ACCESSDENIED, f"{path!r} cannot be read") from None
    if head != _COMPOUND_FILE_SIGNATURE:
        raise ComError.from_hresult(STG_E_FILEALREADYEXISTS, f"{path!r} is no compound file")
    if is_docfile(path):
        return open_docfile(path, mode)
    raise ComError.from_hresult(
        E_NOTIMPL, "compound files made by Windows (MS-CFB) cannot be read here"
    )


STGFMT_STORAGE = 0
STGFMT_FILE = 3
STGFMT_ANY = 4
STGFMT_DOCFILE = 5


def open_storage_ex(path: str | None, mode: int, stgfmt: int, iid: str) -> Any:  # noqa: ANN401
    """StgOpenStorageEx: a file's property sets, or (refused) a compound file.

    ``STGFMT_FILE`` with IID_IPropertySetStorage gives the property sets of any file
    (:func:`~._propstorage.open_property_sets`); a compound file (STGFMT_STORAGE,
    STGFMT_DOCFILE, STGFMT_ANY) fails as :func:`open_storage` does.

    Raises:
        ComError: STG_E_INVALIDNAME (no path), STG_E_INVALIDFLAG (an unknown format), E_NOINTERFACE
            (STGFMT_FILE gives only IPropertySetStorage), or what the opening raises.
    """
    from ._propstorage import IID_IPROPERTYSETSTORAGE, open_property_sets

    if path is None:
        raise ComError.from_hresult(STG_E_INVALIDNAME, "StgOpenStorageEx needs a file name")
    if stgfmt == STGFMT_FILE:
        if iid != IID_IPROPERTYSETSTORAGE:
            raise ComError.from_hresult(
                E_NOINTERFACE, "a plain file (STGFMT_FILE) gives only IPropertySetStorage"
            )
        return open_property_sets(path, mode)
    if stgfmt in (STGFMT_STORAGE, STGFMT_ANY, STGFMT_DOCFILE):
        open_storage(path, mode)
    raise ComError.from_hresult(STG_E_INVALIDFLAG, f"unknown storage format {stgfmt}")
