"""A folder watcher: overlapped ReadDirectoryChangesW and a daily timer in one MsgWait.

Source: a public GitHub file (a PDF-to-Airtable watcher, search index id 46407966325),
rewritten with its calls and their order: the folder opened with ``CreateFile(path, 0x0001,
FILE_SHARE_READ | WRITE | DELETE, None, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS |
FILE_FLAG_OVERLAPPED, None)``, a manual-reset waitable timer set with a relative due time,
``pywintypes.OVERLAPPED()`` with an auto-reset event, ``AllocateReadBuffer(8192)``,
``ReadDirectoryChangesW(handle, buffer, True, flags, overlapped)``,
``MsgWaitForMultipleObjects([overlapped.hEvent, timer], False, timeout, QS_ALLEVENTS)``,
``GetOverlappedResult(handle, overlapped, True)`` and ``FILE_NOTIFY_INFORMATION(buffer, n)``.
The timer fires in a fifth of a second here, not at the day's check-in hour. A new file written
to is added, then modified (it was only added here); Wine reports a second modification at
the close, which Windows need not, so the first two changes are printed.
"""

import os
import shutil
import tempfile
import threading

import pywintypes
import win32con
import win32event
import win32file


def main():
    folder = tempfile.mkdtemp()
    try:
        flags = win32con.FILE_NOTIFY_CHANGE_FILE_NAME | win32con.FILE_NOTIFY_CHANGE_LAST_WRITE
        directory_handle = win32file.CreateFile(
            folder,
            0x0001,
            win32con.FILE_SHARE_READ | win32con.FILE_SHARE_WRITE | win32con.FILE_SHARE_DELETE,
            None,
            win32con.OPEN_EXISTING,
            win32con.FILE_FLAG_BACKUP_SEMANTICS | win32con.FILE_FLAG_OVERLAPPED,
            None,
        )
        timer_handle = win32event.CreateWaitableTimer(None, True, None)
        win32event.SetWaitableTimer(timer_handle, -2000000, 0, None, None, True)
        overlapped = pywintypes.OVERLAPPED()
        overlapped.hEvent = win32event.CreateEvent(None, 0, 0, None)
        buffer = win32file.AllocateReadBuffer(8192)
        print("Waiting for files.")
        writer = threading.Thread(
            target=lambda: open(os.path.join(folder, "scan1.pdf"), "wb").write(b"%PDF-1.4")
        )
        events = []
        has_timed_out = False
        rounds = 0
        while rounds < 3:
            rounds += 1
            if not has_timed_out:
                win32file.ReadDirectoryChangesW(directory_handle, buffer, True, flags, overlapped)
            if rounds == 1:
                writer.start()
            rc = win32event.MsgWaitForMultipleObjects(
                [overlapped.hEvent, timer_handle], False, 5000, win32event.QS_ALLEVENTS
            )
            if rc == win32event.WAIT_TIMEOUT:
                has_timed_out = True
                events.append("timeout")
            elif rc == win32event.WAIT_OBJECT_0:
                has_timed_out = False
                result = win32file.GetOverlappedResult(directory_handle, overlapped, True)
                if result:
                    for action, filename in win32file.FILE_NOTIFY_INFORMATION(buffer, result):
                        events.append((action, filename))
            elif rc == win32event.WAIT_OBJECT_0 + 1:
                events.append("timer: the daily check-in")
                win32event.CancelWaitableTimer(timer_handle)
                has_timed_out = True
        writer.join()
        for event in events[:2]:
            print(event)
        print("the timer fired:", "timer: the daily check-in" in events)
        win32file.CancelIo(directory_handle)
        directory_handle.Close()
    finally:
        shutil.rmtree(folder)
    print("done")


if __name__ == "__main__":
    main()
