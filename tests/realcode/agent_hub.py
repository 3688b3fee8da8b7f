"""A per-user agent hub: one instance per user, a named pipe of JSON lines.

Source: a public GitHub file (an "UIX Agent Hub", search index id 66055636310), rewritten in
our words with its calls and their order: the user's SID from the process token, a security
descriptor whose owner and only ACE are that SID, a ``Local\\`` mutex that makes the hub
single-instance (the original spelled ``win32con.ERROR_ALREADY_EXISTS``, which neither
pywin32 nor we have: ``winerror``'s here), a byte pipe of unlimited instances with
those attributes, ``ConnectNamedPipe`` that tolerates 535, a thread per connection, and lines
read until 109/232. The driver: a second hub that must step back, and two clients, the second
once the hub has made its next instance (WaitNamedPipe finds no pipe in between, on Windows
too: ERROR_FILE_NOT_FOUND, and the hub's thread then waits for a client forever).
"""

import json
import threading

import pywintypes
import win32api
import win32con
import win32event
import win32file
import win32pipe
import win32security
import winerror


def current_user_sid():
    token = win32security.OpenProcessToken(win32api.GetCurrentProcess(), win32con.TOKEN_QUERY)
    try:
        sid = win32security.GetTokenInformation(token, win32security.TokenUser)[0]
    finally:
        win32api.CloseHandle(token)
    return sid, win32security.ConvertSidToStringSid(sid)


def security_attributes():
    sid, _ = current_user_sid()
    descriptor = win32security.SECURITY_DESCRIPTOR()
    descriptor.SetSecurityDescriptorOwner(sid, False)
    acl = win32security.ACL()
    acl.AddAccessAllowedAce(
        win32security.ACL_REVISION, win32con.GENERIC_READ | win32con.GENERIC_WRITE, sid
    )
    descriptor.SetSecurityDescriptorDacl(True, acl, False)
    attributes = pywintypes.SECURITY_ATTRIBUTES()
    attributes.SECURITY_DESCRIPTOR = descriptor
    return attributes


class PipeLines:
    def __init__(self, handle):
        self.handle = handle
        self.buffer = bytearray()

    def readline(self):
        while True:
            end = self.buffer.find(b"\n")
            if end >= 0:
                line = bytes(self.buffer[: end + 1])
                del self.buffer[: end + 1]
                return line
            try:
                _, data = win32file.ReadFile(self.handle, 65536)
            except pywintypes.error as error:
                if error.winerror in (109, 232):
                    return b""
                raise
            self.buffer.extend(data)

    def write(self, value):
        win32file.WriteFile(self.handle, json.dumps(value).encode() + b"\n")

    def close(self):
        try:
            win32pipe.DisconnectNamedPipe(self.handle)
        except pywintypes.error:
            pass
        win32file.CloseHandle(self.handle)


def serve_one(stream, served):
    try:
        while True:
            line = stream.readline()
            if not line:
                return
            request = json.loads(line)
            stream.write({"ok": True, "echo": request["n"] * 2})
    finally:
        stream.close()
        served.release()


def start_hub(pipe_name, ready, served, connections):
    _, sid_text = current_user_sid()
    mutex = win32event.CreateMutex(security_attributes(), False, f"Local\\realcode-hub-{sid_text}")
    if win32api.GetLastError() == winerror.ERROR_ALREADY_EXISTS:
        win32api.CloseHandle(mutex)
        return None
    attributes = security_attributes()

    def loop():
        for _ in range(connections):
            handle = win32pipe.CreateNamedPipe(
                pipe_name,
                win32pipe.PIPE_ACCESS_DUPLEX,
                win32pipe.PIPE_TYPE_BYTE | win32pipe.PIPE_READMODE_BYTE | win32pipe.PIPE_WAIT,
                win32pipe.PIPE_UNLIMITED_INSTANCES,
                65536,
                65536,
                0,
                attributes,
            )
            ready.set()
            try:
                win32pipe.ConnectNamedPipe(handle, None)
            except pywintypes.error as error:
                if error.winerror != 535:
                    win32file.CloseHandle(handle)
                    raise
            threading.Thread(target=serve_one, args=(PipeLines(handle), served)).start()

    thread = threading.Thread(target=loop)
    thread.start()
    return mutex, thread


def client(pipe_name, numbers):
    win32pipe.WaitNamedPipe(pipe_name, 5000)
    handle = win32file.CreateFile(
        pipe_name,
        win32con.GENERIC_READ | win32con.GENERIC_WRITE,
        0,
        None,
        win32con.OPEN_EXISTING,
        0,
        None,
    )
    stream = PipeLines(handle)
    answers = []
    for n in numbers:
        win32file.WriteFile(handle, json.dumps({"n": n}).encode() + b"\n")
        answers.append(json.loads(stream.readline())["echo"])
    win32file.CloseHandle(handle)
    return answers


def main():
    sid, sid_text = current_user_sid()
    print("sid is text:", sid_text.startswith("S-1-5-") or sid_text.startswith("S-1-"))
    pipe_name = rf"\\.\pipe\realcode-hub-{sid_text}"
    ready = threading.Event()
    served = threading.Semaphore(0)
    first = start_hub(pipe_name, ready, served, 2)
    print("first hub started:", first is not None)
    second = start_hub(pipe_name, threading.Event(), served, 0)
    print("second hub steps back:", second is None)
    ready.wait(10)
    ready.clear()  # set again once the hub has made its next instance (after client 1 came)
    print("client 1:", client(pipe_name, [1, 2, 3]))
    ready.wait(10)  # else client 1's instance may be gone before the next one is made: no pipe
    print("client 2:", client(pipe_name, [10]))
    for _ in range(2):
        served.acquire(timeout=10)
    mutex, thread = first
    thread.join(10)
    win32api.CloseHandle(mutex)
    print("done")


if __name__ == "__main__":
    main()
