"""Contract: win32file's smaller names (the file APIs' code page, WOW64, EFS status, binary type).

Every process here is native 64-bit, no file system offers EFS, no file is protected by
Windows File Protection. (What GetBinaryType reads from a program's headers is pinned in
tests/kernel/test_binary_type.py: Windows maps the whole image, so a made-up header proves
nothing on the oracle.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
import pywintypes
import win32api
import win32file
import winerror

from ._wine import wine_differs

if TYPE_CHECKING:
    from pathlib import Path


def _code(call: object, *args: object) -> tuple[int, str]:
    with pytest.raises(pywintypes.error) as caught:
        call(*args)  # type: ignore[operator]
    return caught.value.winerror, caught.value.funcname


def test_the_file_apis_code_page_is_ansi_until_set_to_oem() -> None:
    assert win32file.AreFileApisANSI() == 1
    try:
        assert win32file.SetFileApisToOEM() is None
        assert win32file.AreFileApisANSI() == 0
    finally:
        assert win32file.SetFileApisToANSI() is None
    assert win32file.AreFileApisANSI() == 1


def test_a_64_bit_process_has_no_wow64_redirection_to_disable() -> None:
    assert _code(win32file.Wow64DisableWow64FsRedirection) == (
        winerror.ERROR_INVALID_FUNCTION,
        "Wow64DisableWow64FsRedirection",
    )


def test_no_file_system_here_supports_encryption_and_no_file_is_protected(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("x")
    assert win32file.FileEncryptionStatus(str(path)) == win32file.FILE_SYSTEM_NOT_SUPPORT == 6
    assert win32file.SfcIsFileProtected(str(path)) is False


def test_a_missing_program_is_file_not_found(tmp_path: Path) -> None:
    assert win32file.SCS_32BIT_BINARY == 0 and win32file.SCS_DOS_BINARY == 1
    missing = str(tmp_path / "missing.exe")
    assert _code(win32file.GetBinaryType, missing) == (2, "GetBinaryType")


@wine_differs("Wine's GetBinaryType fails on a non-program with no error code (0)")
def test_a_file_that_is_no_program_is_a_bad_exe_format(tmp_path: Path) -> None:
    path = tmp_path / "text.txt"
    path.write_text("not a program")
    assert _code(win32file.GetBinaryType, str(path)) == (
        winerror.ERROR_BAD_EXE_FORMAT,
        "GetBinaryType",
    )


def test_the_shared_names() -> None:
    assert win32file.GetLogicalDrives() == win32api.GetLogicalDrives()
    assert type(win32file.OVERLAPPED()) is type(pywintypes.OVERLAPPED())
    assert (win32file.FileRenameInfo, win32file.FileDispositionInfo) == (3, 4)
    assert (win32file.SECURITY_IMPERSONATION, win32file.SECURITY_EFFECTIVE_ONLY) == (
        0x20000,
        0x80000,
    )
