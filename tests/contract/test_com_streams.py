"""Contract: memory streams (CreateStreamOnHGlobal) and marshal data in streams.

semantics.md §7.5: CoMarshalInterThreadInterfaceInStream / CoGetInterfaceAndReleaseStream,
CoMarshalInterface / CoUnmarshalInterface / CoReleaseMarshalData and the MSHLFLAGS.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest
import pythoncom
import pywintypes
import win32com.client
import winerror
from win32com.server.util import wrap

from ._com import Echo, com_error_of, me, run_pumping

STG_E_SEEKERROR = -2147287015
STG_E_INVALIDFUNCTION = -2147287039
STG_E_READFAULT = -2147287010
RPC_E_INVALID_OBJREF = -2147417827


def stream_of(data: bytes) -> Any:
    stream = pythoncom.CreateStreamOnHGlobal()
    stream.Write(data)
    stream.Seek(0, pythoncom.STREAM_SEEK_SET)
    return stream


# --- the stream --------------------------------------------------------------------------


def test_a_new_stream_is_empty_and_writes_grow_it() -> None:
    stream = pythoncom.CreateStreamOnHGlobal()
    assert type(stream).__name__ == "PyIStream"
    assert stream.Write(b"hello world") == 11
    assert stream.Write(bytearray(b"zz")) == 2
    assert stream.Seek(0, pythoncom.STREAM_SEEK_SET) == 0
    assert stream.Read(5) == b"hello"
    assert stream.Read(100) == b" worldzz"
    assert stream.Read(10) == b""


def test_seek_from_each_origin() -> None:
    stream = stream_of(b"0123456789")
    assert stream.Seek(4, pythoncom.STREAM_SEEK_SET) == 4
    assert stream.Seek(-1, pythoncom.STREAM_SEEK_CUR) == 3
    assert stream.Seek(-2, pythoncom.STREAM_SEEK_END) == 8
    assert stream.Seek(20, pythoncom.STREAM_SEEK_SET) == 20  # past the end is allowed
    assert stream.Write(b"Z") == 1
    assert stream.Stat()[2] == 21  # the gap is filled


@pytest.mark.parametrize(("offset", "origin"), [(-1, 0), (-100, 1), (0, 7)])
def test_a_bad_seek_is_stg_e_seekerror(offset: int, origin: int) -> None:
    assert com_error_of(stream_of(b"abc").Seek, offset, origin).hresult == STG_E_SEEKERROR


def test_set_size_stat_commit_revert() -> None:
    stream = stream_of(b"abcdef")
    assert stream.SetSize(4) is None
    stat = stream.Stat()
    assert len(stat) == 11
    assert (stat[0], stat[1], stat[2]) == (None, 2, 4)  # no name, STGTY_STREAM, the size
    assert isinstance(stat[3], datetime.datetime)
    assert stat[8] == pywintypes.IID("{00000000-0000-0000-0000-000000000000}")
    assert stream.Read(10) == b"abcd"
    assert stream.Commit(0) is None
    assert stream.Revert() is None


def test_a_clone_shares_the_bytes_not_the_position() -> None:
    stream = stream_of(b"abcd")
    stream.Seek(2, 0)
    clone = stream.Clone()
    assert clone.Seek(0, pythoncom.STREAM_SEEK_CUR) == 2
    clone.Seek(0, 0)
    clone.Write(b"Q")
    stream.Seek(0, 0)
    assert stream.Read(4) == b"Qbcd"


def test_copy_to_another_stream() -> None:
    target = pythoncom.CreateStreamOnHGlobal()
    assert stream_of(b"abcd").CopyTo(target, 2) == 2
    target.Seek(0, 0)
    assert target.Read(10) == b"ab"


def test_a_memory_stream_has_no_locks_and_no_idispatch() -> None:
    stream = pythoncom.CreateStreamOnHGlobal()
    assert com_error_of(stream.LockRegion, 0, 1, 0).hresult == STG_E_INVALIDFUNCTION
    assert type(stream.QueryInterface(pythoncom.IID_IUnknown)).__name__ == "PyIUnknown"
    error = com_error_of(stream.QueryInterface, pythoncom.IID_IDispatch)
    assert error.hresult == winerror.E_NOINTERFACE


@pytest.mark.parametrize("data", ["text", 5, None], ids=repr)
def test_write_takes_bytes_only(data: Any) -> None:
    with pytest.raises(TypeError):
        pythoncom.CreateStreamOnHGlobal().Write(data)


def test_read_takes_a_positive_count() -> None:
    stream = stream_of(b"abc")
    with pytest.raises(TypeError):
        stream.Read(0)
    with pytest.raises(TypeError):
        stream.Read("x")
    assert stream.Read(-1) == b"abc"  # a DWORD: -1 reads everything


# --- marshal data ----------------------------------------------------------------------


def test_a_stream_of_marshal_data_is_read_once() -> None:
    stream = pythoncom.CoMarshalInterThreadInterfaceInStream(pythoncom.IID_IDispatch, wrap(Echo()))
    assert type(stream).__name__ == "PyIStream"
    assert stream.Seek(0, pythoncom.STREAM_SEEK_CUR) == 0
    pointer = pythoncom.CoGetInterfaceAndReleaseStream(stream, pythoncom.IID_IDispatch)
    assert type(pointer).__name__ == "PyIDispatch"
    error = com_error_of(pythoncom.CoGetInterfaceAndReleaseStream, stream, pythoncom.IID_IDispatch)
    assert error.hresult == STG_E_READFAULT  # the stream is at its end now (a used stream)
    stream.Seek(0, 0)
    error = com_error_of(pythoncom.CoGetInterfaceAndReleaseStream, stream, pythoncom.IID_IDispatch)
    assert error.hresult == winerror.CO_E_OBJNOTCONNECTED  # normal data goes with its read


def test_unmarshaled_in_its_own_apartment_a_pointer_reaches_the_same_object() -> None:
    pointer = wrap(Echo())
    stream = pythoncom.CoMarshalInterThreadInterfaceInStream(pythoncom.IID_IDispatch, pointer)
    assert pythoncom.CoGetInterfaceAndReleaseStream(stream, pythoncom.IID_IUnknown) == pointer


def test_marshaled_to_another_thread_calls_run_on_the_objects_thread() -> None:
    stream = pythoncom.CoMarshalInterThreadInterfaceInStream(pythoncom.IID_IDispatch, wrap(Echo()))

    def elsewhere() -> tuple[int, int]:
        pointer = pythoncom.CoGetInterfaceAndReleaseStream(stream, pythoncom.IID_IDispatch)
        return me(), win32com.client.Dispatch(pointer).Thread()

    worker, callee = run_pumping(elsewhere)
    assert callee == me() != worker


@pytest.mark.parametrize("flags", [pythoncom.MSHLFLAGS_TABLESTRONG, pythoncom.MSHLFLAGS_TABLEWEAK])
def test_table_marshal_data_is_read_until_released(flags: int) -> None:
    pointer = wrap(Echo())
    stream = pythoncom.CreateStreamOnHGlobal()
    assert (
        pythoncom.CoMarshalInterface(
            stream, pythoncom.IID_IDispatch, pointer, pythoncom.MSHCTX_INPROC, flags
        )
        is None
    )
    for _ in range(2):
        stream.Seek(0, 0)
        assert pythoncom.CoUnmarshalInterface(stream, pythoncom.IID_IDispatch) == pointer
    stream.Seek(0, 0)
    assert pythoncom.CoReleaseMarshalData(stream) is None
    stream.Seek(0, 0)
    error = com_error_of(pythoncom.CoUnmarshalInterface, stream, pythoncom.IID_IDispatch)
    assert error.hresult == winerror.CO_E_OBJNOTCONNECTED
    stream.Seek(0, 0)
    assert com_error_of(pythoncom.CoReleaseMarshalData, stream).hresult == RPC_E_INVALID_OBJREF


def test_normal_marshal_data_is_read_once_and_then_cannot_be_released() -> None:
    stream = pythoncom.CreateStreamOnHGlobal()
    pythoncom.CoMarshalInterface(stream, pythoncom.IID_IDispatch, wrap(Echo()), 3)
    stream.Seek(0, 0)
    pythoncom.CoUnmarshalInterface(stream, pythoncom.IID_IDispatch)
    stream.Seek(0, 0)
    error = com_error_of(pythoncom.CoUnmarshalInterface, stream, pythoncom.IID_IDispatch)
    assert error.hresult == winerror.CO_E_OBJNOTCONNECTED
    stream.Seek(0, 0)
    assert com_error_of(pythoncom.CoReleaseMarshalData, stream).hresult == RPC_E_INVALID_OBJREF


def test_table_strong_data_serves_many_threads() -> None:
    stream = pythoncom.CreateStreamOnHGlobal()
    pythoncom.CoMarshalInterface(
        stream, pythoncom.IID_IDispatch, wrap(Echo()), 3, pythoncom.MSHLFLAGS_TABLESTRONG
    )

    def elsewhere() -> list[int]:
        found = []
        for _ in range(2):
            reader = stream.Clone()
            reader.Seek(0, 0)
            pointer = pythoncom.CoUnmarshalInterface(reader, pythoncom.IID_IDispatch)
            found.append(win32com.client.Dispatch(pointer).Thread())
        return found

    assert run_pumping(elsewhere) == [me(), me()]
    stream.Seek(0, 0)
    pythoncom.CoReleaseMarshalData(stream)


def test_marshal_data_errors() -> None:
    empty = pythoncom.CreateStreamOnHGlobal()
    for fn in (pythoncom.CoGetInterfaceAndReleaseStream, pythoncom.CoUnmarshalInterface):
        assert com_error_of(fn, empty, pythoncom.IID_IDispatch).hresult == STG_E_READFAULT
    assert com_error_of(pythoncom.CoReleaseMarshalData, empty).hresult == STG_E_READFAULT
    garbage = stream_of(b"x" * 100)
    error = com_error_of(pythoncom.CoUnmarshalInterface, garbage, pythoncom.IID_IDispatch)
    assert error.hresult == RPC_E_INVALID_OBJREF


def test_marshaling_asks_for_the_interface() -> None:
    error = com_error_of(
        pythoncom.CoMarshalInterThreadInterfaceInStream, pythoncom.IID_IEnumVARIANT, wrap(Echo())
    )
    assert error.hresult == winerror.E_NOINTERFACE


def test_marshaling_bad_arguments() -> None:
    with pytest.raises(TypeError):  # a Python object is no COM object
        pythoncom.CoMarshalInterThreadInterfaceInStream(pythoncom.IID_IDispatch, Echo())
    with pytest.raises(TypeError):
        pythoncom.CoMarshalInterface(None, pythoncom.IID_IDispatch, wrap(Echo()), 3, 0)
    with pytest.raises(ValueError, match="not a COM object"):  # not a stream at all
        pythoncom.CoGetInterfaceAndReleaseStream(5, pythoncom.IID_IDispatch)
    with pytest.raises(ValueError, match="not a COM object"):
        pythoncom.CoUnmarshalInterface("x", pythoncom.IID_IDispatch)
