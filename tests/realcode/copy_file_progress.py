"""Copy a large file with a progress callback, then cancel a second copy halfway.

Source: public GitHub and StackOverflow answers on "win32file.CopyFileEx progress callback
python" (``def progress(total, transferred, stream_size, stream_transferred, stream_number,
reason, source, dest, data)`` returning ``PROGRESS_CONTINUE``; ``win32file.CopyFileEx(src,
dst, progress, None, False, 0)``; ``COPY_FILE_FAIL_IF_EXISTS``; returning ``PROGRESS_CANCEL``
to stop, which fails the copy with 1235, ERROR_REQUEST_ABORTED, and deletes the partial copy;
``MoveFileWithProgress`` with ``MOVEFILE_REPLACE_EXISTING``), rewritten with their calls and
their order. The chunk sizes Windows reports vary, so the program prints what it can count on:
the first call's reason, that totals never shrink, and the last call's totals.

Wine differs: its CopyFileEx never calls the progress routine, so the oracle prints "progress
never called", "cancelled copy finished" and leaves the copy; Windows calls it for every chunk
(CALLBACK_STREAM_SWITCH, 1, first), and PROGRESS_CANCEL fails the copy with 1235 and deletes
the partial file (the expected output).
"""

import os
import tempfile

import pywintypes
import win32file

SIZE = 3 * 1024 * 1024 + 17


class Progress:
    def __init__(self, stop_after=None):
        self.calls = []
        self.stop_after = stop_after

    def __call__(
        self, total, transferred, stream_size, stream_done, stream, reason, src, dst, data
    ):
        self.calls.append((int(total), int(transferred), reason, data))
        if self.stop_after is not None and int(transferred) >= self.stop_after:
            return win32file.PROGRESS_CANCEL
        return win32file.PROGRESS_CONTINUE

    def report(self, label):
        if not self.calls:
            print(f"{label}: progress never called")
            return
        totals = [call[1] for call in self.calls]
        print(
            f"{label}: first reason {self.calls[0][2]}, total {self.calls[-1][0]},"
            f" last transferred {totals[-1]}, never shrinks {totals == sorted(totals)},"
            f" data {self.calls[-1][3]!r}"
        )


def main():
    folder = tempfile.mkdtemp()
    src = os.path.join(folder, "big.bin")
    with open(src, "wb") as f:
        f.write(os.urandom(SIZE))
    dst = os.path.join(folder, "copy.bin")
    progress = Progress()
    print("copy:", win32file.CopyFileEx(src, dst, progress, "job-1", False, 0))
    progress.report("copy")
    print("same size:", os.path.getsize(dst) == SIZE)
    try:
        win32file.CopyFileEx(src, dst, None, None, False, win32file.COPY_FILE_FAIL_IF_EXISTS)
    except pywintypes.error as error:
        print("fail if exists:", error.winerror, error.funcname)
    cancelled = Progress(stop_after=1)
    target = os.path.join(folder, "cancelled.bin")
    try:
        win32file.CopyFileEx(src, target, cancelled, None, False, 0)
        print("cancelled copy finished")
    except pywintypes.error as error:
        print("cancel:", error.winerror, error.funcname)
    print("partial copy left:", os.path.exists(target))
    moved = os.path.join(folder, "moved.bin")
    win32file.MoveFileWithProgress(dst, moved, None, None, win32file.MOVEFILE_REPLACE_EXISTING)
    print("moved:", os.path.exists(moved), "source gone:", not os.path.exists(dst))
    for name in os.listdir(folder):
        os.remove(os.path.join(folder, name))
    os.rmdir(folder)


main()
