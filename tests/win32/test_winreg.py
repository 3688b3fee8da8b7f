"""The standard library's ``winreg`` on the facade: CPython's names, shapes and errors."""

from __future__ import annotations

import errno
import gc
import socket
import sys
import textwrap
import threading
import time
from typing import TYPE_CHECKING, Any

import pytest

from apartment import kernel
from apartment.win32 import RUNTIME_MODULES, winreg

from .._subprocess import run_python

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

KEY = "Software\\apartment-winreg-test"


@pytest.fixture(autouse=True)
def _own_registry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APARTMENT_USER_REGISTRY", str(tmp_path / "user-registry.sqlite3"))


@pytest.fixture
def key() -> Iterator[winreg.HKEYType]:
    with winreg.CreateKey(winreg.HKEY_CURRENT_USER, KEY) as created:
        yield created


def _failure(call: Any, *args: Any, **kwargs: Any) -> OSError:
    """The OSError ``call`` raises (every winreg failure is one)."""
    try:
        call(*args, **kwargs)
    except OSError as failure:
        return failure
    pytest.fail(f"{call.__name__} raised nothing")


# -- the module, under its own name -----------------------------------------------------------


def test_import_winreg_works_in_a_program_run_on_the_facade(tmp_path: Path) -> None:
    script = tmp_path / "prog.py"
    script.write_text(
        textwrap.dedent(
            """
            import winreg
            with winreg.CreateKey(winreg.HKEY_CURRENT_USER, "Software\\\\Prog") as key:
                winreg.SetValueEx(key, "Count", 0, winreg.REG_DWORD, 7)
                print(winreg.QueryValueEx(key, "Count"), winreg.error is OSError)
            """
        )
    )
    out = run_python("-m", "apartment", "run", str(script), registry=tmp_path / "r.sqlite3")
    assert out.split() == ["(7,", "4)", "True"]


def test_it_is_a_runtime_module_as_msvcrt_is() -> None:
    assert RUNTIME_MODULES["winreg"] == "apartment.win32.winreg"


def test_the_predefined_keys_are_cpythons_64_bit_values() -> None:
    assert winreg.HKEY_CURRENT_USER == 0xFFFFFFFF80000001
    assert winreg.HKEY_LOCAL_MACHINE == 0xFFFFFFFF80000002
    assert winreg.HKEY_CLASSES_ROOT == 0xFFFFFFFF80000000
    assert (winreg.KEY_READ, winreg.KEY_WRITE, winreg.KEY_ALL_ACCESS) == (
        0x20019,
        0x20006,
        0xF003F,
    )
    assert winreg.REG_QWORD == winreg.REG_QWORD_LITTLE_ENDIAN == 11
    assert winreg.error is OSError


# -- values --------------------------------------------------------------------------------

ROUND_TRIPS = [
    (winreg.REG_SZ, "text", "text"),
    (winreg.REG_SZ, None, ""),
    (winreg.REG_SZ, "a\0b", "a"),  # read up to the first NUL, as CPython
    (winreg.REG_EXPAND_SZ, "%PATH%x", "%PATH%x"),
    (winreg.REG_MULTI_SZ, ["a", "bc"], ["a", "bc"]),
    (winreg.REG_MULTI_SZ, [], []),
    (winreg.REG_MULTI_SZ, None, []),
    (winreg.REG_DWORD, 0xFFFFFFFF, 0xFFFFFFFF),  # unsigned, not pywin32's -1
    (winreg.REG_DWORD, None, 0),
    (winreg.REG_QWORD, 2**64 - 1, 2**64 - 1),
    (winreg.REG_QWORD, None, 0),
    (winreg.REG_BINARY, b"\x00\x01", b"\x00\x01"),
    (winreg.REG_BINARY, bytearray(b"ab"), b"ab"),
    (winreg.REG_BINARY, memoryview(b"cd"), b"cd"),
    (winreg.REG_BINARY, b"", None),
    (winreg.REG_BINARY, None, None),
    (winreg.REG_NONE, None, None),
    (winreg.REG_NONE, b"q", b"q"),
    (winreg.REG_DWORD_BIG_ENDIAN, b"\0\0\0\5", b"\0\0\0\5"),
    (99, b"zz", b"zz"),
]


