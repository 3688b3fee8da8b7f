"""Property sets (IPropertyStorage's data): typed values, names, and where a file keeps them.

A property set is a small table named by a format ID (FMTID): property IDs (PROPIDs) map to
typed values (PROPVARIANTs) and, optionally, to names. Windows keeps the property sets of a
plain file (``StgOpenStorageEx(..., STGFMT_FILE, ...)``) in NTFS alternate data streams, one
per set, named by :func:`fmtid_to_name`. Linux's analogue is the extended attribute: here each
set is the user attribute ``user.ole.<name>`` of the file, holding this module's own encoding
(JSON), so the sets stay with the file when it is copied or renamed. A file system without user
extended attributes refuses them (STG_E_INVALIDFUNCTION, as a FAT volume does on Windows).

The user-defined properties (FMTID_UserDefinedProperties) are the second section of the
document summary set on Windows: creating them creates that set, enumerating shows only it,
and deleting it deletes them too. This module keeps them beside it and follows those rules.
"""

from __future__ import annotations

import datetime
import decimal
import errno
import json
import os
import uuid
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..errors import (
    STG_E_ACCESSDENIED,
    STG_E_FILENOTFOUND,
    STG_E_INVALIDFUNCTION,
    STG_E_INVALIDNAME,
    ComError,
)
from ._faces import FACES
from ._iids import iid_text

__all__ = [
    "FMTID_SUMMARY_INFORMATION", "FMTID_DOC_SUMMARY_INFORMATION", "FMTID_USER_DEFINED_PROPERTIES",
    "PropertySet", "PropertySets", "FileSets", "fmtid_to_name", "name_to_fmtid", "to_propvariant",
    "from_propvariant",
]  # fmt: skip

FMTID_SUMMARY_INFORMATION = "{F29F85E0-4FF9-1068-AB91-08002B27B3D9}"
FMTID_DOC_SUMMARY_INFORMATION = "{D5CDD502-2E9C-101B-9397-08002B2CF9AE}"
FMTID_USER_DEFINED_PROPERTIES = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
_WELL_KNOWN = {
    FMTID_SUMMARY_INFORMATION: "SummaryInformation",
    FMTID_DOC_SUMMARY_INFORMATION: "DocumentSummaryInformation",
    FMTID_USER_DEFINED_PROPERTIES: "DocumentSummaryInformation",
    "{56616F00-C154-11CE-8553-00AA00A1F95B}": "GlobalInfo",
    "{56616400-C154-11CE-8553-00AA00A1F95B}": "ImageContents",
    "{56616500-C154-11CE-8553-00AA00A1F95B}": "ImageInfo",
}
_BY_NAME = {
    name.upper(): fmtid
    for fmtid, name in _WELL_KNOWN.items()
    if fmtid != FMTID_USER_DEFINED_PROPERTIES
}
_ALPHABET = "abcdefghijklmnopqrstuvwxyz012345"
_NAME_LENGTH = 26  # 128 bits, five at a time


def fmtid_to_name(fmtid: str) -> str:
    r"""The name of a property set's stream (FmtIdToPropStgName): ``"\x05"`` and 26 characters.

    Well-known sets have names of their own; any other FMTID is written five bits at a time
    (its bytes in memory order, low bits first) in ``a-z0-5``, a letter that starts at a byte
    boundary in upper case.
    """
    known = _WELL_KNOWN.get(fmtid)
    if known is not None:
        return "\x05" + known
    value = int.from_bytes(uuid.UUID(fmtid).bytes_le, "little")
    chars = []
    for index in range(_NAME_LENGTH):
        char = _ALPHABET[value >> (5 * index) & 0x1F]
        chars.append(char.upper() if (5 * index) % 8 == 0 else char)
    return "\x05" + "".join(chars)


def name_to_fmtid(name: str) -> str:
    """The FMTID a property set's stream name stands for (PropStgNameToFmtId).

    Raises:
        ComError: STG_E_INVALIDNAME for a name no FMTID has.
    """
    body = name[1:] if name.startswith("\x05") else None
    if body is None:
        raise ComError.from_hresult(STG_E_INVALIDNAME, f"{name!r} is no property set name")
    known = _BY_NAME.get(body.upper())
    if known is not None:
        return known
    if len(body) != _NAME_LENGTH or any(c not in _ALPHABET for c in body.lower()):
        raise ComError.from_hresult(STG_E_INVALIDNAME, f"{name!r} is no property set name")
    value = sum(_ALPHABET.index(c) << (5 * i) for i, c in enumerate(body.lower()))
    if value >> 128:
        raise ComError.from_hresult(STG_E_INVALIDNAME, f"{name!r} is no property set name")
    return "{" + str(uuid.UUID(bytes_le=value.to_bytes(16, "little"))).upper() + "}"


