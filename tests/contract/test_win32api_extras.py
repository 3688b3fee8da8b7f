"""Contract: win32api's libraries, monitors, privileged clock setting, Apply and constants.

LoadLibrary counts references to one handle per module, GetProcAddress finds an export
(ERROR_PROC_NOT_FOUND otherwise, ERROR_MOD_NOT_FOUND for a handle that is no module), the
program exports nothing, FreeLibrary of NULL is ERROR_INVALID_HANDLE. The one screen is the
primary monitor; MonitorFrom* answer None (MONITOR_DEFAULTTONULL) or it for what is off it.
SetSystemTime, SetLocalTime and SetTimeZoneInformation fail with ERROR_PRIVILEGE_NOT_HELD
without the privilege enabled. The library is Windows' own on the oracle and the C library
here: their names differ, the rules do not.
"""

import datetime as dt
import os
import sys

import pytest
import pywintypes
import win32api
import win32gui

ON_WINDOWS = sys.platform == "win32"
LIBRARY, EXPORT = ("kernel32.dll", "GetTickCount") if ON_WINDOWS else ("libc.so.6", "getpid")
MONITOR_DEFAULTTONULL, MONITOR_DEFAULTTOPRIMARY, MONITOR_DEFAULTTONEAREST = 0, 1, 2


def assert_error(code: int, name: str, fn: object, *args: object) -> None:
    with pytest.raises(pywintypes.error) as info:
        fn(*args)  # type: ignore[operator]
    assert (info.value.winerror, info.value.funcname) == (code, name)


# -- libraries ---------------------------------------------------------------------------------


def test_a_library_loaded_twice_is_one_handle_counted_twice() -> None:
    first = win32api.LoadLibrary(LIBRARY)
    second = win32api.LoadLibraryEx(LIBRARY, None, 0)
    assert type(first) is int and first == second
    address = win32api.GetProcAddress(first, EXPORT)
    assert type(address) is int and address != 0
    assert win32api.GetProcAddress(first, EXPORT.encode()) == address
    win32api.FreeLibrary(first)
    win32api.FreeLibrary(second)


def test_what_a_library_does_not_export() -> None:
    handle = win32api.LoadLibrary(LIBRARY)
    try:
        assert_error(127, "GetProcAddress", win32api.GetProcAddress, handle, "NoSuchExport_s19")
    finally:
        win32api.FreeLibrary(handle)


def test_the_program_exports_nothing() -> None:
    assert_error(127, "GetProcAddress", win32api.GetProcAddress, 0, "Py_Initialize")
    program = win32api.GetModuleHandle(None)
    assert_error(127, "GetProcAddress", win32api.GetProcAddress, program, "Py_Initialize")


def test_missing_libraries_and_handles_that_are_no_module() -> None:
    assert_error(126, "LoadLibrary", win32api.LoadLibrary, "no-such-library-s19.dll")
    assert_error(126, "LoadLibrary", win32api.LoadLibrary, "")
    assert_error(126, "LoadLibraryEx", win32api.LoadLibraryEx, "no-such-library-s19.dll", 0, 0)
    assert_error(126, "GetProcAddress", win32api.GetProcAddress, 0x1234, EXPORT)
    assert_error(126, "FreeLibrary", win32api.FreeLibrary, 0x1234)
    assert_error(6, "FreeLibrary", win32api.FreeLibrary, 0)


def test_library_arguments_of_the_wrong_type() -> None:
    with pytest.raises(TypeError):
        win32api.LoadLibrary(5)
    with pytest.raises(TypeError):
        win32api.LoadLibrary(LIBRARY.encode())
    with pytest.raises(TypeError):
        win32api.FreeLibrary("module")


def test_logical_drives_are_a_bit_mask() -> None:
    assert type(win32api.GetLogicalDrives()) is int


# -- monitors ----------------------------------------------------------------------------------


def screen() -> tuple[int, int, int, int]:
    return (0, 0, win32api.GetSystemMetrics(0), win32api.GetSystemMetrics(1))


def test_one_monitor_covers_the_screen() -> None:
    monitors = win32api.EnumDisplayMonitors()
    assert len(monitors) == 1
    monitor, dc, rect = monitors[0]
    assert isinstance(monitor, pywintypes.HANDLEType) and int(monitor)
    assert int(dc) == 0
    assert rect == screen()
    info = win32api.GetMonitorInfo(monitor)
    assert info == {"Monitor": screen(), "Work": screen(), "Flags": 1, "Device": "\\\\.\\DISPLAY1"}
    assert win32api.GetMonitorInfo(int(monitor)) == info


def test_enumerating_monitors_within_a_clip() -> None:
    ((_, _, rect),) = win32api.EnumDisplayMonitors(None, (0, 0, 10, 10))
    assert rect == (0, 0, 10, 10)
    assert win32api.EnumDisplayMonitors(None, (-100, -100, -10, -10)) == []


def test_monitor_from_what_is_on_or_off_the_screen() -> None:
    primary = int(win32api.EnumDisplayMonitors()[0][0])
    assert int(win32api.MonitorFromPoint((0, 0))) == primary
    assert win32api.MonitorFromPoint((100000, 0)) is None
    for flags in (MONITOR_DEFAULTTOPRIMARY, MONITOR_DEFAULTTONEAREST):
        assert int(win32api.MonitorFromPoint((100000, 0), flags)) == primary
    assert int(win32api.MonitorFromRect((0, 0, 10, 10))) == primary
    assert win32api.MonitorFromRect((-100, -100, -10, -10)) is None
    assert int(win32api.MonitorFromWindow(win32gui.GetDesktopWindow())) == primary
    assert win32api.MonitorFromWindow(0x1234) is None
    assert int(win32api.MonitorFromWindow(0x1234, MONITOR_DEFAULTTONEAREST)) == primary


