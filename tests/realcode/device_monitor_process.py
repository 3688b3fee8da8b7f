"""A device monitor in a process of its own: a window for WM_DEVICECHANGE, quit by thread id.

Source: a public GitHub file (a downloader's ``device_monitor``, search index id 47813869129,
after Tim Golden's "detect device insertion" recipe), rewritten with its calls and their order:
``multiprocessing.Process(target=dev, args=(q,))``; in it a ``WNDCLASS`` whose
``lpfnWndProc`` maps WM_DEVICECHANGE to a handler, ``LoadCursor(0, IDC_ARROW)``,
``RegisterClass``, ``CreateWindow(atom, title, WS_OVERLAPPED | WS_SYSMENU, 0, 0,
CW_USEDEFAULT, CW_USEDEFAULT, 0, 0, hinst, None)``, the recipe's
``RegisterDeviceNotification`` with a ``PackDEV_BROADCAST_DEVICEINTERFACE`` filter, the
thread id put on a queue, ``PumpMessages``; the parent ends it with ``PostThreadMessage(tid,
WM_QUIT, 0, 0)``. The driver, instead of a USB stick, sends the window a DBT_CONFIGCHANGED.

The oracle cannot answer: its Wine has no display, so the top-level window is not made.
Here the spawned child got ModuleNotFoundError for win32api (fixed: Python children get the
facade however they are started), and RegisterDeviceNotification was missing. With Linux's
fork start method the parent's PostThreadMessage fails now and then with 1444: the forked
child leaves by os._exit as soon as it has the WM_QUIT, before its answer to the poster is
written (its atexit grace does not run); the driver spawns, as Windows does.
"""

import multiprocessing

import win32api
import win32con
import win32gui
import win32gui_struct

DBT_CONFIGCHANGED = 0x0018
GUID_DEVINTERFACE_USB_DEVICE = "{A5DCBF10-6530-11D2-901F-00C04FB951ED}"


class Notification:
    def __init__(self, q, class_name):
        self.q = q
        message_map = {win32con.WM_DEVICECHANGE: self.on_device_change}
        wc = win32gui.WNDCLASS()
        hinst = wc.hInstance = win32api.GetModuleHandle(None)
        wc.lpszClassName = class_name
        wc.style = win32con.CS_VREDRAW | win32con.CS_HREDRAW
        wc.hCursor = win32gui.LoadCursor(0, win32con.IDC_ARROW)
        wc.hbrBackground = win32con.COLOR_WINDOW
        wc.lpfnWndProc = message_map
        class_atom = win32gui.RegisterClass(wc)
        style = win32con.WS_OVERLAPPED | win32con.WS_SYSMENU
        self.hwnd = win32gui.CreateWindow(
            class_atom,
            "Device Change Demo",
            style,
            0,
            0,
            win32con.CW_USEDEFAULT,
            win32con.CW_USEDEFAULT,
            0,
            0,
            hinst,
            None,
        )
        usb_filter = win32gui_struct.PackDEV_BROADCAST_DEVICEINTERFACE(GUID_DEVINTERFACE_USB_DEVICE)
        self.registration = win32gui.RegisterDeviceNotification(
            self.hwnd, usb_filter, win32con.DEVICE_NOTIFY_WINDOW_HANDLE
        )

    def on_device_change(self, hwnd, msg, wparam, lparam):
        self.q.put(("device change", hex(wparam)))
        return 1


def dev(q, class_name):
    notification = Notification(q, class_name)
    q.put(("thread", win32api.GetCurrentThreadId()))
    win32gui.PumpMessages()
    win32gui.UnregisterDeviceNotification(notification.registration)
    q.put(("pump ended", None))


def main():
    multiprocessing.set_start_method("spawn")  # Windows' only way; Linux's default forks
    q = multiprocessing.Queue()
    class_name = f"RealcodeDeviceChangeDemo{win32api.GetCurrentProcessId()}"  # one per run
    process = multiprocessing.Process(target=dev, args=(q, class_name))
    process.start()
    kind, thread_id = q.get(timeout=60)
    print(kind, "id is a number:", thread_id > 0)
    hwnd = win32gui.FindWindow(class_name, None)
    print("answer:", win32gui.SendMessage(hwnd, win32con.WM_DEVICECHANGE, DBT_CONFIGCHANGED, 0))
    print(q.get(timeout=60))
    win32api.PostThreadMessage(thread_id, win32con.WM_QUIT, 0, 0)
    print(q.get(timeout=60))
    process.join(60)
    print("exit code:", process.exitcode)
    print("done")


if __name__ == "__main__":
    main()