@pytest.mark.parametrize(("kind", "value", "read"), ROUND_TRIPS)
def test_values_come_back_in_cpythons_shapes(
    key: winreg.HKEYType, kind: int, value: object, read: object
) -> None:
    winreg.SetValueEx(key, "v", 0, kind, value)
    assert winreg.QueryValueEx(key, "v") == (read, kind)
    assert winreg.EnumValue(key, 0) == ("v", read, kind)


@pytest.mark.parametrize(
    ("kind", "value", "raised"),
    [
        (winreg.REG_DWORD, "x", ValueError),
        (winreg.REG_DWORD, -1, OverflowError),
        (winreg.REG_DWORD, 2**32, OverflowError),
        (winreg.REG_QWORD, -1, OverflowError),
        (winreg.REG_QWORD, 2**64, OverflowError),
        (winreg.REG_SZ, 5, ValueError),
        (winreg.REG_MULTI_SZ, ("a",), ValueError),  # a list, not any sequence
        (winreg.REG_MULTI_SZ, [1], ValueError),
        (winreg.REG_BINARY, 5, TypeError),
        (winreg.REG_DWORD_BIG_ENDIAN, 5, TypeError),  # bytes, as any type but the int ones
    ],
)
def test_set_value_ex_refuses_data_of_the_wrong_kind_as_cpython(
    key: winreg.HKEYType, kind: int, value: object, raised: type[Exception]
) -> None:
    with pytest.raises(raised):
        winreg.SetValueEx(key, "v", 0, kind, value)
    assert _failure(winreg.QueryValueEx, key, "v").winerror == 2  # type: ignore[attr-defined]


def test_set_value_and_query_value_use_the_default_value_of_a_subkey(
    key: winreg.HKEYType,
) -> None:
    assert winreg.QueryValue(key, None) == ""  # unset: ''
    winreg.SetValue(key, "sub", winreg.REG_SZ, "dflt")
    assert winreg.QueryValue(key, "sub") == "dflt"
    with winreg.OpenKey(key, "sub") as sub:
        assert winreg.QueryValueEx(sub, None) == ("dflt", winreg.REG_SZ)
        assert winreg.QueryValueEx(sub, "") == ("dflt", winreg.REG_SZ)
    with pytest.raises(TypeError, match=r"must be winreg\.REG_SZ"):
        winreg.SetValue(key, "sub", winreg.REG_DWORD, "x")
    with pytest.raises(TypeError, match="argument 4 must be str"):
        winreg.SetValue(key, "sub", winreg.REG_SZ, 5)
    winreg.SetValueEx(key, None, 0, winreg.REG_DWORD, 1)
    assert _failure(winreg.QueryValue, key, None).winerror == 13  # type: ignore[attr-defined]
    winreg.DeleteKey(key, "sub")


def test_enumeration_and_query_info_key(key: winreg.HKEYType) -> None:
    before = time.time()
    winreg.CloseKey(winreg.CreateKey(key, "b"))
    winreg.CloseKey(winreg.CreateKey(key, "a"))
    winreg.SetValueEx(key, "one", 0, winreg.REG_SZ, "1")
    subkeys, values, written = winreg.QueryInfoKey(key)
    assert (subkeys, values) == (2, 1)
    since_1601 = int(before * 10**7) + 116444736000000000
    assert since_1601 - 10**7 <= written <= since_1601 + 600 * 10**7
    assert sorted(winreg.EnumKey(key, i) for i in range(2)) == ["a", "b"]
    assert winreg.EnumValue(key, 0) == ("one", "1", winreg.REG_SZ)
    for call in (winreg.EnumKey, winreg.EnumValue):
        ended = _failure(call, key, 2 if call is winreg.EnumKey else 1)
        assert type(ended).__name__ == "OSError" and ended.winerror == 259  # type: ignore[attr-defined]
        assert ended.errno == errno.EINVAL
    winreg.DeleteKey(key, "a")
    winreg.DeleteKeyEx(key, "b")
    assert winreg.QueryInfoKey(key)[0] == 0


# -- errors --------------------------------------------------------------------------------


