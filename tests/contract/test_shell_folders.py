"""The shell's special folders: shapes and relations that hold on Windows, Wine and here.

Where a folder is differs (``C:\\users\\me\\AppData\\Roaming`` there, ``~/.config`` here), so
these pin what a program relies on: the user's folders are inside the profile, the same folder
has one path by its CSIDL and by its FOLDERID, the folders a program writes to exist, and the
errors are pywin32's com_error with Windows' HRESULT. The fake-home rules are in
``tests/win32/test_shell_folders.py``.
"""

from __future__ import annotations

import os

import pytest
import pythoncom
import pywintypes
from win32com.shell import shell, shellcon

from ._wine import ON_THE_ORACLE

E_FAIL = -2147467259
E_INVALIDARG = -2147024809
FILE_NOT_FOUND = -2147024894  # HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND)
CSIDL_FLAG_CREATE = 0x8000  # shlobj.h's; pywin32's shellcon has no CSIDL_FLAG_*
CSIDL_FLAG_DONT_VERIFY = 0x4000


@pytest.fixture(autouse=True)
def _own_home(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """Here, a home under tmp_path, so that creating a folder touches nothing of the user's."""
    if ON_THE_ORACLE:
        return
    monkeypatch.setenv("HOME", str(tmp_path))
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_DESKTOP_DIR"):
        monkeypatch.delenv(name, raising=False)
    for place in (".config", ".local/share"):
        os.makedirs(os.path.join(str(tmp_path), place))


def _inside(path: str, folder: str) -> bool:
    path, folder = os.path.normcase(path), os.path.normcase(folder)
    return path.startswith(folder.rstrip("\\/") + os.sep)


def _hresult(call: object) -> int:
    assert callable(call)
    with pytest.raises(pythoncom.com_error) as caught:
        call()
    return int(caught.value.args[0])


def test_the_profile_and_application_data_exist_and_are_strings() -> None:
    for csidl in (shellcon.CSIDL_PROFILE, shellcon.CSIDL_APPDATA, shellcon.CSIDL_LOCAL_APPDATA):
        path = shell.SHGetFolderPath(0, csidl, None, 0)
        assert isinstance(path, str)
        assert os.path.isabs(path)
        assert os.path.isdir(path)


def test_the_per_user_folders_are_inside_the_profile() -> None:
    profile = shell.SHGetFolderPath(0, shellcon.CSIDL_PROFILE, None, 0)
    for csidl in (shellcon.CSIDL_APPDATA, shellcon.CSIDL_LOCAL_APPDATA):
        assert _inside(shell.SHGetFolderPath(0, csidl, None, 0), profile)
    for folder_id in (shell.FOLDERID_Desktop, shell.FOLDERID_Documents, shell.FOLDERID_Downloads):
        path = shell.SHGetKnownFolderPath(folder_id, shellcon.KF_FLAG_DONT_VERIFY)
        assert _inside(path, profile)


def test_a_csidl_and_its_folderid_are_one_folder() -> None:
    pairs = [
        (shellcon.CSIDL_APPDATA, shell.FOLDERID_RoamingAppData),
        (shellcon.CSIDL_LOCAL_APPDATA, shell.FOLDERID_LocalAppData),
        (shellcon.CSIDL_PROFILE, shell.FOLDERID_Profile),
        (shellcon.CSIDL_COMMON_APPDATA, shell.FOLDERID_ProgramData),
        (shellcon.CSIDL_WINDOWS, shell.FOLDERID_Windows),
        (shellcon.CSIDL_SYSTEM, shell.FOLDERID_System),
        (shellcon.CSIDL_PROGRAM_FILES, shell.FOLDERID_ProgramFiles),
    ]
    for csidl, folder_id in pairs:
        by_csidl = shell.SHGetFolderPath(0, csidl | CSIDL_FLAG_DONT_VERIFY, None, 0)
        by_id = shell.SHGetKnownFolderPath(folder_id, shellcon.KF_FLAG_DONT_VERIFY)
        assert by_csidl == by_id


def test_the_desktop_and_its_directory_are_one_folder_and_exist() -> None:
    desktop = shell.SHGetFolderPath(0, shellcon.CSIDL_DESKTOP | CSIDL_FLAG_CREATE, None, 0)
    assert shell.SHGetFolderPath(0, shellcon.CSIDL_DESKTOPDIRECTORY, None, 0) == desktop
    assert shell.SHGetSpecialFolderPath(0, shellcon.CSIDL_DESKTOP) == desktop
    assert shell.SHGetKnownFolderPath(shell.FOLDERID_Desktop) == desktop
    assert os.path.isdir(desktop)


def test_mydocuments_is_the_old_virtual_folder() -> None:
    # pywin32 keeps the old 0xC (the SDK's is now CSIDL_PERSONAL's 5): a virtual folder
    assert shellcon.CSIDL_PERSONAL == 5
    assert shellcon.CSIDL_MYDOCUMENTS == 0xC
    mydocuments = shellcon.CSIDL_MYDOCUMENTS
    assert _hresult(lambda: shell.SHGetFolderPath(0, mydocuments, None, 0)) == E_INVALIDARG


def test_create_gives_a_folder_that_exists() -> None:
    path = shell.SHGetSpecialFolderPath(0, shellcon.CSIDL_APPDATA, 1)
    assert os.path.isdir(path)
    assert shell.SHGetFolderPath(0, shellcon.CSIDL_APPDATA | CSIDL_FLAG_CREATE, 0, 0) == path
    created = shell.SHGetKnownFolderPath(shell.FOLDERID_RoamingAppData, shellcon.KF_FLAG_CREATE)
    assert created == path


def test_the_default_path_type_is_accepted_and_others_are_not() -> None:
    assert isinstance(shell.SHGetFolderPath(0, shellcon.CSIDL_APPDATA, None, 1), str)
    assert _hresult(lambda: shell.SHGetFolderPath(0, shellcon.CSIDL_APPDATA, None, 2)) == (
        E_INVALIDARG
    )


@pytest.mark.parametrize("csidl", [0xFF, 0x3E, shellcon.CSIDL_DRIVES, shellcon.CSIDL_NETWORK])
def test_an_unknown_or_virtual_csidl_is_e_invalidarg(csidl: int) -> None:
    assert _hresult(lambda: shell.SHGetFolderPath(0, csidl, None, 0)) == E_INVALIDARG
    assert _hresult(lambda: shell.SHGetSpecialFolderPath(0, csidl)) == E_FAIL


def test_an_unknown_folder_id_is_file_not_found() -> None:
    unknown = pywintypes.IID("{12345678-1234-1234-1234-123456789012}")
    assert _hresult(lambda: shell.SHGetKnownFolderPath(unknown)) == FILE_NOT_FOUND
    assert _hresult(lambda: shell.SHGetKnownFolderPath(shell.FOLDERID_ComputerFolder)) == (
        E_INVALIDARG
    )


def test_a_folder_id_may_be_its_string() -> None:
    text = "{3EB685DB-65F9-4CF6-A03A-E3EF65729F3D}"
    assert shell.FOLDERID_RoamingAppData == pywintypes.IID(text)
    assert shell.SHGetKnownFolderPath(text) == shell.SHGetKnownFolderPath(
        shell.FOLDERID_RoamingAppData
    )


def test_the_folder_ids_are_windows_guids() -> None:
    assert str(shell.FOLDERID_Desktop) == "{B4BFCC3A-DB2C-424C-B029-7FE99A87C641}"
    assert str(shell.FOLDERID_Downloads) == "{374DE290-123F-4565-9164-39C4925E467B}"
    assert str(shell.FOLDERID_LocalAppData) == "{F1B32785-6FBA-4FCF-9D55-7B8E7F157091}"
    assert shellcon.KF_FLAG_CREATE == 0x8000
    assert shellcon.KF_FLAG_DONT_VERIFY == 0x4000
    assert shellcon.KF_FLAG_DEFAULT_PATH == 0x400


def test_a_folder_location_turns_back_into_its_path() -> None:
    path = shell.SHGetFolderPath(0, shellcon.CSIDL_APPDATA, None, 0)
    pidl = shell.SHGetFolderLocation(0, shellcon.CSIDL_APPDATA)
    assert isinstance(pidl, list)
    assert pidl
    assert all(isinstance(item, bytes) for item in pidl)
    assert shell.SHGetPathFromIDListW(pidl) == path
    assert isinstance(shell.SHGetPathFromIDList(pidl), bytes)
    assert shell.SHGetFolderLocation(0, shellcon.CSIDL_DESKTOP) == []
    desktop = shell.SHGetFolderPath(0, shellcon.CSIDL_DESKTOP | CSIDL_FLAG_DONT_VERIFY, None, 0)
    assert shell.SHGetPathFromIDListW([]) == desktop


def test_the_arguments_are_pywin32s() -> None:
    with pytest.raises(TypeError):
        shell.SHGetFolderPath(0, shellcon.CSIDL_APPDATA, None)
    with pytest.raises(TypeError):
        shell.SHGetFolderPath(0, "26", None, 0)
    path = shell.SHGetFolderPath(None, shellcon.CSIDL_APPDATA, None, 0)
    assert shell.SHGetSpecialFolderPath(None, shellcon.CSIDL_APPDATA) == path


def test_is_user_an_admin_is_a_bool() -> None:
    assert isinstance(shell.IsUserAnAdmin(), bool)
