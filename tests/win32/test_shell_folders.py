"""The shell's special folders on Linux: where each CSIDL/FOLDERID is, and Windows' errors.

Every test runs with a fake ``HOME`` and XDG variables under ``tmp_path``, so nothing outside it
is read or made. The shapes and relations Wine shares are in
``tests/contract/test_shell_folders.py``; these pin the Linux places.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest

from apartment import kernel, services
from apartment.errors import ComError
from apartment.win32.pywintypes import IID
from apartment.win32.win32com.shell import shell, shellcon

if TYPE_CHECKING:
    from pathlib import Path

E_FAIL = -2147467259
E_INVALIDARG = -2147024809
FILE_NOT_FOUND = -2147024894  # HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND)

_XDG = (
    "XDG_CONFIG_HOME",
    "XDG_DATA_HOME",
    "XDG_CACHE_HOME",
    "XDG_DESKTOP_DIR",
    "XDG_DOCUMENTS_DIR",
    "XDG_DOWNLOAD_DIR",
    "XDG_MUSIC_DIR",
    "XDG_PICTURES_DIR",
    "XDG_VIDEOS_DIR",
    "XDG_TEMPLATES_DIR",
    "XDG_PUBLICSHARE_DIR",
)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake home with no XDG variable set: every folder is at its default place."""
    monkeypatch.setenv("HOME", str(tmp_path))
    for name in _XDG:
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def _hresult(call: object) -> int:
    assert callable(call)
    with pytest.raises(ComError) as caught:
        call()
    return int(caught.value.args[0])


@pytest.mark.parametrize(
    ("csidl", "place"),
    [
        (shellcon.CSIDL_PROFILE, ""),
        (shellcon.CSIDL_DESKTOP, "Desktop"),
        (shellcon.CSIDL_DESKTOPDIRECTORY, "Desktop"),
        (shellcon.CSIDL_PERSONAL, "Documents"),
        (shellcon.CSIDL_MYMUSIC, "Music"),
        (shellcon.CSIDL_MYPICTURES, "Pictures"),
        (shellcon.CSIDL_MYVIDEO, "Videos"),
        (shellcon.CSIDL_TEMPLATES, "Templates"),
        (shellcon.CSIDL_APPDATA, ".config"),
        (shellcon.CSIDL_LOCAL_APPDATA, ".local/share"),
        (shellcon.CSIDL_INTERNET_CACHE, ".cache"),
        (shellcon.CSIDL_STARTUP, ".config/autostart"),
        (shellcon.CSIDL_PROGRAMS, ".local/share/applications"),
    ],
)
def test_the_user_folders_are_in_the_home_at_their_xdg_defaults(
    home: Path, csidl: int, place: str
) -> None:
    expected = os.path.join(str(home), place) if place else str(home)
    os.makedirs(expected, exist_ok=True)
    assert shell.SHGetFolderPath(0, csidl, None, 0) == expected
    assert shell.SHGetSpecialFolderPath(0, csidl) == expected


@pytest.mark.parametrize(
    ("csidl", "expected"),
    [
        (shellcon.CSIDL_COMMON_APPDATA, services.ALL_USERS_PROFILE),
        (shellcon.CSIDL_WINDOWS, kernel.windows_directory()),
        (shellcon.CSIDL_SYSTEM, kernel.system_directory()),
        (shellcon.CSIDL_PROGRAM_FILES, "/opt"),
        (shellcon.CSIDL_PROGRAM_FILES_COMMON, "/usr/share"),
        (shellcon.CSIDL_FONTS, "/usr/share/fonts"),
        (shellcon.CSIDL_COMMON_STARTUP, "/etc/xdg/autostart"),
        (shellcon.CSIDL_COMMON_PROGRAMS, "/usr/share/applications"),
    ],
)
def test_the_common_folders_are_the_systems(home: Path, csidl: int, expected: str) -> None:
    assert shell.SHGetFolderPath(0, csidl | shellcon.CSIDL_FLAG_DONT_VERIFY, None, 0) == expected


