"""The per-user runtime directory is the user's own (0700), and sockets check their peer."""

from __future__ import annotations

import os
import socket
import struct
from typing import TYPE_CHECKING

import pytest

from apartment import _runtime

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_runtime, "_checked", {})
    monkeypatch.setattr(_runtime, "_made", {})


@pytest.mark.usefixtures("fresh")
def test_it_is_made_0700_and_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APARTMENT_RUNTIME_DIR", str(tmp_path / "rt"))
    path = _runtime.runtime_dir()
    assert path == tmp_path / "rt"
    assert os.stat(path).st_mode & 0o777 == 0o700
    assert _runtime.runtime_dir() == path


@pytest.mark.usefixtures("fresh")
def test_a_subdir_is_made_once_while_its_runtime_directory_stands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("APARTMENT_RUNTIME_DIR", str(tmp_path / "rt"))
    made: list[object] = []
    real_mkdir = type(tmp_path).mkdir

    def counted(path: Path, *args: object, **kwargs: object) -> None:
        if path.is_relative_to(tmp_path):  # another test's leftover thread may make its own
            made.append(path)
        real_mkdir(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(type(tmp_path), "mkdir", counted)
    first = _runtime.subdir("com")
    assert _runtime.subdir("com") == first == tmp_path / "rt" / "com"
    assert _runtime.subdir("com/servers") == first / "servers"
    assert os.stat(first / "servers").st_mode & 0o777 == 0o700
    assert made == [tmp_path / "rt", first, first / "servers"]  # each once
    # The runtime directory removed (a session's end): it and its subdirs are made anew.
    (first / "servers").rmdir()
    first.rmdir()
    (tmp_path / "rt").rmdir()
    assert _runtime.subdir("com").is_dir()
    assert _runtime.subdir("com/servers").is_dir()


@pytest.mark.usefixtures("fresh")
def test_a_directory_others_may_enter_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    monkeypatch.setenv("APARTMENT_RUNTIME_DIR", str(shared))
    with pytest.raises(_runtime.RuntimeDirError, match="chmod 700"):
        _runtime.runtime_dir()


@pytest.mark.usefixtures("fresh")
def test_a_directory_of_another_user_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    theirs = tmp_path / "theirs"
    theirs.mkdir(mode=0o700)
    real_lstat = os.lstat

    def lstat(path: object) -> os.stat_result:
        info = real_lstat(path)  # type: ignore[arg-type]
        fields = list(info)
        fields[4] = os.getuid() + 1  # st_uid: another user
        return os.stat_result(fields)

    monkeypatch.setattr(os, "lstat", lstat)
    monkeypatch.setenv("APARTMENT_RUNTIME_DIR", str(theirs))
    with pytest.raises(_runtime.RuntimeDirError, match="belongs to user"):
        _runtime.runtime_dir()


@pytest.mark.usefixtures("fresh")
def test_the_default_is_in_the_sessions_runtime_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("APARTMENT_RUNTIME_DIR", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    assert _runtime.runtime_dir() == tmp_path / "apartment"


class _OtherUsersSocket:
    """Stands in for a socket whose peer runs as another user (a second user is not here)."""

    def getsockopt(self, level: int, option: int, size: int) -> bytes:
        assert (level, option) == (socket.SOL_SOCKET, socket.SO_PEERCRED)
        return struct.pack("3i", 4242, os.getuid() + 1, os.getgid())


def test_a_peer_of_another_user_is_refused() -> None:
    left, right = socket.socketpair(socket.AF_UNIX)
    with left, right:
        assert _runtime.check_peer(left) == os.getpid()
    with pytest.raises(PermissionError, match="refused a connection from process 4242"):
        _runtime.check_peer(_OtherUsersSocket())  # type: ignore[arg-type]


def test_a_socket_path_too_long_for_unix_sockets_is_refused_with_the_fix(
    tmp_path: Path,
) -> None:
    deep = tmp_path / ("d" * 120)
    with pytest.raises(_runtime.RuntimeDirError, match="APARTMENT_RUNTIME_DIR"):
        _runtime.listen(deep / "s.sock")
    with pytest.raises(_runtime.RuntimeDirError, match="too long"):
        _runtime.connect(deep / "s.sock")
