"""A console program's Ctrl+C handler: add, remove, and the answers it gets.

Source: public GitHub files using ``win32api.SetConsoleCtrlHandler(handler, True)`` to stop a
loop cleanly (search "win32api SetConsoleCtrlHandler"), rewritten with their calls and their
order: a handler that returns True for CTRL_C_EVENT/CTRL_BREAK_EVENT/CTRL_CLOSE_EVENT,
``SetConsoleCtrlHandler(handler, True)``, its removal with ``False``, and the removal of a
handler never added. No event is sent here (a console of its own is needed for that).
"""

import win32api
import win32con

stopping = []


def handler(ctrl_type):
    if ctrl_type in (win32con.CTRL_C_EVENT, win32con.CTRL_BREAK_EVENT, win32con.CTRL_CLOSE_EVENT):
        stopping.append(ctrl_type)
        return True
    return False


def main():
    print(
        "constants:",
        win32con.CTRL_C_EVENT,
        win32con.CTRL_BREAK_EVENT,
        win32con.CTRL_CLOSE_EVENT,
        win32con.CTRL_LOGOFF_EVENT,
        win32con.CTRL_SHUTDOWN_EVENT,
    )
    print("add:", win32api.SetConsoleCtrlHandler(handler, True))
    print("add again:", win32api.SetConsoleCtrlHandler(handler, True))
    print("remove:", win32api.SetConsoleCtrlHandler(handler, False))
    print("remove the second:", win32api.SetConsoleCtrlHandler(handler, False))
    try:
        win32api.SetConsoleCtrlHandler(handler, False)
    except ValueError as error:
        # pywin32's own check, before Windows is asked: not a pywintypes.error.
        print("remove once more:", type(error).__name__, error)
    print("ignore ctrl-c:", win32api.SetConsoleCtrlHandler(None, True))
    print("restore ctrl-c:", win32api.SetConsoleCtrlHandler(None, False))
    print("handled:", stopping)
    print("done")


if __name__ == "__main__":
    main()
