"""A named pipe any user may open: a SECURITY_ATTRIBUTES built from SDDL, one echo round trip.

Source: public GitHub service/GUI bridges (search "win32pipe.CreateNamedPipe
SECURITY_ATTRIBUTES ConvertStringSecurityDescriptorToSecurityDescriptor"; ``sa =
pywintypes.SECURITY_ATTRIBUTES()``, ``sa.SECURITY_DESCRIPTOR = win32security.
ConvertStringSecurityDescriptorToSecurityDescriptor("D:(A;;GA;;;WD)", SDDL_REVISION_1)``,
``CreateNamedPipe(name, PIPE_ACCESS_DUPLEX, PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE |
PIPE_WAIT, 1, 65536, 65536, 0, sa)``, a server thread in ``ConnectNamedPipe``, the client's
``CreateFile`` and ``SetNamedPipeHandleState``), rewritten with those calls and their order;
the pipe's own security read back with ``GetKernelObjectSecurity``.
"""

import os
import threading

import pywintypes
import win32con
import win32file
import win32pipe
import win32security

NAME = rf"\\.\pipe\realcode-secure-{os.getpid()}"


def server(pipe, ready):
    ready.set()
    win32pipe.ConnectNamedPipe(pipe, None)
    rc, data = win32file.ReadFile(pipe, 4096)
    win32file.WriteFile(pipe, b"echo:" + data)
    win32file.FlushFileBuffers(pipe)
    win32pipe.DisconnectNamedPipe(pipe)


def main():
    sa = pywintypes.SECURITY_ATTRIBUTES()
    sa.SECURITY_DESCRIPTOR = win32security.ConvertStringSecurityDescriptorToSecurityDescriptor(
        "D:(A;;GA;;;WD)", win32security.SDDL_REVISION_1
    )
    sa.bInheritHandle = False
    pipe = win32pipe.CreateNamedPipe(
        NAME,
        win32pipe.PIPE_ACCESS_DUPLEX,
        win32pipe.PIPE_TYPE_MESSAGE | win32pipe.PIPE_READMODE_MESSAGE | win32pipe.PIPE_WAIT,
        1,
        65536,
        65536,
        0,
        sa,
    )
    dacl = win32security.GetKernelObjectSecurity(
        pipe, win32security.DACL_SECURITY_INFORMATION
    ).GetSecurityDescriptorDacl()
    aces = [dacl.GetAce(i) for i in range(dacl.GetAceCount())]
    print("pipe dacl:", [(a[0][0], win32security.ConvertSidToStringSid(a[2])) for a in aces])
    ready = threading.Event()
    thread = threading.Thread(target=server, args=(pipe, ready))
    thread.start()
    ready.wait(10)
    client = win32file.CreateFile(
        NAME,
        win32con.GENERIC_READ | win32con.GENERIC_WRITE,
        0,
        None,
        win32con.OPEN_EXISTING,
        0,
        None,
    )
    win32pipe.SetNamedPipeHandleState(client, win32pipe.PIPE_READMODE_MESSAGE, None, None)
    win32file.WriteFile(client, b"hello")
    print("reply:", win32file.ReadFile(client, 4096))
    thread.join(10)
    try:
        win32file.CreateFile(NAME, win32con.GENERIC_READ, 0, None, win32con.OPEN_EXISTING, 0, None)
    except pywintypes.error as error:
        print("second client while disconnected:", error.winerror, error.funcname)
    client.Close()
    pipe.Close()


main()
