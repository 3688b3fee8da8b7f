"""Compound files of this library: direct and transacted writing, agile pointers."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from apartment import com
from apartment.errors import (
    STG_E_FILEALREADYEXISTS,
    STG_E_INVALIDFLAG,
    STG_E_INVALIDNAME,
    ComError,
)

RW, EXCLUSIVE, CREATE, TRANSACTED, DENY_WRITE = 0x2, 0x10, 0x1000, 0x10000, 0x20
READ = EXCLUSIVE


def test_a_direct_file_is_written_after_each_change(tmp_path: Path) -> None:
    path = str(tmp_path / "direct.stg")
    root = com.create_docfile(path, RW | EXCLUSIVE | CREATE)
    stream = com.StreamPointer.of(root.create_stream("S", RW | EXCLUSIVE))
    stream.write(b"now")
    again = com.open_storage(path, READ)  # no commit: the file has it already
    assert com.StreamPointer.of(again.open_stream("S", READ)).read(10) == b"now"


def test_a_transacted_file_is_written_on_commit_and_reverted(tmp_path: Path) -> None:
    path = str(tmp_path / "transacted.stg")
    root = com.create_docfile(path, RW | TRANSACTED | DENY_WRITE | CREATE)
    root.create_stream("Kept", RW | EXCLUSIVE)
    root.commit()
    root.create_stream("Dropped", RW | EXCLUSIVE)
    assert [item[0] for item in com.open_storage(path, READ).enum_elements()] == ["Kept"]
    root.revert()
    assert [item[0] for item in root.enum_elements()] == ["Kept"]


def test_a_storage_pointer_is_used_from_any_thread(tmp_path: Path) -> None:
    root = com.create_docfile(str(tmp_path / "agile.stg"), RW | EXCLUSIVE | CREATE)
    errors: list[BaseException] = []

    def other() -> None:
        try:
            root.create_storage("FromThread", RW | EXCLUSIVE).set_class(
                "{11111111-2222-3333-4444-555555555555}"
            )
        except BaseException as error:  # handed to the test's thread
            errors.append(error)

    thread = threading.Thread(target=other)
    thread.start()
    thread.join(30)
    assert errors == []
    sub = root.open_storage("FromThread", RW | EXCLUSIVE)
    assert com.read_class_storage(sub) == "{11111111-2222-3333-4444-555555555555}"


def test_modes_and_existing_files(tmp_path: Path) -> None:
    path = str(tmp_path / "modes.stg")
    with pytest.raises(ComError) as caught:
        com.create_docfile(path, RW | CREATE)  # direct, not exclusive
    assert caught.value.hresult == STG_E_INVALIDFLAG
    com.create_docfile(path, RW | EXCLUSIVE)
    with pytest.raises(ComError) as caught:
        com.create_docfile(path, RW | EXCLUSIVE)
    assert caught.value.hresult == STG_E_FILEALREADYEXISTS
    temporary = com.create_docfile(None, RW | EXCLUSIVE)
    assert Path(temporary.stat()[0]).exists()


@pytest.mark.parametrize("name", ["a/b", "a\\b", "a:b", "a!b", "", "x" * 32])
def test_names_follow_the_storage_naming_conventions(tmp_path: Path, name: str) -> None:
    """Up to 31 characters, none of backslash, / : ! (Microsoft's "Storage Object Naming
    Conventions"; Wine checks the length only)."""
    root = com.create_docfile(str(tmp_path / "names.stg"), RW | EXCLUSIVE | CREATE)
    with pytest.raises(ComError) as caught:
        root.create_stream(name, RW | EXCLUSIVE)
    assert caught.value.hresult == STG_E_INVALIDNAME


def test_a_stream_element_states_its_name_and_size(tmp_path: Path) -> None:
    root = com.create_docfile(str(tmp_path / "stat.stg"), RW | EXCLUSIVE | CREATE)
    stream = com.StreamPointer.of(root.create_stream("Data", RW | EXCLUSIVE))
    stream.write(b"12345")
    assert stream.stat()[:3] == ("Data", 2, 5)
