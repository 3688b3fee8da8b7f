"""Run a child with its standard output and error on inheritable pipes and read them.

Source: public GitHub files (a process runner, search index id 68917455947, and a test
harness's background process, id 22719059957), rewritten with their calls and their order:
``CreatePipe`` with inheritable ``SECURITY_ATTRIBUTES``, the read ends duplicated
non-inheritable (``DuplicateHandle`` with ``DUPLICATE_SAME_ACCESS``) and the originals closed,
``STARTUPINFO`` with ``STARTF_USESTDHANDLES``, ``CreateProcess(..., True, CREATE_SUSPENDED ...)``
then ``ResumeThread``, the write ends closed, reads until ``ERROR_BROKEN_PIPE``.
"""

import sys
import threading

import pywintypes
import win32api
import win32con
import win32event
import win32file
import win32pipe
import win32process
import win32security
import winerror


def read_all(handle, chunks):
    while True:
        try:
            _, data = win32file.ReadFile(handle, 4096)
        except pywintypes.error as error:
            if error.winerror == winerror.ERROR_BROKEN_PIPE:
                return
            raise
        chunks.append(data)


def main():
    sa = win32security.SECURITY_ATTRIBUTES()
    sa.bInheritHandle = 1
    out_read, out_write = win32pipe.CreatePipe(sa, 0)
    err_read, err_write = win32pipe.CreatePipe(sa, 0)
    pid = win32api.GetCurrentProcess()
    tmp = win32api.DuplicateHandle(pid, out_read, pid, 0, 0, win32con.DUPLICATE_SAME_ACCESS)
    win32file.CloseHandle(out_read)
    out_read = tmp
    tmp = win32api.DuplicateHandle(pid, err_read, pid, 0, 0, win32con.DUPLICATE_SAME_ACCESS)
    win32file.CloseHandle(err_read)
    err_read = tmp

    startup = win32process.STARTUPINFO()
    startup.dwFlags |= win32process.STARTF_USESTDHANDLES
    startup.hStdInput = win32api.GetStdHandle(win32api.STD_INPUT_HANDLE)
    startup.hStdOutput = out_write
    startup.hStdError = err_write
    code = "import sys; print('to out'); print('to err', file=sys.stderr); sys.exit(5)"
    process_handle, thread_handle, child_pid, _ = win32process.CreateProcess(
        None,
        f'"{sys.executable}" -c "{code}"',
        None,
        None,
        True,
        win32con.CREATE_SUSPENDED,
        None,
        None,
        startup,
    )
    print(
        "suspended child still running:",
        win32event.WaitForSingleObject(process_handle, 100) == win32event.WAIT_TIMEOUT,
    )
    print("previous suspend count:", win32process.ResumeThread(thread_handle))
    win32file.CloseHandle(out_write)
    win32file.CloseHandle(err_write)
    out, err = [], []
    readers = [
        threading.Thread(target=read_all, args=(out_read, out)),
        threading.Thread(target=read_all, args=(err_read, err)),
    ]
    for reader in readers:
        reader.start()
    win32event.WaitForSingleObject(process_handle, win32event.INFINITE)
    for reader in readers:
        reader.join(10)
    print("stdout:", b"".join(out).replace(b"\r\n", b"\n"))
    print("stderr:", b"".join(err).replace(b"\r\n", b"\n"))
    print("exit code:", win32process.GetExitCodeProcess(process_handle))
    print("child pid matches:", win32process.GetProcessId(process_handle) == child_pid)
    for handle in (process_handle, thread_handle, out_read, err_read):
        win32api.CloseHandle(handle)
    print("done")


if __name__ == "__main__":
    main()
