"""Tim Golden's well-known "watch a directory for changes" recipe, run on the facade.

The recipe opens the folder with FILE_LIST_DIRECTORY and FILE_FLAG_BACKUP_SEMANTICS, then
loops on a synchronous ReadDirectoryChangesW over the whole tree with a wide filter, joining
each name to the watched path. Here one round of it sees a file made in a subfolder, written,
renamed and deleted.
"""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING

from apartment.testing import wait_until_blocked
from apartment.win32 import win32con, win32file

if TYPE_CHECKING:
    from pathlib import Path

FILE_LIST_DIRECTORY = 0x0001  # the recipe defines it itself
ACTIONS = {1: "Created", 2: "Deleted", 3: "Updated", 4: "Renamed from", 5: "Renamed to"}
FILTER = (
    win32con.FILE_NOTIFY_CHANGE_FILE_NAME
    | win32con.FILE_NOTIFY_CHANGE_DIR_NAME
    | win32con.FILE_NOTIFY_CHANGE_ATTRIBUTES
    | win32con.FILE_NOTIFY_CHANGE_SIZE
    | win32con.FILE_NOTIFY_CHANGE_LAST_WRITE
    | win32con.FILE_NOTIFY_CHANGE_SECURITY
)


def test_the_recipe_reports_each_step(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    h_dir = win32file.CreateFile(
        str(tmp_path),
        FILE_LIST_DIRECTORY,
        win32con.FILE_SHARE_READ | win32con.FILE_SHARE_WRITE | win32con.FILE_SHARE_DELETE,
        None,
        win32con.OPEN_EXISTING,
        win32con.FILE_FLAG_BACKUP_SEMANTICS,
        None,
    )
    seen: list[tuple[str, str]] = []

    def one_round() -> None:
        results = win32file.ReadDirectoryChangesW(h_dir, 1024, True, FILTER, None, None)
        assert results is not None  # a size gives the list
        for action, file in results:
            full_filename = os.path.join(str(tmp_path), file)
            seen.append((ACTIONS.get(action, "Unknown"), full_filename))

    def step(change: object) -> list[tuple[str, str]]:
        seen.clear()
        watcher = threading.Thread(target=one_round, daemon=True)
        watcher.start()
        wait_until_blocked(watcher)
        change()  # type: ignore[operator]
        watcher.join(10)
        assert not watcher.is_alive()
        return list(seen)

    target = tmp_path / "sub" / "a.txt"
    assert step(target.touch) == [("Created", str(target))]
    assert step(lambda: target.write_text("hello")) == [("Updated", str(target))]
    renamed = tmp_path / "sub" / "b.txt"
    assert step(lambda: target.rename(renamed)) == [
        ("Renamed from", str(target)),
        ("Renamed to", str(renamed)),
    ]
    assert step(renamed.unlink) == [("Deleted", str(renamed))]
    h_dir.Close()
