"""Version resources read from PE files (GetFileVersionInfo), and what is no PE file."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

import pytest

from apartment import kernel
from apartment.errors import ERROR_FILE_NOT_FOUND, ERROR_RESOURCE_DATA_NOT_FOUND, Win32Error

if TYPE_CHECKING:
    from pathlib import Path


def _launcher() -> str:
    import pip._vendor.distlib as distlib

    return os.path.join(os.path.dirname(distlib.__file__), "w64.exe")


def test_a_launcher_version_resource() -> None:
    fixed = kernel.query_version(_launcher(), "\\")
    assert isinstance(fixed, tuple) and fixed[0] == 0xFEEF04BD
    translations = kernel.query_version(_launcher(), "\\VarFileInfo\\Translation")
    assert isinstance(translations, list) and translations
    assert kernel.query_version(_launcher(), "\\NoSuchBlock") is None


def test_what_is_no_pe_file(tmp_path: Path) -> None:
    # Windows' answer (and Wine's): 1812, "did not contain a resource section", not the
    # loader's ERROR_BAD_EXE_FORMAT.
    text = tmp_path / "readme.txt"
    text.write_text("no resources here")
    for path in (sys.executable, str(text)):  # an ELF program, a text file
        with pytest.raises(Win32Error) as info:
            kernel.query_version(path, "\\")
        assert info.value.winerror == ERROR_RESOURCE_DATA_NOT_FOUND
    with pytest.raises(Win32Error) as info:
        kernel.query_version("/no/such/program.exe", "\\")
    assert info.value.winerror == ERROR_FILE_NOT_FOUND