# -- values ----------------------------------------------------------------------------------

VT_EMPTY, VT_I4, VT_R8, VT_CY, VT_BSTR, VT_BOOL, VT_I8 = 0, 3, 5, 6, 8, 11, 20
VT_FILETIME, VT_BLOB, VT_CLSID, VT_VECTOR, VT_VARIANT = 64, 65, 72, 0x1000, 12
_EPOCH = datetime.datetime(1601, 1, 1, tzinfo=datetime.timezone.utc)


def to_propvariant(value: object) -> tuple[int, Any]:
    """A Python value as the PROPVARIANT pywin32 makes of it: ``(vt, value)``.

    Raises:
        TypeError: a value no PROPVARIANT holds.
    """
    if isinstance(value, bool):
        return VT_BOOL, value
    if isinstance(value, int):
        return (VT_I4, value) if -(2**31) <= value < 2**31 else (VT_I8, value)
    if isinstance(value, float):
        return VT_R8, value
    if isinstance(value, str):
        return VT_BSTR, str(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return VT_BLOB, bytes(value)
    if isinstance(value, datetime.datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=_EPOCH.tzinfo)
        return VT_FILETIME, aware
    if isinstance(value, decimal.Decimal):
        return VT_CY, value
    if isinstance(value, FACES.iid_type):
        return VT_CLSID, iid_text(value)
    if isinstance(value, (list, tuple)):
        return VT_VECTOR | VT_VARIANT, [to_propvariant(item) for item in value]
    raise TypeError(f"Unsupported object for PROPVARIANT: {type(value).__name__}")


def from_propvariant(vt: int, value: Any) -> Any:  # noqa: ANN401
    """The Python value a PROPVARIANT is read as (dates in the face's time class)."""
    if vt == VT_FILETIME:
        when: datetime.datetime = value.astimezone(datetime.timezone.utc)
        return FACES.time_type(
            when.year, when.month, when.day, when.hour, when.minute, when.second,
            when.microsecond, tzinfo=FACES.utc(),
        )  # fmt: skip
    if vt == VT_CLSID:
        return FACES.iid(value)
    if vt == VT_VECTOR | VT_VARIANT:
        return tuple(from_propvariant(*item) for item in value)
    return value


def _encode(vt: int, value: Any) -> Any:  # noqa: ANN401
    """A PROPVARIANT's value as JSON."""
    if vt == VT_BLOB:
        return value.hex()
    if vt == VT_FILETIME:
        return (value - _EPOCH) // datetime.timedelta(microseconds=1)
    if vt == VT_CY:
        return str(value)
    if vt == VT_VECTOR | VT_VARIANT:
        return [[item_vt, _encode(item_vt, item)] for item_vt, item in value]
    return value


def _decode(vt: int, value: Any) -> Any:  # noqa: ANN401
    """A PROPVARIANT's value from JSON (what :func:`_encode` wrote)."""
    if vt == VT_BLOB:
        return bytes.fromhex(value)
    if vt == VT_FILETIME:
        return _EPOCH + datetime.timedelta(microseconds=value)
    if vt == VT_CY:
        return decimal.Decimal(value)
    if vt == VT_VECTOR | VT_VARIANT:
        return [(item_vt, _decode(item_vt, item)) for item_vt, item in value]
    return value


@dataclass
class PropertySet:
    """One property set: its FMTID, class, flags, times, values and names.

    ``values`` maps a PROPID to its PROPVARIANT ``(vt, value)``; ``names`` a PROPID to its
    name. Times are microseconds since 1601 (FILETIME's epoch), UTC.
    """

    fmtid: str
    clsid: str = "{00000000-0000-0000-0000-000000000000}"
    flags: int = 0
    ctime: int = 0
    mtime: int = 0
    atime: int = 0
    values: dict[int, tuple[int, Any]] = field(default_factory=dict)
    names: dict[int, str] = field(default_factory=dict)

    def to_bytes(self) -> bytes:
        """This set in this module's encoding."""
        return json.dumps(
            {
                "fmtid": self.fmtid,
                "clsid": self.clsid,
                "flags": self.flags,
                "times": [self.ctime, self.mtime, self.atime],
                "values": [[pid, vt, _encode(vt, v)] for pid, (vt, v) in self.values.items()],
                "names": [[pid, name] for pid, name in self.names.items()],
            },
            separators=(",", ":"),
        ).encode()

    @classmethod
    def from_bytes(cls, data: bytes) -> PropertySet:
        """Read what :meth:`to_bytes` wrote."""
        raw = json.loads(data)
        ctime, mtime, atime = raw["times"]
        return cls(
            raw["fmtid"], raw["clsid"], raw["flags"], ctime, mtime, atime,
            {pid: (vt, _decode(vt, v)) for pid, vt, v in raw["values"]},
            dict(raw["names"]),
        )  # fmt: skip


def now() -> int:
    """The time now, in microseconds since 1601 (UTC)."""
    return (datetime.datetime.now(datetime.timezone.utc) - _EPOCH) // datetime.timedelta(
        microseconds=1
    )