def test_the_xdg_base_variables_move_the_application_data(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config, data = home / "conf", home / "data"
    config.mkdir()
    data.mkdir()
    (home / ".config").mkdir()
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    assert shell.SHGetFolderPath(0, shellcon.CSIDL_APPDATA, None, 0) == str(config)
    assert shell.SHGetFolderPath(0, shellcon.CSIDL_LOCAL_APPDATA, None, 0) == str(data)
    # the default path is where the folder was before the user moved it
    assert shell.SHGetFolderPath(0, shellcon.CSIDL_APPDATA, None, 1) == str(home / ".config")
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/dir")  # the spec ignores a relative one
    assert shell.SHGetFolderPath(0, shellcon.CSIDL_APPDATA, None, 0) == str(home / ".config")


def test_user_dirs_dirs_moves_the_user_folders(home: Path) -> None:
    (home / ".config").mkdir()
    (home / "Bureau").mkdir()
    (home / "elsewhere").mkdir()
    (home / ".config" / "user-dirs.dirs").write_text(
        "# written by xdg-user-dirs-update\n"
        'XDG_DESKTOP_DIR="$HOME/Bureau"\n'
        f'XDG_DOWNLOAD_DIR="{home}/elsewhere"\n'
        "XDG_MUSIC_DIR=unquoted-is-ignored\n",
        encoding="utf-8",
    )
    assert shell.SHGetFolderPath(0, shellcon.CSIDL_DESKTOP, None, 0) == str(home / "Bureau")
    assert shell.SHGetKnownFolderPath(shell.FOLDERID_Downloads) == str(home / "elsewhere")
    (home / "Music").mkdir()
    music = shell.SHGetFolderPath(0, shellcon.CSIDL_MYMUSIC, None, 0)
    assert music == str(home / "Music")


def test_an_xdg_dir_variable_wins_over_the_file(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (home / ".config").mkdir()
    (home / ".config" / "user-dirs.dirs").write_text('XDG_DESKTOP_DIR="$HOME/Bureau"\n')
    (home / "Desk").mkdir()
    monkeypatch.setenv("XDG_DESKTOP_DIR", str(home / "Desk"))
    assert shell.SHGetFolderPath(0, shellcon.CSIDL_DESKTOP, None, 0) == str(home / "Desk")


def test_a_missing_profile_folder_is_made_when_asked_for(home: Path) -> None:
    # Every Windows profile holds Music, Desktop, Documents...: a program never sees them
    # missing, so a missing one is made (a Linux account without ~/Music).
    music = home / "Music"
    # not verified: the path, not made
    dont_verify = shellcon.CSIDL_MYMUSIC | shellcon.CSIDL_FLAG_DONT_VERIFY
    assert shell.SHGetFolderPath(0, dont_verify, None, 0) == str(music)
    assert shell.SHGetFolderPath(0, dont_verify, None, 1) == str(music)
    kf_dont_verify = shellcon.KF_FLAG_DONT_VERIFY
    assert shell.SHGetKnownFolderPath(shell.FOLDERID_Music, kf_dont_verify) == str(music)
    assert not music.exists()
    assert shell.SHGetFolderPath(0, shellcon.CSIDL_MYMUSIC, None, 0) == str(music)
    assert music.is_dir()
    desktop = home / "Desktop"
    assert shell.SHGetSpecialFolderPath(0, shellcon.CSIDL_DESKTOP) == str(desktop)
    assert desktop.is_dir()
    documents = shell.SHGetKnownFolderPath(shell.FOLDERID_Documents)
    assert documents == str(home / "Documents") and os.path.isdir(documents)
    # the default path too
    (home / "Videos").mkdir()
    os.rmdir(home / "Videos")
    assert shell.SHGetFolderPath(0, shellcon.CSIDL_MYVIDEO, None, 1) == str(home / "Videos")
    assert (home / "Videos").is_dir()


def test_a_missing_folder_outside_the_profile_is_file_not_found_unless_made(home: Path) -> None:
    public = home / "Public"  # the all-users share, not the user's profile
    assert _hresult(lambda: shell.SHGetKnownFolderPath(shell.FOLDERID_Public)) == FILE_NOT_FOUND
    assert not public.exists()
    made = shell.SHGetKnownFolderPath(shell.FOLDERID_Public, shellcon.KF_FLAG_CREATE)
    assert made == str(public) and public.is_dir()


def test_create_makes_the_parents_too(home: Path) -> None:
    startup = home / ".config" / "autostart"
    assert shell.SHGetSpecialFolderPath(0, shellcon.CSIDL_STARTUP, 1) == str(startup)
    assert startup.is_dir()
    path = shell.SHGetKnownFolderPath(shell.FOLDERID_LocalAppData, shellcon.KF_FLAG_CREATE)
    assert path == str(home / ".local" / "share")
    assert os.path.isdir(path)


def test_a_folder_that_cannot_be_made_gives_the_win32_error(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (home / "file").write_text("")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "file" / "config"))
    create = shellcon.CSIDL_APPDATA | shellcon.CSIDL_FLAG_CREATE
    path_not_found = -2147024893  # HRESULT_FROM_WIN32(ERROR_PATH_NOT_FOUND): a file in the way
    assert _hresult(lambda: shell.SHGetFolderPath(0, create, None, 0)) == path_not_found
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "file"))  # a file where the folder goes
    already_exists = -2147024713  # HRESULT_FROM_WIN32(ERROR_ALREADY_EXISTS)
    assert _hresult(lambda: shell.SHGetFolderPath(0, create, None, 0)) == already_exists
    not_verified = shellcon.CSIDL_APPDATA | shellcon.CSIDL_FLAG_DONT_VERIFY
    assert shell.SHGetFolderPath(0, not_verified, None, 0) == str(home / "file")
    uncreated = shellcon.CSIDL_APPDATA
    assert _hresult(lambda: shell.SHGetFolderPath(0, uncreated, None, 0)) == FILE_NOT_FOUND


