"""The free-threaded marshaler (com.free_threaded_marshaler) and a file's property sets."""

from __future__ import annotations

import threading
import uuid
from typing import TYPE_CHECKING, Any

import pytest

from apartment import com
from apartment.errors import ComError

from ._helpers import StaThread, in_apartment

if TYPE_CHECKING:
    from pathlib import Path

STG_E_FILENOTFOUND = -2147287038
STG_E_ACCESSDENIED = -2147287035
STG_E_INVALIDFLAG = -2147286785
STG_E_INVALIDNAME = -2147286788
STG_E_FILEALREADYEXISTS = -2147286960
E_NOINTERFACE = -2147467262
RW_EXCLUSIVE, READ_EXCLUSIVE, CREATE = 0x12, 0x10, 0x1000


class Agile:
    """A server that aggregates the free-threaded marshaler, as pywin32 servers do."""

    _public_methods_ = ["Thread"]

    def __init__(self, free_threaded: bool) -> None:
        self.ftm: Any = None
        self.free_threaded = free_threaded

    def _query_interface_(self, iid: object) -> Any:
        if self.free_threaded and str(iid) == com.IID_IMARSHAL:
            return self.ftm
        return None

    def Thread(self) -> int:  # noqa: N802
        return threading.get_ident()


def _home(free_threaded: bool) -> com.MarshalStream:
    server = Agile(free_threaded)
    pointer = com.wrap(server)
    server.ftm = com.free_threaded_marshaler(pointer)
    return com.MarshalStream(pointer)


@pytest.mark.parametrize("free_threaded", [True, False])
def test_an_object_aggregating_the_ftm_crosses_apartments_as_itself(free_threaded: bool) -> None:
    home = StaThread(lambda: _home(free_threaded))
    try:

        def body() -> tuple[bool, bool]:
            pointer = home.result.unmarshal()
            ran_here = pointer.invoke("Thread", com.DISPATCH_METHOD) == threading.get_ident()
            return ran_here, com.unwrap_policy(pointer) is not None

        if free_threaded:
            assert in_apartment(body, multithreaded=True) == (True, True)
        else:
            with pytest.raises(ValueError, match="another apartment"):
                in_apartment(body, multithreaded=True)
    finally:
        home.stop()


def test_the_ftm_is_agile_and_implements_imarshal() -> None:
    ftm = com.free_threaded_marshaler(None)
    assert ftm.query_interface(com.IID_IUNKNOWN) == ftm
    with pytest.raises(ComError) as caught:
        ftm.query_interface(com.IID_IDISPATCH)
    assert caught.value.hresult == E_NOINTERFACE
    with pytest.raises(TypeError):
        com.free_threaded_marshaler(object())  # type: ignore[arg-type]


# -- property sets ---------------------------------------------------------------------------


def test_fmtid_names_round_trip() -> None:
    assert com.fmtid_to_name(com.IID_IDISPATCH) == "\x05AabeaaaaAaaaaadaAaaaaaaaGc"
    for _ in range(50):
        fmtid = "{" + str(uuid.uuid4()).upper() + "}"
        assert com.name_to_fmtid(com.fmtid_to_name(fmtid)) == fmtid
    assert com.fmtid_to_name("{F29F85E0-4FF9-1068-AB91-08002B27B3D9}") == "\x05SummaryInformation"
    for bad in ("abc", "\x05abc", "\x05" + "9" * 26):
        with pytest.raises(ComError) as caught:
            com.name_to_fmtid(bad)
        assert caught.value.hresult == STG_E_INVALIDNAME


def test_property_sets_persist_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text("body")
    fmtid = "{" + str(uuid.uuid4()).upper() + "}"
    sets = com.open_property_sets(str(path), RW_EXCLUSIVE)
    props = sets.create(fmtid, None, 0, RW_EXCLUSIVE | CREATE)
    props.write_multiple([2, 3, "named"], ["text", 7, 1.5])
    props.write_property_names([2], ["two"])
    with pytest.raises(ComError) as exists:
        sets.create(fmtid, None, 0, RW_EXCLUSIVE)
    assert exists.value.hresult == STG_E_FILEALREADYEXISTS
    again = com.open_property_sets(str(path), READ_EXCLUSIVE)
    [stat] = list(again)
    assert str(stat[0]) == fmtid
    reread = again.open(fmtid, READ_EXCLUSIVE)
    assert reread.read_multiple([2, "TWO", 3, "named", 99]) == ("text", "text", 7, 1.5, None)
    assert list(reread) == [("two", 2, 8), (None, 3, 3), ("named", 4, 5)]
    with pytest.raises(ComError) as read_only:
        reread.write_multiple([5], [1])
    assert read_only.value.hresult == STG_E_ACCESSDENIED
    assert path.read_text() == "body"


def test_user_defined_properties_live_in_the_document_summary(tmp_path: Path) -> None:
    path = tmp_path / "doc"
    path.write_bytes(b"")
    sets = com.open_property_sets(str(path), RW_EXCLUSIVE)
    user = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
    summary = "{D5CDD502-2E9C-101B-9397-08002B2CF9AE}"
    sets.create(user, None, 0, RW_EXCLUSIVE | CREATE).write_multiple([3], ["x"])
    assert [str(stat[0]) for stat in sets] == [summary]
    assert sets.open(user, READ_EXCLUSIVE).read_multiple([3]) == ("x",)
    sets.delete(summary)
    with pytest.raises(ComError) as gone:
        sets.open(user, READ_EXCLUSIVE)
    assert gone.value.hresult == STG_E_FILENOTFOUND


def test_property_set_errors(tmp_path: Path) -> None:
    with pytest.raises(ComError) as missing:
        com.open_property_sets(str(tmp_path / "nope"), RW_EXCLUSIVE)
    assert missing.value.hresult == STG_E_FILENOTFOUND
    path = tmp_path / "f"
    path.write_bytes(b"")
    sets = com.open_property_sets(str(path), RW_EXCLUSIVE)
    with pytest.raises(ComError) as flag:
        sets.create(com.IID_IDISPATCH, None, 0, 0x2)  # no STGM_SHARE_EXCLUSIVE
    assert flag.value.hresult == STG_E_INVALIDFLAG
    with pytest.raises(ComError) as absent:
        sets.open(com.IID_IDISPATCH, READ_EXCLUSIVE)
    assert absent.value.hresult == STG_E_FILENOTFOUND
    with pytest.raises(ComError) as no_iface:
        com.open_storage_ex(str(path), RW_EXCLUSIVE, 3, com.IID_IDISPATCH)
    assert no_iface.value.hresult == E_NOINTERFACE
    with pytest.raises(TypeError):
        sets.create(com.IID_IDISPATCH, None, 0, RW_EXCLUSIVE).write_multiple([2], [{}])