def test_a_missing_key_or_value_is_file_not_found_with_winerror_2(key: winreg.HKEYType) -> None:
    missing = _failure(winreg.OpenKey, winreg.HKEY_CURRENT_USER, "Software\\no\\such\\key")
    assert type(missing).__name__ == "FileNotFoundError"
    assert (missing.winerror, missing.errno) == (2, 2)  # type: ignore[attr-defined]
    assert missing.strerror == "The system cannot find the file specified"
    # prints as on Windows (Linux's OSError says "[Errno 2]"), and is still the builtin class
    assert str(missing) == "[WinError 2] The system cannot find the file specified"
    assert isinstance(missing, FileNotFoundError)
    assert repr(type(missing)) == "<class 'FileNotFoundError'>"
    assert type(_failure(winreg.QueryValueEx, key, "nope")).__name__ == "FileNotFoundError"
    assert type(_failure(winreg.DeleteValue, key, "nope")).__name__ == "FileNotFoundError"


def test_access_denied_is_permission_error_with_winerror_5(key: winreg.HKEYType) -> None:
    winreg.CloseKey(winreg.CreateKey(key, "child"))
    with winreg.OpenKey(winreg.HKEY_CURRENT_USER, KEY) as read_only:  # KEY_READ
        denied = _failure(winreg.SetValueEx, read_only, "v", 0, winreg.REG_SZ, "x")
    assert type(denied).__name__ == "PermissionError"
    assert (denied.winerror, denied.errno) == (5, errno.EACCES)  # type: ignore[attr-defined]
    has_subkeys = _failure(winreg.DeleteKey, winreg.HKEY_CURRENT_USER, KEY)
    assert type(has_subkeys).__name__ == "PermissionError"
    with winreg.OpenKey(key, None, access=winreg.KEY_WRITE) as writable:
        winreg.SetValueEx(writable, "v", 0, winreg.REG_SZ, "x")
    winreg.DeleteKey(key, "child")


def test_bad_arguments_are_type_errors_as_cpythons(key: winreg.HKEYType) -> None:
    with pytest.raises(TypeError, match="not a PyHKEY object"):
        winreg.OpenKey("x", None)
    with pytest.raises(TypeError, match="None is not a valid HKEY"):
        winreg.OpenKey(None, "x")
    with pytest.raises(TypeError, match="argument 'sub_key' must be str or None, not int"):
        winreg.OpenKey(key, 5)
    with pytest.raises(TypeError, match="must be str, not None"):
        winreg.DeleteKey(key, None)
    with pytest.raises(TypeError):
        winreg.EnumKey(key, "0")
    with pytest.raises(TypeError, match="not a PyHKEY object"):
        winreg.CloseKey("x")
    winreg.CloseKey(None)  # nothing to close


def test_keyword_arguments_have_cpythons_names(key: winreg.HKEYType) -> None:
    with winreg.OpenKey(key=winreg.HKEY_CURRENT_USER, sub_key=KEY, reserved=0, access=1) as k:
        assert k
    with winreg.OpenKeyEx(winreg.HKEY_CURRENT_USER, KEY, access=winreg.KEY_ALL_ACCESS) as k:
        winreg.SetValueEx(k, "v", 0, winreg.REG_SZ, "x")
    with winreg.CreateKeyEx(key, "c", reserved=0, access=winreg.KEY_ALL_ACCESS) as k:
        assert k
    winreg.DeleteKeyEx(key, "c", access=winreg.KEY_WOW64_64KEY, reserved=0)


# -- the key object --------------------------------------------------------------------------


def test_hkeytype_is_cpythons_pyhkey() -> None:
    assert winreg.HKEYType.__name__ == "PyHKEY"
    assert winreg.HKEYType.__module__ == "winreg"
    with pytest.raises(TypeError, match=r"cannot create 'winreg\.PyHKEY' instances"):
        winreg.HKEYType()
    key = winreg.CreateKey(winreg.HKEY_CURRENT_USER, KEY)
    value = int(key)
    assert key.handle == value and bool(key)
    assert str(key) == f"<PyHKEY:0x{value:016X}>"
    assert key == key and key != value  # type: ignore[comparison-overlap]  # by identity
    with pytest.raises(TypeError, match="bad operand type"):
        key + 1
    assert key.Detach() == value and not key and key.Detach() == 0
    winreg.CloseKey(value)  # the int closes it
    gone = _failure(winreg.CloseKey, value)
    assert gone.winerror == 6  # type: ignore[attr-defined]


