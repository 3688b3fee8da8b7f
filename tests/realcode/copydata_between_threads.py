"""Send a string to another instance's hidden window with WM_COPYDATA.

Source: public GitHub files (single-instance apps that pass their command line to the running
copy; search "win32con.WM_COPYDATA struct.pack array buffer_info SendMessage"), rewritten with
their calls and their order: the sender packs ``COPYDATASTRUCT`` as ``struct.pack("PLP",
dwData, size, address)`` of an ``array.array("B", data)`` (``buffer_info()``) and calls
``SendMessage(hwnd, WM_COPYDATA, 0, packed)``; the receiver's window procedure reads the
structure with ``ctypes`` from ``lparam`` and returns 1. The receiver is a message-only window
on another thread here, found with ``FindWindowEx(HWND_MESSAGE, None, class, None)``.
"""

import array
import ctypes
import struct
import threading

import win32api
import win32con
import win32gui


class COPYDATASTRUCT(ctypes.Structure):
    _fields_ = [
        ("dwData", ctypes.c_size_t),
        ("cbData", ctypes.c_ulong),
        ("lpData", ctypes.c_void_p),
    ]


received = []
ready = threading.Event()


def on_copy_data(hwnd, msg, wparam, lparam):
    cds = ctypes.cast(lparam, ctypes.POINTER(COPYDATASTRUCT)).contents
    data = ctypes.string_at(cds.lpData, cds.cbData)
    received.append((cds.dwData, data.decode("utf-8")))
    return 1


def on_close(hwnd, msg, wparam, lparam):
    win32gui.DestroyWindow(hwnd)
    win32gui.PostQuitMessage(0)
    return 0


def receiver():
    wc = win32gui.WNDCLASS()
    wc.hInstance = win32api.GetModuleHandle(None)
    wc.lpszClassName = "RealcodeCopyDataReceiver"
    wc.lpfnWndProc = {win32con.WM_COPYDATA: on_copy_data, win32con.WM_CLOSE: on_close}
    win32gui.RegisterClass(wc)
    win32gui.CreateWindow(
        wc.lpszClassName, "receiver", 0, 0, 0, 0, 0, win32con.HWND_MESSAGE, 0, wc.hInstance, None
    )
    ready.set()
    win32gui.PumpMessages()


def send_to_running_instance(text, tag):
    hwnd = win32gui.FindWindowEx(win32con.HWND_MESSAGE, None, "RealcodeCopyDataReceiver", None)
    if not hwnd:
        return None
    char_buffer = array.array("B", text.encode("utf-8"))
    address, size = char_buffer.buffer_info()
    copy_struct = struct.pack("PLP", tag, size, address)
    return win32gui.SendMessage(hwnd, win32con.WM_COPYDATA, 0, copy_struct)


def main():
    print("no instance yet:", send_to_running_instance("x", 0))
    thread = threading.Thread(target=receiver)
    thread.start()
    ready.wait(10)
    print("answer:", send_to_running_instance("--open C:\\docs\\report.txt", 7))
    print("answer:", send_to_running_instance("ünïcode ✓", 8))
    print([(tag, ascii(text)) for tag, text in received])
    hwnd = win32gui.FindWindowEx(win32con.HWND_MESSAGE, None, "RealcodeCopyDataReceiver", None)
    win32gui.PostMessage(hwnd, win32con.WM_CLOSE, 0, 0)
    thread.join(10)
    print("done")


if __name__ == "__main__":
    main()
