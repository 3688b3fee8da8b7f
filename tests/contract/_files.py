"""Helpers of the contract tests on files and pipes: a scratch folder, unique pipe names.

Shared by ``test_files.py`` and ``test_pipes.py``; the oracle copies this file beside them
(its conftest is replaced, so the fixtures live here and each test module imports them).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from typing import TYPE_CHECKING, Any

import pytest
import win32con
import win32file
import winerror

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "RW",
    "SHARE_ALL",
    "code_of",
    "folder",
    "open_file",
    "pipe_path",
]

RW = win32con.GENERIC_READ | win32con.GENERIC_WRITE
SHARE_ALL = win32file.FILE_SHARE_READ | win32file.FILE_SHARE_WRITE | win32file.FILE_SHARE_DELETE


@pytest.fixture
def folder() -> Iterator[str]:
    """A scratch folder of the test's own, removed afterwards."""
    path = tempfile.mkdtemp(prefix="apartment-contract-")
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def pipe_path() -> str:
    r"""A pipe name no other test uses: ``\\.\pipe\apartment-contract-...``."""
    return "\\\\.\\pipe\\apartment-contract-" + uuid.uuid4().hex


def open_file(
    path: str,
    access: int = RW,
    share: int = 0,
    disposition: int = win32con.OPEN_EXISTING,
    flags: int = 0,
) -> Any:
    """CreateFile with the arguments tests vary, in the order they vary them."""
    return win32file.CreateFile(path, access, share, None, disposition, flags, None)


def code_of(call: Any, *args: Any) -> int:
    """The winerror a call raises (0 if it returns)."""
    try:
        call(*args)
    except win32file.error as exc:
        return int(exc.winerror)
    return int(winerror.ERROR_SUCCESS)


def new_file(folder: str, data: bytes = b"") -> str:
    """A file in ``folder`` holding ``data``; its path."""
    path = os.path.join(folder, uuid.uuid4().hex)
    with open(path, "wb") as stream:
        stream.write(data)
    return path
