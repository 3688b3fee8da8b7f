"""Contract: pywin32's regutil (registration helpers), on the facade and the real pywin32.

Each helper writes a key's default value under this Python's key
(``Software\\Python\\PythonCore\\<winver>``, in HKCU when it is there, else HKLM) or under
``App Paths``; the Unregister helpers take a missing key as done. Every test uses names of
its own and removes them.
"""

from __future__ import annotations

import os
import uuid
from typing import TYPE_CHECKING

import pytest
import regutil
import win32api
import win32con

if TYPE_CHECKING:
    from pathlib import Path


def test_the_python_key_and_its_root() -> None:
    major, minor = regutil.BuildDefaultPythonKey().rsplit("\\", 1)[1].split(".")[:2]
    assert regutil.BuildDefaultPythonKey().startswith("Software\\Python\\PythonCore\\")
    assert major == "3"
    assert minor.rstrip("t-32").isdigit()
    assert regutil.GetRootKey() in (win32con.HKEY_CURRENT_USER, win32con.HKEY_LOCAL_MACHINE)
    assert regutil.GetAppPathsKey() == "Software\\Microsoft\\Windows\\CurrentVersion\\App Paths"
    assert (regutil.RegistryIDPyFile, regutil.RegistryIDPycFile) == (
        "Python.File",
        "Python.CompiledFile",
    )


def test_a_named_path_registers_and_goes() -> None:
    name = f"apartment-{uuid.uuid4().hex}"
    assert regutil.GetRegisteredNamedPath(name) is None
    regutil.RegisterNamedPath(name, "c:\\some\\where")
    try:
        assert regutil.GetRegisteredNamedPath(name) == "c:\\some\\where"
    finally:
        regutil.UnregisterNamedPath(name)
    assert regutil.GetRegisteredNamedPath(name) is None
    regutil.UnregisterNamedPath(name)  # already gone: done


def test_a_program_alias_registers_and_goes() -> None:
    alias = f"apartment-{uuid.uuid4().hex}.exe"
    regutil.RegisterPythonExe("c:\\tools\\tool.exe", alias)
    try:
        assert regutil.GetRegisteredExe(alias) == "c:\\tools\\tool.exe"
    finally:
        regutil.UnregisterPythonExe(alias)
    with pytest.raises(win32api.error) as caught:
        regutil.GetRegisteredExe(alias)
    assert caught.value.winerror == 2  # ERROR_FILE_NOT_FOUND
    with pytest.raises(ValueError, match="exeAppPath"):
        regutil.RegisterPythonExe("c:\\tools\\tool.exe", alias, "c:\\tools")


def test_default_values_and_help_files(tmp_path: Path) -> None:
    subkey = f"Software\\apartment-{uuid.uuid4().hex}"
    root = win32con.HKEY_CURRENT_USER
    try:
        regutil.SetRegistryDefaultValue(subkey, "text", root)
        assert regutil.GetRegistryDefaultValue(subkey, root) == "text"
        with pytest.raises(TypeError, match="Value must be string or integer"):
            regutil.SetRegistryDefaultValue(subkey, 2.5, root)
    finally:
        win32api.RegDeleteKey(root, subkey)
    description = f"apartment-{uuid.uuid4().hex}"
    assert regutil.GetRegisteredHelpFile(description) is None
    with pytest.raises(ValueError, match="Help file does not exist"):
        regutil.RegisterHelpFile("missing.chm", str(tmp_path), description)
    regutil.RegisterHelpFile("missing.chm", "c:\\help", description, 0)
    try:
        assert regutil.GetRegisteredHelpFile(description) == os.path.join("c:\\help", "missing.chm")
    finally:
        win32api.RegDeleteKey(
            regutil.GetRootKey(), regutil.BuildDefaultPythonKey() + "\\Help\\" + description
        )
