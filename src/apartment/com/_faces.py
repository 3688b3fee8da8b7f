"""Faces: the classes this layer gives the values it hands to Python code.

A COM value that reaches Python code (an interface pointer of some IID, an IID, a date) is
made here, so that a face layered on top (the pywin32 facade) can give it its own class:
``pythoncom``'s ``PyIStream`` for a stream pointer, ``pywintypes.IID`` for an IID,
``pywintypes.TimeType`` for a date, ``PySTGMEDIUM`` for a storage medium from another
process. The core registers its own classes; a face registers subclasses of them (an
interface class must subclass the core's, a time class must subclass
:class:`datetime.datetime`), and every value made afterwards has that class, including the
arguments a Python COM server receives.

The tables change when a face module is imported and are read on every conversion: plain
dicts and attributes, replaced whole (never mutated in place once published).
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "FACES",
    "set_interface_class",
    "set_iid_type",
    "set_time_type",
    "set_medium_class",
    "interface_class",
]


class _Faces:
    """The current faces (see the module docstring)."""

    __slots__ = ("iid", "iid_type", "interfaces", "medium", "time_type", "unknown", "utc")

    def __init__(self) -> None:
        self.interfaces: dict[str, type[Any]] = {}  # IID -> interface pointer class
        self.unknown: type[Any] | None = None  # the class for an IID with no class of its own
        self.iid: Callable[[str], object] = str  # makes the IID value a server receives
        self.iid_type: type[Any] = str  # what iid_text accepts besides str and UUID
        self.time_type: type[datetime.datetime] = datetime.datetime
        self.utc: Callable[[], datetime.tzinfo] = lambda: datetime.timezone.utc  # dates' tzinfo
        self.medium: type[Any] | None = None  # the STGMEDIUM class (None: the core's)


FACES = _Faces()


def set_interface_class(iid: str | None, cls: type[Any]) -> None:
    """Make ``cls`` the class of interface pointers of ``iid`` (None: of IUnknown faces)."""
    if iid is None:
        FACES.unknown = cls
        return
    FACES.interfaces = {**FACES.interfaces, iid: cls}


def interface_class(iid: str) -> type[Any] | None:
    """Return the class of pointers of ``iid``, or None when no class is registered for it."""
    return FACES.interfaces.get(iid)


def set_iid_type(cls: type[Any], make: Callable[[str], object]) -> None:
    """Give IIDs the class ``cls``, built by ``make(text)`` (``pywintypes.IID``)."""
    FACES.iid_type = cls
    FACES.iid = make


def set_time_type(
    cls: type[datetime.datetime], utc: Callable[[], datetime.tzinfo] | None = None
) -> None:
    """Give dates (VT_DATE) the class ``cls``, a :class:`datetime.datetime` subclass.

    ``utc`` gives the tzinfo a date carries (UTC all the same): pywin32's is
    win32timezone's ``TimeZoneInfo.utc()``; by default :data:`datetime.timezone.utc`. It is
    called for each date converted, on the converting thread.
    """
    if not issubclass(cls, datetime.datetime):
        raise TypeError(f"a time class must subclass datetime.datetime, not {cls!r}")
    FACES.time_type = cls
    if utc is not None:
        FACES.utc = utc


def set_medium_class(cls: type[Any]) -> None:
    """Give storage mediums received from another process the class ``cls`` (PySTGMEDIUM).

    ``cls`` must subclass :class:`~._medium.StorageMedium` and take no arguments.
    """
    FACES.medium = cls
