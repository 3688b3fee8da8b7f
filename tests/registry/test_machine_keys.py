"""HKEY_LOCAL_MACHINE and HKEY_USERS: more roots of the user's store, HKLM seeded once."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
import threading
from typing import TYPE_CHECKING

import pytest

from apartment import kernel, registry
from apartment.errors import Win32Error
from apartment.registry import _store
from apartment.win32 import win32api, win32con

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

_NT = "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion"
_ENVIRONMENT = "SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment"
_PROCESSORS = "HARDWARE\\DESCRIPTION\\System\\CentralProcessor"
ERROR_ACCESS_DENIED = 5
ERROR_INVALID_HANDLE = 6


@pytest.fixture(autouse=True)
def user_registry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "user-registry.sqlite3"
    monkeypatch.setenv("APARTMENT_USER_REGISTRY", str(path))
    return path


def _machine() -> registry.Key:
    return registry.key_of_handle(registry.HKEY_LOCAL_MACHINE)


def _user() -> registry.Key:
    return registry.key_of_handle(registry.HKEY_CURRENT_USER)


def _value(path: str, name: str) -> tuple[object, int]:
    return registry.open_key(_machine(), path).query_value(name)


def _subkeys(key: registry.Key) -> list[str]:
    return [name for name, _ in registry.subkeys_with_times(key)]


@contextlib.contextmanager
def _acting_as(*, administrator: bool) -> Iterator[None]:
    """The calling thread impersonates an (un)elevated token, whatever the process runs as."""
    thread = kernel.current_thread()
    kernel.set_thread_token(
        thread, kernel.Token(administrator=administrator, impersonation_level=2)
    )
    try:
        yield
    finally:
        kernel.revert_to_self(thread)


def _code(error: pytest.ExceptionInfo[Win32Error]) -> int:
    return int(error.value.winerror)


def test_the_predefined_handles_name_the_roots_and_current_config_stays_unmodelled() -> None:
    assert registry.key_of_handle(registry.HKEY_LOCAL_MACHINE) is _machine()
    assert registry.key_of_handle(win32con.HKEY_LOCAL_MACHINE) is _machine()  # pywin32's signed
    assert _machine().path == "HKEY_LOCAL_MACHINE"
    assert registry.key_of_handle(win32con.HKEY_USERS).path == "HKEY_USERS"
    assert _subkeys(_machine()) == ["HARDWARE", "SOFTWARE", "SYSTEM"]
    assert registry.key_of_handle(win32con.HKEY_CLASSES_ROOT).path == "HKEY_CLASSES_ROOT"
    for unmodelled in (0x80000005, 0x80000006):  # HKEY_CURRENT_CONFIG, HKEY_DYN_DATA
        with pytest.raises(Win32Error) as error:
            registry.key_of_handle(unmodelled)
        assert _code(error) == ERROR_INVALID_HANDLE


def test_the_version_keys_agree_with_get_version_ex() -> None:
    major, minor, build, _, service_pack = win32api.GetVersionEx()
    assert _value(_NT, "CurrentMajorVersionNumber") == (major, registry.REG_DWORD)
    assert _value(_NT, "CurrentMinorVersionNumber") == (minor, registry.REG_DWORD)
    assert _value(_NT, "CurrentBuild") == (str(build), registry.REG_SZ)
    assert _value(_NT, "CurrentBuildNumber") == (str(build), registry.REG_SZ)
    assert _value(_NT, "CurrentVersion") == ("6.3", registry.REG_SZ)  # Windows 10's, frozen
    assert _value(_NT, "DisplayVersion") == ("22H2", registry.REG_SZ)  # build 19045's
    assert _value(_NT, "ReleaseId") == ("2009", registry.REG_SZ)
    assert _value(_NT, "InstallationType") == ("Client", registry.REG_SZ)  # a workstation
    assert _value(_NT, "EditionID")[1] == _value(_NT, "ProductName")[1] == registry.REG_SZ
    assert _value(_NT, "SystemRoot") == (win32api.GetWindowsDirectory(), registry.REG_SZ)
    assert not service_pack


def test_the_processors_agree_with_get_system_info() -> None:
    info = kernel.system_info()  # what GetSystemInfo gives
    count, level, revision = info.processors, info.level, info.revision
    processors = registry.open_key(_machine(), _PROCESSORS)
    assert _subkeys(processors) == sorted(str(n) for n in range(count))
    first = registry.open_key(processors, "0")
    identifier, kind = first.query_value("Identifier")
    assert kind == registry.REG_SZ
    if info.architecture == 9:  # AMD64: the family, model and stepping of /proc/cpuinfo
        assert isinstance(identifier, str)
        assert identifier.endswith(
            f"Family {level} Model {revision >> 8} Stepping {revision & 0xFF}"
        )
    assert first.query_value("~MHz")[1] == registry.REG_DWORD
    assert first.query_value("ProcessorNameString")[1] == registry.REG_SZ
    assert first.query_value("VendorIdentifier")[1] == registry.REG_SZ
    environment = registry.open_key(_machine(), _ENVIRONMENT)
    assert environment.query_value("NUMBER_OF_PROCESSORS") == (str(count), registry.REG_SZ)
    architecture = {9: "AMD64", 12: "ARM64", 0: "x86"}.get(info.architecture, "")
    assert environment.query_value("PROCESSOR_ARCHITECTURE") == (architecture, registry.REG_SZ)
    assert environment.query_value("PROCESSOR_LEVEL") == (str(level), registry.REG_SZ)


def test_the_computer_name_and_the_environment_agree_with_their_calls() -> None:
    for which in ("ComputerName", "ActiveComputerName"):
        key = f"SYSTEM\\CurrentControlSet\\Control\\ComputerName\\{which}"
        assert _value(key, "ComputerName") == (win32api.GetComputerName(), registry.REG_SZ)
    environment = registry.open_key(_machine(), _ENVIRONMENT)
    assert environment.query_value("OS") == ("Windows_NT", registry.REG_SZ)
    path = win32api.GetEnvironmentVariable("PATH")
    assert environment.query_value("Path") == (path, registry.REG_EXPAND_SZ)
    temp = win32api.GetTempPath().rstrip(os.sep)
    assert environment.query_value("TEMP") == (temp, registry.REG_EXPAND_SZ)
    assert environment.query_value("TMP") == (tempfile.gettempdir(), registry.REG_EXPAND_SZ)
    windows = "SOFTWARE\\Microsoft\\Windows\\CurrentVersion"
    assert _value(windows, "ProgramFilesDir")[1] == registry.REG_SZ
    assert _value(windows, "CommonFilesDir")[1] == registry.REG_SZ
    for empty in (f"{windows}\\Uninstall", "HARDWARE\\DEVICEMAP\\SERIALCOMM"):
        assert registry.open_key(_machine(), empty).info()[:2] == (0, 0)


def test_the_baseline_is_seeded_once_and_what_is_changed_stays() -> None:
    key = registry.open_key(_machine(), _NT)
    key.set_value("ProductName", registry.REG_SZ, "Changed")
    key.delete_value("EditionID")
    registry.delete_key(_machine(), "HARDWARE\\DEVICEMAP\\SERIALCOMM")
    # every later call connects anew: nothing is seeded again
    assert registry.open_key(_machine(), _NT).query_value("ProductName")[0] == "Changed"
    with pytest.raises(Win32Error):
        key.query_value("EditionID")
    assert _subkeys(registry.open_key(_machine(), "HARDWARE\\DEVICEMAP")) == []


def test_a_store_made_before_the_machine_roots_gets_them_and_keeps_its_keys(
    user_registry: Path,
) -> None:
    with _store.connect() as connection:  # the roots of a new store, then the old shape
        connection.execute("DELETE FROM key_values")
        connection.execute("DELETE FROM keys WHERE id != 1")
        for key_id, name in ((2, "Software"), (3, "Other")):  # an old store's own rows
            connection.execute(
                "INSERT INTO keys (id, parent, name, name_key, last_write) VALUES (?, 1, ?, ?, 0)",
                (key_id, name, name.lower()),
            )
    with contextlib.closing(sqlite3.connect(user_registry)) as raw:
        assert raw.execute("SELECT count(*) FROM keys").fetchone() == (3,)
    assert _subkeys(_user()) == ["Other", "Software"]
    assert _subkeys(_machine()) == ["HARDWARE", "SOFTWARE", "SYSTEM"]
    assert _subkeys(_user()) == ["Other", "Software"]


def test_stores_opened_at_once_by_many_threads_seed_once(user_registry: Path) -> None:
    start = threading.Barrier(4)
    failures: list[BaseException] = []

    def first_use() -> None:
        start.wait(timeout=30)
        try:
            registry.open_key(_machine(), _NT)
        except BaseException as error:  # reported below
            failures.append(error)

    threads = [threading.Thread(target=first_use) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert failures == []
    with contextlib.closing(sqlite3.connect(user_registry)) as raw:
        rows = raw.execute(
            "SELECT count(*) FROM keys WHERE name = 'CurrentVersion' AND parent IN"
            " (SELECT id FROM keys WHERE name = 'Windows NT')"
        ).fetchone()
    assert rows == (1,)


def test_an_elevated_token_writes_below_the_machine_and_the_changes_read_back() -> None:
    with _acting_as(administrator=True):
        key, created = registry.create_key(_machine(), "SOFTWARE\\Apartment Test")
        key.set_value("Level", registry.REG_DWORD, 3)
        assert created
        assert registry.open_key(_machine(), "software\\apartment test").query_value("level") == (
            3,
            registry.REG_DWORD,
        )
        registry.delete_key(_machine(), "SOFTWARE\\Apartment Test")
    assert "Apartment Test" not in _subkeys(registry.open_key(_machine(), "SOFTWARE"))


def test_a_token_not_elevated_reads_the_machine_but_may_not_write_there() -> None:
    with _acting_as(administrator=True):
        registry.create_key(_machine(), "SOFTWARE\\Kept")[0].set_value("A", registry.REG_SZ, "a")
    with _acting_as(administrator=False):
        key = registry.open_key(_machine(), "SOFTWARE\\Kept")
        assert key.query_value("A") == ("a", registry.REG_SZ)
        attempts: list[Callable[[], object]] = [
            lambda: key.set_value("B", registry.REG_SZ, "b"),
            lambda: key.delete_value("A"),
            lambda: registry.create_key(_machine(), "SOFTWARE\\Kept\\New"),
            lambda: registry.delete_key(_machine(), "SOFTWARE\\Kept"),
            lambda: registry.delete_tree(_machine(), "SOFTWARE\\Kept"),
            lambda: registry.create_key(registry.key_of_handle(registry.HKEY_USERS), "X"),
        ]
        for attempt in attempts:
            with pytest.raises(Win32Error) as error:
                attempt()
            assert _code(error) == ERROR_ACCESS_DENIED
        assert key.query_value("A") == ("a", registry.REG_SZ)  # nothing changed
        assert registry.create_key(_machine(), "SOFTWARE\\Kept")[1] is False  # opening is no write
        registry.create_key(_user(), "Software\\Mine")[0].set_value("C", registry.REG_SZ, "c")


def test_the_user_and_the_machine_do_not_see_each_others_keys() -> None:
    registry.create_key(_user(), "Software\\Only User")[0].set_value("U", registry.REG_SZ, "u")
    with _acting_as(administrator=True):
        registry.create_key(_machine(), "SOFTWARE\\Only Machine")
    assert _subkeys(registry.open_key(_user(), "Software")) == ["Only User"]
    assert "Only User" not in _subkeys(registry.open_key(_machine(), "SOFTWARE"))
    missing: Callable[[], object]
    for missing in (lambda: registry.open_key(_user(), "SOFTWARE\\Only Machine"),
                    lambda: registry.open_key(_machine(), "Software\\Only User")):  # fmt: skip
        with pytest.raises(Win32Error) as error:
            missing()
        assert _code(error) == 2


def test_a_watch_on_a_machine_key_is_set_by_a_change_below_it() -> None:
    watched = registry.open_key(_machine(), "SYSTEM")
    changed = kernel.Event(manual_reset=True)
    watched.notify(changed, subtree=True, changes=registry.REG_NOTIFY_CHANGE_LAST_SET)
    registry.create_key(_user(), "Software\\Elsewhere")[0].set_value("X", registry.REG_DWORD, 1)
    assert not changed.is_set()  # the user's root is another tree

    def write() -> None:
        with _acting_as(administrator=True):
            registry.open_key(_machine(), _ENVIRONMENT).set_value("NEW", registry.REG_SZ, "1")

    writer = threading.Thread(target=write)
    writer.start()
    writer.join(timeout=30)
    assert changed.wait(timeout=10)


def test_the_users_sid_below_hkey_users_is_the_current_users_root() -> None:
    users = registry.key_of_handle(registry.HKEY_USERS)
    sid = kernel.current_user_sid()
    assert _subkeys(users) == sorted([".DEFAULT", sid], key=str.lower)
    registry.create_key(_user(), "Software\\Seen")[0].set_value("V", registry.REG_SZ, "v")
    mine = registry.open_key(users, sid.lower())
    assert registry.open_key(mine, "Software\\Seen").query_value("V") == ("v", registry.REG_SZ)
    with _acting_as(administrator=False):  # it is the user's own: no elevation needed
        registry.create_key(users, f"{sid}\\Software\\Through Users")
    assert "Through Users" in _subkeys(registry.open_key(_user(), "Software"))
    for remove in (registry.delete_key, registry.delete_tree):
        with pytest.raises(Win32Error) as error:
            remove(users, sid)
        assert _code(error) == ERROR_ACCESS_DENIED
    assert _subkeys(registry.open_key(_user(), "Software")) == ["Seen", "Through Users"]


def test_machine_keys_are_found_by_object_name_and_in_transactions() -> None:
    key = registry.key_by_name("MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion")
    assert key.query_value("CurrentBuild") == _value(_NT, "CurrentBuild")
    assert registry.key_by_name("HKEY_LOCAL_MACHINE\\SYSTEM").path == "HKEY_LOCAL_MACHINE\\SYSTEM"
    assert registry.key_by_name("USERS\\.DEFAULT").path == "HKEY_USERS\\.DEFAULT"
    with _acting_as(administrator=True):
        transaction = kernel.Transaction()
        inside = registry.transacted_key(_machine(), transaction)
        made, _ = registry.create_key(inside, "SOFTWARE\\Transacted")
        made.set_value("T", registry.REG_SZ, "t")
        with pytest.raises(Win32Error):
            registry.open_key(_machine(), "SOFTWARE\\Transacted")
        transaction.commit()
    assert _value("SOFTWARE\\Transacted", "T") == ("t", registry.REG_SZ)


def test_a_transacted_write_below_the_machine_needs_elevation_at_the_call() -> None:
    transaction = kernel.Transaction()
    inside = registry.transacted_key(_machine(), transaction)
    with _acting_as(administrator=False):
        software, made = registry.create_key(inside, "SOFTWARE")  # it exists: no write
        assert not made
        attempts: list[Callable[[], object]] = [
            lambda: software.set_value("V", registry.REG_SZ, "v"),
            lambda: software.delete_value("V"),
            lambda: registry.create_key(inside, "SOFTWARE\\New"),
            lambda: registry.delete_key(inside, "HARDWARE\\DEVICEMAP\\SERIALCOMM"),
        ]
        for attempt in attempts:
            with pytest.raises(Win32Error) as error:
                attempt()
            assert _code(error) == ERROR_ACCESS_DENIED
    transaction.commit()
    assert registry.open_key(_machine(), "HARDWARE\\DEVICEMAP\\SERIALCOMM").info()[:2] == (0, 0)
