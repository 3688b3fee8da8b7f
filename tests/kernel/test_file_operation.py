"""SHFileOperation's core: copy, move, rename and delete, answered with a number."""

from __future__ import annotations

import errno
import os
import shutil
from typing import TYPE_CHECKING

import pytest

from apartment import kernel
from apartment.errors import ERROR_ACCESS_DENIED, ERROR_FILE_NOT_FOUND, ERROR_INVALID_PARAMETER

if TYPE_CHECKING:
    from pathlib import Path


def test_wildcards_and_folders_are_copied_whole(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.txt").write_text("a")
    (tmp_path / "src" / "b.log").write_text("b")
    (tmp_path / "src" / "deep").mkdir()
    (tmp_path / "src" / "deep" / "c.txt").write_text("c")
    out = tmp_path / "out"
    assert kernel.file_operation(kernel.FO_COPY, [str(tmp_path / "src" / "*.txt")], [str(out)]) == (
        0,
        False,
    )
    assert os.listdir(out) == ["a.txt"]
    tree = tmp_path / "tree"
    assert kernel.file_operation(kernel.FO_COPY, [str(tmp_path / "src")], [str(tree)]) == (0, False)
    assert (tree / "deep" / "c.txt").read_text() == "c"
    assert kernel.file_operation(kernel.FO_DELETE, [str(tree)]) == (0, False)
    assert not tree.exists()


def test_each_source_has_its_target_with_multidestfiles(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / name).write_text(name)
    targets = [str(tmp_path / "x"), str(tmp_path / "y")]
    sources = [str(tmp_path / "a"), str(tmp_path / "b")]
    assert kernel.file_operation(kernel.FO_MOVE, sources, targets, kernel.FOF_MULTIDESTFILES) == (
        0,
        False,
    )
    assert sorted(os.listdir(tmp_path)) == ["x", "y"]
    assert (tmp_path / "y").read_text() == "b"


def test_errors_are_numbers(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope")
    assert kernel.file_operation(kernel.FO_COPY, [missing], [str(tmp_path / "t")]) == (
        ERROR_FILE_NOT_FOUND,
        False,
    )
    assert kernel.file_operation(kernel.FO_DELETE, [str(tmp_path / "*.none")]) == (
        ERROR_FILE_NOT_FOUND,
        False,
    )
    assert kernel.file_operation(0, [missing]) == (ERROR_INVALID_PARAMETER, False)
    assert kernel.file_operation(kernel.FO_COPY, []) == (ERROR_INVALID_PARAMETER, False)
    with pytest.raises(TypeError):
        kernel.file_operation(kernel.FO_COPY, [b"x"])  # type: ignore[list-item]


def test_a_failure_inside_a_folder_is_a_win32_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "folder").mkdir()

    def refuse(path: str) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", path)

    monkeypatch.setattr(shutil, "rmtree", refuse)
    code = kernel.file_operation(kernel.FO_DELETE, [str(tmp_path / "folder")])
    assert code == (ERROR_ACCESS_DENIED, False)  # Windows' 5, not EACCES (13)