def _key(fmtid: str) -> str:
    """The extended attribute of a set: its stream name's, the user-defined ones apart."""
    name = fmtid_to_name(fmtid)[1:]
    return "user.ole." + name + (".user" if fmtid == FMTID_USER_DEFINED_PROPERTIES else "")


class PropertySets(Protocol):
    """Where an IPropertySetStorage keeps its sets: a file's attributes, a docfile's streams.

    ``put`` and ``delete`` may run under the kernel lock; ``flush`` runs after it is released
    and saves what they changed, if the store saves later (a compound file does).
    """

    def get(self, fmtid: str) -> PropertySet | None: ...
    def put(self, props: PropertySet) -> None: ...
    def delete(self, fmtid: str) -> bool: ...
    def fmtids(self) -> list[str]: ...
    def flush(self) -> None: ...


class FileSets:
    """The property sets of one file, in its extended attributes (see the module docstring)."""

    __slots__ = ("path",)

    def __init__(self, path: str) -> None:
        self.path = path

    def _fail(self, error: OSError) -> ComError:
        if error.errno == errno.ENOENT:
            return ComError.from_hresult(STG_E_FILENOTFOUND, f"{self.path!r} does not exist")
        if error.errno in (errno.EACCES, errno.EPERM):
            return ComError.from_hresult(STG_E_ACCESSDENIED, f"{self.path!r}: {error.strerror}")
        return ComError.from_hresult(
            STG_E_INVALIDFUNCTION,
            f"{self.path!r} cannot hold property sets: its file system has no user extended "
            f"attributes ({error.strerror})",
        )

    def check(self) -> None:
        """Fail unless the file exists and can hold property sets."""
        try:
            os.listxattr(self.path)
        except OSError as error:
            raise self._fail(error) from None

    def get(self, fmtid: str) -> PropertySet | None:
        """The set ``fmtid``, or None if the file has none."""
        try:
            data = os.getxattr(self.path, _key(fmtid))
        except OSError as error:
            if error.errno == errno.ENODATA:
                return None
            raise self._fail(error) from None
        return PropertySet.from_bytes(data)

    def put(self, props: PropertySet) -> None:
        """Store ``props`` (replacing the set of its FMTID)."""
        try:
            os.setxattr(self.path, _key(props.fmtid), props.to_bytes())
        except OSError as error:
            raise self._fail(error) from None

    def delete(self, fmtid: str) -> bool:
        """Remove the set ``fmtid``; False if there was none."""
        try:
            os.removexattr(self.path, _key(fmtid))
        except OSError as error:
            if error.errno == errno.ENODATA:
                return False
            raise self._fail(error) from None
        return True

    def flush(self) -> None:
        """Nothing to do: each change was written to its attribute at once."""

    def fmtids(self) -> list[str]:
        """The FMTIDs of the sets the file holds (the user-defined ones included)."""
        try:
            keys = os.listxattr(self.path)
        except OSError as error:
            raise self._fail(error) from None
        found = []
        for key in sorted(keys):
            if not key.startswith("user.ole."):
                continue
            name = key[len("user.ole.") :]
            if name.endswith(".user"):
                found.append(FMTID_USER_DEFINED_PROPERTIES)
                continue
            try:
                found.append(name_to_fmtid("\x05" + name))
            except ComError:
                continue  # not a set of ours
        return found