@pytest.mark.parametrize(
    "csidl",
    [
        0xFF,
        0x3E,
        shellcon.CSIDL_DRIVES,
        shellcon.CSIDL_NETWORK,
        shellcon.CSIDL_PRINTERS,
        shellcon.CSIDL_BITBUCKET,
        shellcon.CSIDL_INTERNET,
        shellcon.CSIDL_MYDOCUMENTS,  # pywin32's 0xC: the old virtual folder, not PERSONAL's 5
    ],
)
def test_an_unknown_or_virtual_csidl_is_e_invalidarg(home: Path, csidl: int) -> None:
    assert _hresult(lambda: shell.SHGetFolderPath(0, csidl, None, 0)) == E_INVALIDARG
    if csidl != shellcon.CSIDL_DRIVES:  # My Computer has a location: its item
        assert _hresult(lambda: shell.SHGetFolderLocation(0, csidl)) == E_INVALIDARG
    assert _hresult(lambda: shell.SHGetSpecialFolderPath(0, csidl)) == E_FAIL


def test_shgetfolderpath_takes_only_the_two_path_types(home: Path) -> None:
    (home / ".config").mkdir()
    assert _hresult(lambda: shell.SHGetFolderPath(0, shellcon.CSIDL_APPDATA, None, 2)) == (
        E_INVALIDARG
    )
    with pytest.raises(TypeError):
        shell.SHGetFolderPath(0, "26", None, 0)
    with pytest.raises(TypeError):
        shell.SHGetFolderPath(0, shellcon.CSIDL_APPDATA, None)  # type: ignore[call-arg]


def test_known_folders_by_iid_or_string(home: Path) -> None:
    (home / ".config").mkdir()
    assert shell.SHGetKnownFolderPath(shell.FOLDERID_RoamingAppData) == str(home / ".config")
    text = "{3EB685DB-65F9-4CF6-A03A-E3EF65729F3D}"
    assert shell.SHGetKnownFolderPath(text, 0, None) == str(home / ".config")
    unknown = IID("{12345678-1234-1234-1234-123456789012}")
    assert _hresult(lambda: shell.SHGetKnownFolderPath(unknown)) == FILE_NOT_FOUND
    virtual = shell.FOLDERID_ComputerFolder
    assert _hresult(lambda: shell.SHGetKnownFolderPath(virtual)) == E_INVALIDARG
    assert shell.SHGetKnownFolderPath(shell.FOLDERID_Profile) == str(home)
    assert shell.FOLDERID_Desktop == IID("{B4BFCC3A-DB2C-424C-B029-7FE99A87C641}")


def test_a_folder_location_is_a_pidl_of_its_path(home: Path) -> None:
    (home / ".config").mkdir()
    (home / "Desktop").mkdir()
    pidl = shell.SHGetFolderLocation(0, shellcon.CSIDL_APPDATA)
    assert isinstance(pidl, list)
    assert all(isinstance(item, bytes) for item in pidl)
    assert shell.SHGetPathFromIDListW(pidl) == str(home / ".config")
    assert shell.SHGetPathFromIDList(pidl) == os.fsencode(str(home / ".config"))
    assert shell.StringAsPIDL(shell.PIDLAsString(pidl)) == pidl  # packs like any other
    assert shell.SHGetFolderLocation(0, shellcon.CSIDL_DESKTOP) == []  # the namespace's root
    assert shell.SHGetPathFromIDListW([]) == str(home / "Desktop")
    assert shell.SHGetSpecialFolderLocation(0, shellcon.CSIDL_PROFILE)[-1].endswith(
        os.fsencode(home.name)
    )
    assert _hresult(lambda: shell.SHGetPathFromIDList([b"xx"])) == E_FAIL


def test_is_user_an_admin_follows_the_threads_token() -> None:
    process_token = kernel.open_token_of(kernel.current_process())
    assert shell.IsUserAnAdmin() is (os.geteuid() == 0)
    if not process_token.elevated:
        return
    thread = kernel.current_thread()
    kernel.set_thread_token(thread, process_token.linked_token())  # the limited half (UAC)
    try:
        assert shell.IsUserAnAdmin() is False
    finally:
        kernel.revert_to_self(thread)
    assert shell.IsUserAnAdmin() is True


def test_the_shellcon_known_folder_flags() -> None:
    assert shellcon.KF_FLAG_CREATE == services.KF_FLAG_CREATE == 0x8000
    assert shellcon.KF_FLAG_DONT_VERIFY == services.KF_FLAG_DONT_VERIFY == 0x4000
    assert shellcon.KF_FLAG_DEFAULT_PATH == services.KF_FLAG_DEFAULT_PATH == 0x400
    assert shellcon.CSIDL_FLAG_CREATE == services.CSIDL_FLAG_CREATE
