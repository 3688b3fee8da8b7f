"""Contract: rules real COM programs met (session 30): docfile property sets, CopyTo, marshal data.

Each rule was found by a program of ``tests/realcode`` that differed from the real pywin32:
a compound file's storage answers IPropertySetStorage (its sets are streams of the storage);
IPropertySetStorage.Create reads its class as an IID (None is a TypeError); IStorage.CopyTo
replaces streams, merges storages and copies the class; and the marshal data of a proxy names
the object itself, so it outlives the apartment that wrote it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
import pythoncom
import pywintypes
import win32com.client
import win32com.server.util
from win32com import storagecon as sc

from ._com import Echo, run_pumping

if TYPE_CHECKING:
    from pathlib import Path

RW = sc.STGM_READWRITE | sc.STGM_SHARE_EXCLUSIVE
CREATE = RW | sc.STGM_CREATE
READ = sc.STGM_READ | sc.STGM_SHARE_EXCLUSIVE
CLSID = pywintypes.IID("{EB2CD768-0DAE-42C4-B27C-CB96CA361171}")
FMTID_USER = pywintypes.IID("{D5CDD505-2E9C-101B-9397-08002B2CF9AE}")


def _docfile(tmp_path: Path, name: str = "doc.stg") -> object:
    return pythoncom.StgCreateDocfile(str(tmp_path / name), CREATE, 0)


def test_a_docfile_storage_keeps_property_sets_in_its_streams(tmp_path: Path) -> None:
    path = str(tmp_path / "doc.stg")
    stg = pythoncom.StgCreateDocfile(path, CREATE, 0)
    pss = stg.QueryInterface(pythoncom.IID_IPropertySetStorage)
    summary = pss.Create(pythoncom.FMTID_SummaryInformation, pythoncom.IID_NULL, 0, CREATE)
    summary.WriteMultiple((2, 14), ("Title", 12))
    summary.Commit(0)
    user = pss.Create(FMTID_USER, pythoncom.IID_NULL, 0, CREATE)
    user.WriteMultiple(("Copies",), (3,))
    user.Commit(0)
    del summary, user, pss
    stg.Commit(0)
    del stg
    stg = pythoncom.StgOpenStorage(path, None, READ, None, 0)
    names = sorted(stat[0] for stat in stg.EnumElements())
    assert names == ["\x05DocumentSummaryInformation", "\x05SummaryInformation"]
    pss = stg.QueryInterface(pythoncom.IID_IPropertySetStorage)
    sets = sorted(str(stat[0]) for stat in pss.Enum())  # the user set: in the document's
    assert sets == sorted(
        [str(pythoncom.FMTID_SummaryInformation), str(pythoncom.FMTID_DocSummaryInformation)]
    )
    read = pss.Open(pythoncom.FMTID_SummaryInformation, READ)
    assert read.ReadMultiple((2, 14, 3))[1:] == (12, None)
    user = pss.Open(FMTID_USER, READ)
    assert user.ReadMultiple(("Copies",)) == (3,)
    assert user.ReadPropertyNames((2,)) == ("Copies",)


def test_a_property_set_missing_from_a_docfile_is_stg_e_filenotfound(tmp_path: Path) -> None:
    pss = _docfile(tmp_path).QueryInterface(pythoncom.IID_IPropertySetStorage)  # type: ignore[attr-defined]
    with pytest.raises(pythoncom.com_error) as caught:
        pss.Open(pythoncom.FMTID_SummaryInformation, READ)
    assert caught.value.hresult == -2147287038  # STG_E_FILENOTFOUND


def test_create_reads_its_class_as_an_iid(tmp_path: Path) -> None:
    pss = _docfile(tmp_path).QueryInterface(pythoncom.IID_IPropertySetStorage)  # type: ignore[attr-defined]
    with pytest.raises(TypeError, match=r"Only strings and iids can be converted to a CLSID\."):
        pss.Create(pythoncom.FMTID_SummaryInformation, None, 0, CREATE)


def _read(stg: object, name: str) -> bytes:
    data: bytes = stg.OpenStream(name, None, READ, 0).Read(100)  # type: ignore[attr-defined]
    return data


def test_copy_to_replaces_streams_merges_storages_and_copies_the_class(tmp_path: Path) -> None:
    source = _docfile(tmp_path, "a.stg")
    source.SetClass(CLSID)  # type: ignore[attr-defined]
    source.CreateStream("Contents", CREATE, 0, 0).Write(b"new")  # type: ignore[attr-defined]
    sub = source.CreateStorage("Sub", CREATE, 0, 0)  # type: ignore[attr-defined]
    sub.CreateStream("x", CREATE, 0, 0).Write(b"sx")
    dest = _docfile(tmp_path, "b.stg")
    dest.CreateStream("Contents", CREATE, 0, 0).Write(b"old-longer")  # type: ignore[attr-defined]
    dest.CreateStream("Extra", CREATE, 0, 0).Write(b"e")  # type: ignore[attr-defined]
    kept = dest.CreateStorage("Sub", CREATE, 0, 0)  # type: ignore[attr-defined]
    kept.CreateStream("y", CREATE, 0, 0).Write(b"dy")  # (its storage held: Windows reverts
    del kept  # the elements of a released storage, STG_E_REVERTED)
    source.CopyTo(None, None, dest)  # type: ignore[attr-defined]
    assert pythoncom.ReadClassStg(dest) == CLSID
    assert (_read(dest, "Contents"), _read(dest, "Extra")) == (b"new", b"e")
    merged = dest.OpenStorage("Sub", None, READ, None, 0)  # type: ignore[attr-defined]
    assert (_read(merged, "x"), _read(merged, "y")) == (b"sx", b"dy")


def test_copy_to_leaves_out_the_kinds_it_is_told_to(tmp_path: Path) -> None:
    source = _docfile(tmp_path, "a.stg")
    source.CreateStream("Contents", CREATE, 0, 0).Write(b"new")  # type: ignore[attr-defined]
    source.CreateStorage("Sub", CREATE, 0, 0)  # type: ignore[attr-defined]
    dest = _docfile(tmp_path, "b.stg")
    source.CopyTo((pythoncom.IID_IStorage,), None, dest)  # type: ignore[attr-defined]
    assert [stat[0] for stat in dest.EnumElements()] == ["Contents"]  # type: ignore[attr-defined]


def test_a_proxys_marshal_data_outlives_the_apartment_that_wrote_it() -> None:
    obj = win32com.server.util.wrap(Echo())
    stream = pythoncom.CoMarshalInterThreadInterfaceInStream(pythoncom.IID_IDispatch, obj)

    def worker() -> object:
        proxy = win32com.client.Dispatch(
            pythoncom.CoGetInterfaceAndReleaseStream(stream, pythoncom.IID_IDispatch)
        )
        proxy.Echo(5)
        return pythoncom.CoMarshalInterThreadInterfaceInStream(
            pythoncom.IID_IUnknown, proxy._oleobj_
        )

    back = run_pumping(worker)  # the worker's apartment has ended when this returns
    again = pythoncom.CoGetInterfaceAndReleaseStream(back, pythoncom.IID_IUnknown)
    assert again == obj.QueryInterface(pythoncom.IID_IUnknown)  # the object itself, here
    assert win32com.client.Dispatch(again.QueryInterface(pythoncom.IID_IDispatch)).value == 5


class _Handler:
    def OnTick(self, count: int) -> None:  # noqa: N802
        """Never called: no test here connects."""


def test_dispatch_with_events_on_an_object_without_type_information_is_a_type_error() -> None:
    plain = win32com.server.util.wrap(Echo())
    with pytest.raises(TypeError, match="can not automate the makepy process"):
        win32com.client.DispatchWithEvents(plain, _Handler)


def test_events_of_a_class_that_fires_none_are_a_value_error() -> None:
    with pytest.raises(ValueError, match=r"^This COM object does not support events\.$"):
        win32com.client.DispatchWithEvents("Scripting.Dictionary", _Handler)
    dictionary = win32com.client.Dispatch("Scripting.Dictionary")
    with pytest.raises(ValueError, match=r"^This COM object does not support events\.$"):
        win32com.client.WithEvents(dictionary, _Handler)


class _FourResults:
    _public_methods_ = ["F"]

    def F(self, out: object, plain: object) -> tuple[int, int, int, int]:  # noqa: N802
        return 1, 2, 3, 4


def test_too_many_results_say_how_many_by_reference_arguments_take_them(
    capsys: pytest.CaptureFixture[str],
) -> None:
    server = win32com.client.Dispatch(win32com.server.util.wrap(_FourResults()))
    out = win32com.client.VARIANT(pythoncom.VT_BYREF | pythoncom.VT_I4, 0)
    assert (server.F(out, 5), out.value) == (1, 2)
    told = capsys.readouterr().err
    assert (
        "pythoncom warning: Too many results supplied - 4 supplied, but only 1 can be set" in told
    )


def test_a_transacted_docfile_keeps_its_property_sets_until_committed(tmp_path: Path) -> None:
    path = str(tmp_path / "doc.stg")
    stg = pythoncom.StgCreateDocfile(path, CREATE | sc.STGM_TRANSACTED, 0)
    pss = stg.QueryInterface(pythoncom.IID_IPropertySetStorage)
    summary = pss.Create(pythoncom.FMTID_SummaryInformation, pythoncom.IID_NULL, 0, CREATE)
    summary.WriteMultiple((2,), ("kept",))
    summary.Commit(0)
    del summary
    stg.Commit(0)
    other = pss.Create(pythoncom.FMTID_DocSummaryInformation, pythoncom.IID_NULL, 0, CREATE)
    other.WriteMultiple((2,), ("dropped",))
    other.Commit(0)
    del other, pss
    stg.Revert()
    names = sorted(stat[0] for stat in stg.EnumElements())
    assert names == ["\x05SummaryInformation"]
