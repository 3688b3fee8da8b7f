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


# -- compound files: what can be told without opening them ---------------------------------


def _compound_file(path: Path, clsid: str) -> None:
    """A compound file's first two sectors: the header and a root entry with ``clsid``."""
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    header[0x1E:0x20] = (9).to_bytes(2, "little")  # 512-byte sectors
    header[0x30:0x34] = (0).to_bytes(4, "little")  # the directory starts at sector 0
    directory = bytearray(512)
    directory[0x50:0x60] = uuid.UUID(clsid).bytes_le
    path.write_bytes(bytes(header + directory))


def test_a_compound_file_is_told_by_its_signature_and_its_class(tmp_path: Path) -> None:
    doc, text = tmp_path / "doc.stg", tmp_path / "text.txt"
    clsid = "{00020906-0000-0000-C000-000000000046}"
    _compound_file(doc, clsid)
    text.write_text("hello")
    assert com.is_storage_file(str(doc)) is True
    assert com.is_storage_file(str(text)) is False
    assert com.class_of_file(str(doc)) == clsid
    for path, hresult in ((text, -2147221018), (tmp_path / "none", -2147221014)):
        with pytest.raises(ComError) as caught:
            com.class_of_file(str(path))
        assert caught.value.hresult == hresult  # MK_E_INVALIDEXTENSION, MK_E_CANTOPENFILE
    with pytest.raises(ComError) as missing:
        com.is_storage_file(str(tmp_path / "none"))
    assert missing.value.hresult == STG_E_FILENOTFOUND


def test_create_storage_ex_makes_a_file_with_property_sets(tmp_path: Path) -> None:
    path = str(tmp_path / "new")
    sets = com.create_storage_ex(path, RW_EXCLUSIVE, 3, com.IID_IPROPERTYSETSTORAGE)
    sets.create(com.IID_IDISPATCH, None, 0, RW_EXCLUSIVE).write_multiple([2], ["x"])
    with pytest.raises(ComError) as exists:
        com.create_storage_ex(path, RW_EXCLUSIVE, 3, com.IID_IPROPERTYSETSTORAGE)
    assert exists.value.hresult == STG_E_FILEALREADYEXISTS
    again = com.create_storage_ex(path, RW_EXCLUSIVE | CREATE, 3, com.IID_IPROPERTYSETSTORAGE)
    assert list(again) == []  # a new file: the old one's sets are gone
    with pytest.raises(ComError) as docfile:
        com.create_storage_ex(path, RW_EXCLUSIVE | CREATE, 5, com.IID_IUNKNOWN)
    assert docfile.value.hresult == -2147467263  # E_NOTIMPL


def test_memory_lock_bytes() -> None:
    bytes_ = com.memory_lock_bytes()
    assert bytes_.write_at(3, b"abc") == 3
    assert bytes_.read_at(0, 6) == b"\x00\x00\x00abc"
    for offset, size in ((0, 10), (10, 5)):
        with pytest.raises(ComError) as short:
            bytes_.read_at(offset, size)
        assert short.value.hresult == -2147287010  # STG_E_READFAULT
    bytes_.set_size(4)
    assert bytes_.read_at(0, 4) == b"\x00\x00\x00a"
    assert bytes_.stat()[1:3] == (3, 4)  # STGTY_LOCKBYTES, its size
    bytes_.flush()
    with pytest.raises(ComError) as caught:
        bytes_.lock_region(0, 1, 1)
    assert caught.value.hresult == -2147287039  # STG_E_INVALIDFUNCTION
    with pytest.raises(TypeError):
        bytes_.write_at(0, "text")  # type: ignore[arg-type]
    with pytest.raises(OverflowError):
        bytes_.read_at(-1, 1)


class Receiver:
    """Lives in an STA; tells whether an argument arrived as the object itself."""

    def take(self, pointer: Any) -> bool:
        return isinstance(pointer, InterfacePointerType) and com.unwrap_policy(pointer) is not None


InterfacePointerType = com.InterfacePointer


@pytest.mark.parametrize("free_threaded", [True, False])
def test_an_ftm_object_passed_through_a_proxy_arrives_as_itself(free_threaded: bool) -> None:
    home = StaThread(Receiver)
    try:
        token = home.call(com.marshal, home.result)

        def body() -> bool:
            server = Agile(free_threaded)
            pointer = com.wrap(server)
            server.ftm = com.free_threaded_marshaler(pointer)
            result: bool = token.unmarshal().take(pointer)
            return result

        if free_threaded:
            assert in_apartment(body, multithreaded=True) is True
        else:  # a proxy arrives: no policy to unwrap in the receiver's apartment
            with pytest.raises(ValueError, match="another apartment"):
                in_apartment(body, multithreaded=True)
    finally:
        home.stop()