def test_close_the_context_manager_and_collection_close_the_handle() -> None:
    key = winreg.CreateKey(winreg.HKEY_CURRENT_USER, KEY)
    value = int(key)
    key.Close()
    key.Close()  # a closed key stays closed: nothing raised
    assert not key and key.handle == 0
    assert _failure(winreg.QueryInfoKey, value).winerror == 6  # type: ignore[attr-defined]
    with winreg.CreateKey(winreg.HKEY_CURRENT_USER, KEY) as entered:
        value = int(entered)
    assert not entered
    assert _failure(winreg.QueryInfoKey, value).winerror == 6  # type: ignore[attr-defined]
    dropped = winreg.CreateKey(winreg.HKEY_CURRENT_USER, KEY)
    value = int(dropped)
    del dropped
    gc.collect()
    kernel.handles.collect()  # what the collector's finalizer left for the next table call
    assert _failure(winreg.QueryInfoKey, value).winerror == 6  # type: ignore[attr-defined]


def test_a_predefined_key_comes_back_as_it_is_and_never_closes() -> None:
    root = winreg.OpenKey(winreg.HKEY_CURRENT_USER, None)
    assert int(root) == winreg.HKEY_CURRENT_USER and root.handle == -0x7FFFFFFF
    assert str(root) == "<PyHKEY:0xFFFFFFFF80000001>"
    root.Close()
    winreg.CloseKey(winreg.HKEY_CURRENT_USER)
    with winreg.CreateKey(winreg.HKEY_CURRENT_USER, "") as again:
        assert int(again) == winreg.HKEY_CURRENT_USER
    assert winreg.QueryInfoKey(winreg.HKEY_CURRENT_USER)[2] >= 0


def test_threads_closing_one_key_close_its_handle_once() -> None:
    failures: list[BaseException] = []

    def close(key: winreg.HKEYType, start: threading.Barrier) -> None:
        start.wait(timeout=30)
        try:
            key.Close()
        except BaseException as failure:
            failures.append(failure)

    for _ in range(20):
        key = winreg.CreateKey(winreg.HKEY_CURRENT_USER, KEY)
        start = threading.Barrier(4)
        threads = [threading.Thread(target=close, args=(key, start)) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        assert not failures and not key


# -- the rest --------------------------------------------------------------------------------


def test_connect_registry_is_this_computer_only() -> None:
    for name in (None, "", socket.gethostname(), "\\\\" + socket.gethostname().upper()):
        with winreg.ConnectRegistry(name, winreg.HKEY_CURRENT_USER) as root:
            assert int(root) == winreg.HKEY_CURRENT_USER
    other = _failure(winreg.ConnectRegistry, "\\\\no-such-computer-here", winreg.HKEY_CURRENT_USER)
    assert type(other).__name__ == "FileNotFoundError" and other.winerror == 53  # type: ignore[attr-defined]


def test_no_wow64_reflection_as_a_64_bit_process_sees_it(key: winreg.HKEYType) -> None:
    assert winreg.QueryReflectionKey(key) is True
    assert winreg.DisableReflectionKey(key) is None
    assert winreg.EnableReflectionKey(key) is None
    assert winreg.QueryReflectionKey(key) is True
    assert _failure(winreg.QueryReflectionKey, 0x1234568).winerror == 6  # type: ignore[attr-defined]


def test_save_and_load_key_need_privileges_and_flush_key_succeeds(
    key: winreg.HKEYType, tmp_path: Path
) -> None:
    winreg.FlushKey(key)
    saved = _failure(winreg.SaveKey, key, str(tmp_path / "saved"))
    assert saved.winerror == 1314 and type(saved).__name__ == "OSError"  # type: ignore[attr-defined]
    loaded = _failure(winreg.LoadKey, winreg.HKEY_CURRENT_USER, "x", str(tmp_path / "saved"))
    assert loaded.winerror == 1314  # type: ignore[attr-defined]


def test_expand_environment_strings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APARTMENT_WINREG_X", "value")
    assert winreg.ExpandEnvironmentStrings("%apartment_winreg_x%|%NOPE_X_Y%|%%") == (
        "value|%NOPE_X_Y%|%%"
    )
    with pytest.raises(TypeError):
        winreg.ExpandEnvironmentStrings(None)


def test_the_module_is_the_facade_module_under_its_name(tmp_path: Path) -> None:
    code = "import winreg, apartment.win32.winreg as w; print(winreg is w)"
    script = tmp_path / "same.py"
    script.write_text(code)
    assert run_python("-m", "apartment", "run", str(script)).strip() == "True"
    assert "winreg" not in sys.modules or sys.modules["winreg"] is winreg
