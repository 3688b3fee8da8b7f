"""A second instance asks the first to show its window through a named event.

Source: a public GitHub file (an app volume control, search index id 41866823662), rewritten
with its calls and their order: an unnamed auto-reset shutdown event, a listener thread that
creates the named auto-reset event ``Global\\...ShowWindowEvent`` and waits on it and the
shutdown event with ``WaitForMultipleObjects(handles, 0, INFINITE)``; another instance opens the
event by name and sets it. The driver plays the second instance (``OpenEvent`` with
``EVENT_MODIFY_STATE``) and the window's main loop (a queue instead of Tk's ``after``).
"""

import queue
import threading

import win32api
import win32event
import winerror

SHOW_EVENT_NAME = "Global\\RealcodeVolumeControl_ShowWindowEvent_v2.0"


def start_listener(restore_calls):
    shutdown_event = win32event.CreateEvent(None, 0, 0, None)
    started = threading.Event()

    def listener():
        show_window_event = None
        try:
            show_window_event = win32event.CreateEvent(None, 0, 0, SHOW_EVENT_NAME)
            print(
                "listener created the event, existed before:",
                win32api.GetLastError() == winerror.ERROR_ALREADY_EXISTS,
            )
            started.set()
            handles = [show_window_event, shutdown_event]
            while True:
                result = win32event.WaitForMultipleObjects(handles, 0, win32event.INFINITE)
                if result == win32event.WAIT_OBJECT_0:
                    restore_calls.put("restore")
                elif result == win32event.WAIT_OBJECT_0 + 1:
                    break
                else:
                    print("unexpected wait result", result)
                    break
        finally:
            if show_window_event:
                win32api.CloseHandle(show_window_event)
            restore_calls.put("listener ended")

    thread = threading.Thread(target=listener, daemon=True)
    thread.start()
    started.wait(10)
    return shutdown_event, thread


def signal_existing_instance():
    try:
        handle = win32event.OpenEvent(win32event.EVENT_MODIFY_STATE, False, SHOW_EVENT_NAME)
    except win32api.error as error:
        print("no instance to signal:", error.winerror)
        return False
    win32event.SetEvent(handle)
    win32api.CloseHandle(handle)
    return True


def main():
    print("signal before any instance:", signal_existing_instance())
    calls = queue.Queue()
    shutdown_event, thread = start_listener(calls)
    for _ in range(2):
        print("signal the instance:", signal_existing_instance())
        print("main loop got:", calls.get(timeout=10))
    win32event.SetEvent(shutdown_event)
    print("main loop got:", calls.get(timeout=10))
    thread.join(10)
    print("signal after shutdown:", signal_existing_instance())
    print("done")


if __name__ == "__main__":
    main()
