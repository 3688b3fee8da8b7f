"""The class registry fails like the Windows registry, and never writes a file not its own.

A lookup (activation, a ProgID) on a registry that cannot be read fails as COM does:
com_error REGDB_E_READREGDB. A registration fails as pywin32's registry calls do:
pywintypes.error with ERROR_ACCESS_DENIED (read-only), ERROR_PATH_NOT_FOUND (a path that
cannot exist) or ERROR_BADDB (garbage, another program's database). Each message names the
file and the fix; the file is left byte for byte as it was. A registry in a directory this
process cannot write is still readable, as HKEY_CLASSES_ROOT is readable by every user.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import textwrap
import uuid
from typing import TYPE_CHECKING

import pytest

from apartment import com
from apartment.errors import (
    ClassStringError,
    ComError,
    RegistryError,
    RegistryReadError,
    RegistryWriteError,
    Win32Error,
    describe,
)
from tests._subprocess import run_python

if TYPE_CHECKING:
    from pathlib import Path

REGDB_E_READREGDB = -2147221168
ERROR_ACCESS_DENIED = 5
ERROR_PATH_NOT_FOUND = 3
ERROR_BADDB = 1009


def _entry(progid: str = "Faults.Server") -> com.ClassEntry:
    return com.ClassEntry(
        clsid="{" + str(uuid.uuid4()).upper() + "}", progid=progid, class_spec="mod.Server"
    )


def _garbage(path: Path) -> bytes:
    path.write_bytes(b"this is not a database, just text of some length\n" * 40)
    return path.read_bytes()


def _foreign(path: Path) -> bytes:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER, total REAL)")
    conn.execute("INSERT INTO invoices VALUES (1, 9.5)")
    conn.commit()
    conn.close()
    return path.read_bytes()


@pytest.mark.parametrize("make", [_garbage, _foreign], ids=["garbage", "another program's"])
def test_a_file_that_is_no_registry_fails_lookups_and_registrations_and_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make: object
) -> None:
    path = tmp_path / "registry.sqlite3"
    before = make(path)  # type: ignore[operator]
    monkeypatch.setenv("APARTMENT_REGISTRY", str(path))
    with pytest.raises(RegistryReadError) as read:
        com.lookup("Faults.Server")
    assert isinstance(read.value, ComError)
    assert read.value.hresult == REGDB_E_READREGDB
    assert str(path) in describe(read.value)
    assert "APARTMENT_REGISTRY" in describe(read.value)  # the fix
    with pytest.raises(RegistryWriteError) as write:
        com.register(_entry())
    assert isinstance(write.value, Win32Error)
    assert write.value.winerror == ERROR_BADDB
    assert str(path) in describe(write.value)
    assert isinstance(write.value, RegistryError)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["registry.sqlite3"]


def test_activation_through_a_broken_registry_is_a_com_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "registry.sqlite3"
    _garbage(path)
    monkeypatch.setenv("APARTMENT_REGISTRY", str(path))
    with com.sta(), pytest.raises(ComError) as caught:
        com.create_object("Faults.Server")
    assert caught.value.hresult == REGDB_E_READREGDB


def test_a_path_that_cannot_exist_fails_with_error_path_not_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    path = blocker / "sub" / "registry.sqlite3"
    monkeypatch.setenv("APARTMENT_REGISTRY", str(path))
    with pytest.raises(RegistryWriteError) as caught:
        com.register(_entry())
    assert caught.value.winerror == ERROR_PATH_NOT_FOUND
    assert str(path.parent) in describe(caught.value)
    with pytest.raises(ClassStringError):  # nothing to read there: nothing registered
        com.lookup("Faults.Server")
    assert blocker.read_text() == "not a directory"


def test_a_missing_registry_is_empty_and_reading_it_makes_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "none" / "registry.sqlite3"
    monkeypatch.setenv("APARTMENT_REGISTRY", str(path))
    assert com.entries() == []
    with pytest.raises(ClassStringError):
        com.lookup("Faults.Server")
    assert not (tmp_path / "none").exists()


_READ_ONLY_SCRIPT = """
set -e
mount -t tmpfs none "$DIR"
"$PY" -c "$REGISTER"
mount -o remount,ro "$DIR"
"$PY" -c "$LOOKUP"
"$PY" -c "$REREGISTER"
"""
_REGISTER = textwrap.dedent("""
    from apartment import com
    com.register(com.ClassEntry(clsid="{11111111-2222-3333-4444-555555555555}",
                                progid="Faults.ReadOnly", class_spec="mod.Server"))
""")
_LOOKUP = textwrap.dedent("""
    from apartment import com
    print("found", com.lookup("Faults.ReadOnly").clsid)
    print("entries", len(com.entries()))
""")
_REREGISTER = textwrap.dedent("""
    from apartment import com
    from apartment.errors import RegistryWriteError
    try:
        com.register(com.ClassEntry(clsid="{11111111-2222-3333-4444-666666666666}",
                                    progid="Faults.Other", class_spec="mod.Server"))
    except RegistryWriteError as error:
        print("refused", error.winerror)
""")


def test_a_registry_in_a_read_only_directory_is_read_and_not_written(tmp_path: Path) -> None:
    """A real read-only mount, made in a user namespace of our own (no privileges needed)."""
    if shutil.which("unshare") is None:
        pytest.skip("needs unshare(1) for a read-only mount")
    directory = tmp_path / "ro"
    directory.mkdir()
    env = {
        "DIR": str(directory),
        "PY": sys.executable,
        "REGISTER": _REGISTER,
        "LOOKUP": _LOOKUP,
        "REREGISTER": _REREGISTER,
        "APARTMENT_REGISTRY": str(directory / "registry.sqlite3"),
        "PATH": "/usr/sbin:/usr/bin:/sbin:/bin",
        "PYTHONPATH": ":".join(sys.path),
    }
    probe = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "true"], capture_output=True
    )
    if probe.returncode != 0:
        pytest.skip(f"user namespaces are not available here: {probe.stderr!r}")
    done = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", _READ_ONLY_SCRIPT],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:3] == [
        "found {11111111-2222-3333-4444-555555555555}",
        "entries 1",
        f"refused {ERROR_ACCESS_DENIED}",
    ]


_FACADE_SERVER = textwrap.dedent("""
    import pythoncom, pywintypes
    import win32com.server.register

    class Server:
        _reg_clsid_ = "{11111111-2222-3333-4444-777777777777}"
        _reg_progid_ = "Faults.Facade"
        _public_methods_ = []

    if __name__ == "__main__":
        try:
            win32com.server.register.RegisterClasses(Server, quiet=1)
        except pywintypes.error as error:
            print("register", error.winerror, error.funcname)
        try:
            pythoncom.CoCreateInstance(
                "Faults.Facade", None, pythoncom.CLSCTX_ALL, pythoncom.IID_IDispatch
            )
        except pythoncom.com_error as error:
            print("activate", error.hresult)
""")


def test_the_facade_reports_registry_faults_as_pywin32_does(tmp_path: Path) -> None:
    registry = tmp_path / "registry.sqlite3"
    before = _garbage(registry)
    script = tmp_path / "server.py"
    script.write_text(_FACADE_SERVER)
    out = run_python("-m", "apartment", "run", str(script), registry=registry)
    assert out.split("\n")[:2] == [
        f"register {ERROR_BADDB} RegCreateKey",
        f"activate {REGDB_E_READREGDB}",
    ]
    assert registry.read_bytes() == before
