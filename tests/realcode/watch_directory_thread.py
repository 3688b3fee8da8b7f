"""Watch a folder with a blocking ReadDirectoryChangesW on a thread, stopped by its owner.

Source: Tim Golden's "Watch a Directory for Changes" recipe (the ReadDirectoryChangesW one,
copied into many GitHub projects): ``CreateFile(path, FILE_LIST_DIRECTORY,
FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, None, OPEN_EXISTING,
FILE_FLAG_BACKUP_SEMANTICS, None)``, then in a loop ``ReadDirectoryChangesW(hDir, 1024, True,
FILE_NOTIFY_CHANGE_FILE_NAME | ... | FILE_NOTIFY_CHANGE_LAST_WRITE, None, None)`` and an
``ACTIONS`` table for each ``(action, file)``. Rewritten with those calls in that order; the
watcher runs on a thread that its owner stops with a flag and one last change (the common
way to wake a blocking call), and the driver's changes are made one at a time, each waited
for, so the order is the same everywhere: create, rename, delete, and a file in a subfolder.
Windows keeps no change made before the first ReadDirectoryChangesW call, so the driver first
makes probe files until one is reported, then a sync file it waits for. A name below the folder
comes with the system's separator (``\\`` on Windows, ``/`` here, as Linux's paths join with it):
the program prints it with ``/``. Where Wine is not Windows: Wine does not report the file
made in the subfolder (its watch of a subtree misses it, and the program then waits in vain);
Windows reports it, as the expected output holds.
"""

import os
import queue
import tempfile
import threading

import win32con
import win32file

ACTIONS = {
    1: "Created",
    2: "Deleted",
    3: "Updated",
    4: "Renamed from something",
    5: "Renamed to something",
}
FILE_LIST_DIRECTORY = 0x0001


def watcher(path_to_watch, events, stop):
    hDir = win32file.CreateFile(
        path_to_watch,
        FILE_LIST_DIRECTORY,
        win32con.FILE_SHARE_READ | win32con.FILE_SHARE_WRITE | win32con.FILE_SHARE_DELETE,
        None,
        win32con.OPEN_EXISTING,
        win32con.FILE_FLAG_BACKUP_SEMANTICS,
        None,
    )
    events.put(("ready", None))
    while not stop.is_set():
        results = win32file.ReadDirectoryChangesW(
            hDir,
            1024,
            True,
            win32con.FILE_NOTIFY_CHANGE_FILE_NAME | win32con.FILE_NOTIFY_CHANGE_DIR_NAME,
            None,
            None,
        )
        for action, file in results:
            events.put((ACTIONS.get(action, "Unknown"), file.replace(os.sep, "/")))
    hDir.Close()
    events.put(("stopped", None))


def expect(events, count):
    got = []
    while len(got) < count:
        got.append(events.get(timeout=30))
    return got


def in_step(path, events):
    """Wait until the watcher's first call is made: Windows keeps no changes before it."""
    for i in range(300):
        with open(os.path.join(path, f"probe-{i}.tmp"), "w"):
            pass
        try:
            events.get(timeout=0.1)
            break
        except queue.Empty:
            continue
    with open(os.path.join(path, "sync.tmp"), "w"):
        pass
    while events.get(timeout=30) != ("Created", "sync.tmp"):
        pass
    return True


def main():
    path_to_watch = tempfile.mkdtemp(prefix="rc-watch-")
    os.mkdir(os.path.join(path_to_watch, "sub"))
    events = queue.Queue()
    stop = threading.Event()
    t = threading.Thread(target=watcher, args=(path_to_watch, events, stop))
    t.start()
    print(expect(events, 1))
    print("watching:", in_step(path_to_watch, events))
    target = os.path.join(path_to_watch, "report.txt")
    with open(target, "w") as f:
        f.write("hello")
    print(expect(events, 1))
    os.rename(target, os.path.join(path_to_watch, "report-final.txt"))
    print(expect(events, 2))
    os.remove(os.path.join(path_to_watch, "report-final.txt"))
    print(expect(events, 1))
    with open(os.path.join(path_to_watch, "sub", "inner.txt"), "w") as f:
        f.write("x")
    print(expect(events, 1))
    stop.set()
    with open(os.path.join(path_to_watch, "wake.txt"), "w"):
        pass
    print(expect(events, 2))
    t.join(30)
    print("watcher ended:", not t.is_alive())


if __name__ == "__main__":
    main()
