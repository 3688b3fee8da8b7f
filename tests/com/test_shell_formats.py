"""The shell's data-transfer formats: ITEMIDLIST, CIDA and FILEGROUPDESCRIPTOR's layouts."""

from __future__ import annotations

import struct
import uuid

import pytest

from apartment import com


def test_an_id_list_is_counted_items_and_a_zero_count() -> None:
    assert com.pack_id_list([b"\1", b"\2\3"]) == b"\3\0\1\4\0\2\3\0\0"
    assert com.unpack_id_list(b"\3\0\1\4\0\2\3\0\0") == [b"\1", b"\2\3"]
    assert com.unpack_id_list(b"") == []


@pytest.mark.parametrize("bad", [b"\1\0\1", b"\2\0\0\0", b"\3\0\1", b"\x09\0\1\0\0"])
def test_an_id_list_with_a_short_long_or_unended_item_is_refused(bad: bytes) -> None:
    with pytest.raises(ValueError, match="too short"):
        com.unpack_id_list(bad)


def test_an_id_list_item_is_bytes_of_at_most_65533() -> None:
    with pytest.raises(TypeError):
        com.pack_id_list(["a"])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="too long"):
        com.pack_id_list([bytes(65534)])


def test_a_cida_is_its_count_offsets_and_lists() -> None:
    data = com.pack_cida([b"\1"], [[b"\2"]])
    assert data == struct.pack("<3I", 1, 12, 17) + b"\3\0\1\0\0\3\0\2\0\0"
    assert com.unpack_cida(data) == ([b"\1"], [[b"\2"]])
    with pytest.raises(ValueError, match="too short"):
        com.unpack_cida(b"\5\0\0\0")


def test_a_file_descriptor_flags_what_it_holds_and_reads_back_only_that() -> None:
    clsid = uuid.uuid4()
    one = com.FileDescriptor(name="n", clsid=clsid, file_size=2**40, created=123)
    assert one.present_flags() == com.FD_CLSID | com.FD_FILESIZE | com.FD_CREATETIME
    (back,) = com.unpack_file_group(com.pack_file_group([one]))
    assert back == com.FileDescriptor(
        name="n", flags=one.present_flags(), clsid=clsid, file_size=2**40, created=123
    )


def test_the_a_form_holds_code_page_bytes() -> None:
    data = com.pack_file_group([com.FileDescriptor(name="\xa9\u20ac\u0100")], unicode=False)
    assert len(data) == 4 + 332
    (back,) = com.unpack_file_group(data)
    assert back.name == b"\xa9\x80?"  # Windows-1252; what it lacks is "?"


def test_the_form_is_told_by_the_size_or_asked_for() -> None:
    wide = com.pack_file_group([com.FileDescriptor()])
    assert com.unpack_file_group(wide + b"\0", unicode=True)[0].name == ""
    with pytest.raises(ValueError, match="make_unicode"):
        com.unpack_file_group(wide + b"\0")
    with pytest.raises(ValueError, match="too short"):
        com.unpack_file_group(b"\1\0\0\0" + bytes(100), unicode=False)
    with pytest.raises(ValueError, match="MAX_PATH"):
        com.pack_file_group([com.FileDescriptor(name="x" * 260)])
    with pytest.raises(ValueError, match="out of range"):
        com.pack_file_group([com.FileDescriptor(attributes=-1)])