def test_a_monitor_handle_that_is_none() -> None:
    assert_error(1461, "GetMonitorInfo", win32api.GetMonitorInfo, 0x1234)


# -- the clock, Apply, constants ---------------------------------------------------------------


def test_setting_the_clock_needs_the_privilege() -> None:
    when = pywintypes.Time(dt.datetime(2020, 1, 1))
    assert_error(1314, "SetLocalTime", win32api.SetLocalTime, when)
    assert_error(1314, "SetSystemTime", win32api.SetSystemTime, 2020, 1, 3, 1, 0, 0, 0, 0)
    zone = win32api.GetTimeZoneInformation()[1]
    assert_error(1314, "SetTimeZoneInformation", win32api.SetTimeZoneInformation, zone)


def test_clock_arguments() -> None:
    assert_error(87, "SetSystemTime", win32api.SetSystemTime, 2020, 13, 3, 1, 0, 0, 0, 0)
    with pytest.raises(TypeError):
        win32api.SetLocalTime(5)


def test_apply_calls_and_lets_python_exceptions_through() -> None:
    assert win32api.Apply(lambda *a: 99, lambda a, b: a + b, (1, 2)) == 3
    with pytest.raises(ZeroDivisionError):
        win32api.Apply(lambda *a: 5, lambda: 1 / 0, ())
    with pytest.raises(TypeError):
        win32api.Apply(lambda *a: 99, lambda a: a, [1])


def test_console_title_takes_a_str() -> None:
    with pytest.raises(TypeError):
        win32api.SetConsoleTitle(5)


def test_version_constants() -> None:
    assert (win32api.VS_FF_DEBUG, win32api.VS_FF_SPECIALBUILD) == (0x1, 0x20)
    assert (win32api.VOS_NT_WINDOWS32, win32api.VOS__WINDOWS32, win32api.VOS_NT) == (
        0x40004, 0x4, 0x40000,
    )  # fmt: skip
    assert (win32api.VFT_APP, win32api.VFT_DLL, win32api.VFT_STATIC_LIB) == (1, 2, 7)


# -- version resources -------------------------------------------------------------------------


def a_program() -> str:
    """A Windows program file at hand: pywin32's own module there, pip's launcher here."""
    if ON_WINDOWS:
        return str(win32api.__file__)
    import pip._vendor.distlib as distlib

    return os.path.join(os.path.dirname(distlib.__file__), "w64.exe")


FIXED_KEYS = [
    "Signature", "StrucVersion", "FileVersionMS", "FileVersionLS", "ProductVersionMS",
    "ProductVersionLS", "FileFlagsMask", "FileFlags", "FileOS", "FileType", "FileSubtype",
    "FileDate",
]  # fmt: skip


def test_a_program_version_resource() -> None:
    program = a_program()
    fixed = win32api.GetFileVersionInfo(program, "\\")
    assert list(fixed) == FIXED_KEYS
    assert (fixed["Signature"], fixed["StrucVersion"]) == (-17890115, 0x10000)  # 0xFEEF04BD
    assert fixed["FileDate"] is None
    assert fixed["FileType"] in (1, 2)  # VFT_APP, VFT_DLL
    translations = win32api.GetFileVersionInfo(program, "\\VarFileInfo\\Translation")
    assert isinstance(translations, tuple) and translations
    assert all(isinstance(pair, tuple) and len(pair) == 2 for pair in translations)
    lang, page = translations[0]
    path = f"\\StringFileInfo\\{lang:04X}{page:04X}\\NoSuchString"
    assert win32api.GetFileVersionInfo(program, path) is None
    assert win32api.GetFileVersionInfo(program, "\\NoSuchBlock") is None


def test_version_resources_of_what_is_no_program() -> None:
    assert_error(
        2, "GetFileVersionInfo:GetFileVersionInfoSize", win32api.GetFileVersionInfo,
        os.path.join(os.path.dirname(os.__file__), "no-such-program-s19.exe"), "\\",
    )  # fmt: skip
    with pytest.raises(TypeError):
        win32api.GetFileVersionInfo(5, "\\")


def test_python_s_own_library_and_its_ordinals() -> None:
    # sys.dllhandle is Python's DLL (libpython here, under `python -m apartment run` and in
    # these tests); handles.py's testOtherHandle passes a PyHANDLE as an ordinal
    module = sys.dllhandle  # type: ignore[attr-defined]
    assert (
        os.path.basename(win32api.GetModuleFileName(module))
        .lower()
        .startswith(("python3", "libpython3"))
    )
    assert win32api.GetProcAddress(module, "Py_Initialize") != 0
    assert win32api.GetProcAddress(module, pywintypes.HANDLE(1)) == win32api.GetProcAddress(
        module, 1
    )
    assert_error(127, "GetProcAddress", win32api.GetProcAddress, module, 65000)
    with pytest.raises(TypeError, match="in the range 0-65536"):
        win32api.GetProcAddress(module, 100000)


def test_a_file_that_is_no_image_has_no_resource_section(tmp_path: object) -> None:
    # 1812 ERROR_RESOURCE_DATA_NOT_FOUND, "The specified image file did not contain a resource
    # section": the loader's ERROR_BAD_EXE_FORMAT does not reach the caller.
    path = os.path.join(str(tmp_path), "readme.txt")
    with open(path, "w") as file:
        file.write("no resources here\n")
    for block in ("\\", "\\VarFileInfo\\Translation"):
        assert_error(
            1812,
            "GetFileVersionInfo:GetFileVersionInfoSize",
            win32api.GetFileVersionInfo,
            path,
            block,
        )
