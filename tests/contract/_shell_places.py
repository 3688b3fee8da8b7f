"""What the shell's contract tests share: a home of their own here, and a folder to look at."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._wine import ON_THE_ORACLE

if TYPE_CHECKING:
    from pathlib import Path

    import pytest


def own_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Here, a home of its own, so that the desktop's folder is made nowhere of the user's."""
    if ON_THE_ORACLE:
        return
    home = tmp_path / "home"
    (home / "Desktop").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DESKTOP_DIR", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))


def make_place(tmp_path: Path, *, hidden: bool = False) -> Path:
    """A folder holding ``a.txt`` (5 bytes), ``B.TXT``, the folder ``sub`` (and ``.hid``)."""
    folder = tmp_path / "place"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("hello")
    (folder / "B.TXT").write_text("hi")
    if hidden:
        (folder / ".hid").write_text("h")
    return folder
