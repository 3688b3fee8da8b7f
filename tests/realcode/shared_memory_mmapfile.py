"""Two processes share a named page through pywin32's ``mmapfile`` and hand off with events.

Source: public GitHub files (IPC helpers that share memory by a tag name on Windows; search
"mmapfile.mmapfile shared memory between processes python pywin32"), rewritten with their
calls and their order: ``mmapfile.mmapfile(None, tag, size)`` in both processes (a mapping of
the paging file by name), ``write``, ``seek``, ``read``, ``tell``, ``size``, ``read_byte`` and
``write_byte`` on the view; a named auto-reset event for each direction of the hand-off; the
child started with ``CreateProcess`` and waited for with ``WaitForMultipleObjects``.
"""

import sys

import mmapfile
import win32api
import win32event
import win32process

TAG = "realcode-shared-page"
TO_CHILD = "realcode-shared-to-child"
TO_PARENT = "realcode-shared-to-parent"
SIZE = 4096


def child():
    view = mmapfile.mmapfile(None, TAG, SIZE)
    go = win32event.OpenEvent(win32event.EVENT_ALL_ACCESS, False, TO_CHILD)
    back = win32event.OpenEvent(win32event.EVENT_ALL_ACCESS, False, TO_PARENT)
    for _ in range(3):
        win32event.WaitForSingleObject(go, 20000)
        view.seek(0)
        text = view.read(16).rstrip(b"\0")
        view.seek(0)
        view.write(text.upper().ljust(16, b"\0"))
        win32event.SetEvent(back)
    view.close()


def main():
    if sys.argv[1:] == ["child"]:
        child()
        return
    view = mmapfile.mmapfile(None, TAG, SIZE)
    print("size:", view.size(), "tell:", view.tell())
    go = win32event.CreateEvent(None, False, False, TO_CHILD)
    back = win32event.CreateEvent(None, False, False, TO_PARENT)
    cmd = f'"{sys.executable}" "{__file__}" child'
    h_process, h_thread, _, _ = win32process.CreateProcess(
        None, cmd, None, None, False, 0, None, None, win32process.STARTUPINFO()
    )
    for word in (b"alpha", b"beta", b"gamma"):
        view.seek(0)
        view.write(word.ljust(16, b"\0"))
        win32event.SetEvent(go)
        rc = win32event.WaitForMultipleObjects([back, h_process], False, 20000)
        view.seek(0)
        print("sent", word, "wait", rc, "got", view.read(16).rstrip(b"\0"))
    print("tell after a read:", view.tell())
    view.seek(100)
    view.write_byte(b"z")
    view.seek(100)
    print("byte:", view.read_byte())
    print("child ended:", win32event.WaitForSingleObject(h_process, 20000))
    print("exit code:", win32process.GetExitCodeProcess(h_process))
    view.close()
    for h in (h_thread, h_process, go, back):
        win32api.CloseHandle(h)
    print("done")


if __name__ == "__main__":
    main()
