"""Objects saved in streams: a class ID, then the object's own data.

``WriteClassStm``/``ReadClassStm`` write and read a CLSID as 16 bytes (the GUID's memory
layout); ``OleSaveToStream`` writes an IPersistStream object's class and then has the object
save itself; ``OleLoadFromStream`` reads the class, creates an object of it and has it load the
rest. A stream that ends before 16 bytes fails with STG_E_READFAULT, as on Windows.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from ..errors import STG_E_READFAULT, ComError
from ._activation import create_interface
from ._docfile import read_class_storage
from ._iids import IID_IPERSISTSTORAGE, IID_IPERSISTSTREAM, iid_text

if TYPE_CHECKING:
    from ._docfile import StoragePointer
    from ._typed import PersistStoragePointer, PersistStreamPointer, StreamPointer

__all__ = ["write_class", "read_class", "save_to_stream", "load_from_stream", "load_from_storage"]

_CLSCTX_SERVER = 0x15  # in-process, local and remote servers: what OleLoad asks for


def write_class(stream: StreamPointer, clsid: object) -> None:
    """Write ``clsid`` (16 bytes) at the stream's position (WriteClassStm)."""
    stream.write(uuid.UUID(iid_text(clsid)).bytes_le)


def read_class(stream: StreamPointer) -> str:
    """Read a CLSID (16 bytes) from the stream's position (ReadClassStm).

    Raises:
        ComError: STG_E_READFAULT if the stream ends first.
    """
    data = stream.read(16)
    if len(data) < 16:
        raise ComError.from_hresult(
            STG_E_READFAULT, f"the stream ended after {len(data)} of a CLSID's 16 bytes"
        )
    return "{" + str(uuid.UUID(bytes_le=data)).upper() + "}"


def save_to_stream(obj: PersistStreamPointer, stream: StreamPointer) -> None:
    """Write the object's class, then have it save itself (OleSaveToStream; clears dirty)."""
    write_class(stream, obj.get_class_id())
    obj.save(stream, True)


def load_from_stream(stream: StreamPointer, iid: object) -> Any:  # noqa: ANN401
    """Create the object a stream holds and have it load itself (OleLoadFromStream).

    Returns:
        Its ``iid`` interface.

    Raises:
        ComError: STG_E_READFAULT (no class in the stream), what creating the class raises
            (REGDB_E_CLASSNOTREG...), E_NOINTERFACE (not an IPersistStream object, or no
            ``iid``), or what its Load raises.
    """
    clsid = read_class(stream)
    created: PersistStreamPointer = create_interface(clsid, _CLSCTX_SERVER, IID_IPERSISTSTREAM)  # type: ignore[assignment]
    created.load(stream)
    return created.query_interface(iid)


def load_from_storage(storage: StoragePointer, iid: object) -> Any:  # noqa: ANN401
    """Create the object a storage holds and have it load itself (OleLoad).

    The storage's class ID names the class; the new object is asked for IPersistStorage and
    loads from ``storage``. (Windows' OleLoad then gives an IOleObject its client site; no
    object here is an OLE embedding, so there is no site to give.)

    Returns:
        Its ``iid`` interface.

    Raises:
        ComError: what creating the class raises (REGDB_E_CLASSNOTREG for a storage whose
            class is not registered, or has none), E_NOINTERFACE (not an IPersistStorage
            object, or no ``iid``), or what its Load raises.
    """
    clsid = read_class_storage(storage)
    created: PersistStoragePointer = create_interface(clsid, _CLSCTX_SERVER, IID_IPERSISTSTORAGE)  # type: ignore[assignment]
    created.load(storage)
    return created.query_interface(iid)
