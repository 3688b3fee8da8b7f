"""Watch a registry key for changes with RegNotifyChangeKeyValue and an event.

Source: public GitHub files (settings watchers that reload when a key changes; search
"win32api RegNotifyChangeKeyValue REG_NOTIFY_CHANGE_LAST_SET event WaitForSingleObject"),
rewritten with their calls and their order: ``RegCreateKey(HKEY_CURRENT_USER, path)``,
``CreateEvent(None, False, False, None)``, ``RegNotifyChangeKeyValue(key, False,
REG_NOTIFY_CHANGE_LAST_SET, event, True)`` re-armed after each wake, a writer thread doing
``RegSetValueEx``, a watcher thread looping on ``WaitForMultipleObjects([stop, event], False,
INFINITE)`` and reading the value back with ``RegQueryValueEx``; a subkey added while the
filter asks only for values does not wake a watch on a second handle, a value set does, and
``REG_NOTIFY_CHANGE_NAME`` with the subtree wakes on a subkey deleted.
"""

import threading

import win32api
import win32con
import win32event

PATH = r"Software\realcode\registry_change_watch"


def main():
    key = win32api.RegCreateKey(win32con.HKEY_CURRENT_USER, PATH)
    win32api.RegSetValueEx(key, "level", 0, win32con.REG_DWORD, 0)
    changed = win32event.CreateEvent(None, False, False, None)
    stop = win32event.CreateEvent(None, True, False, None)
    seen = []
    armed = threading.Semaphore(0)

    def watcher():
        while True:
            win32api.RegNotifyChangeKeyValue(
                key, False, win32api.REG_NOTIFY_CHANGE_LAST_SET, changed, True
            )
            armed.release()
            rc = win32event.WaitForMultipleObjects([stop, changed], False, win32event.INFINITE)
            if rc == win32event.WAIT_OBJECT_0:
                break
            seen.append(win32api.RegQueryValueEx(key, "level"))

    t = threading.Thread(target=watcher)
    t.start()
    for level in (1, 2, 3):
        armed.acquire(timeout=30)
        win32api.RegSetValueEx(key, "level", 0, win32con.REG_DWORD, level)
    armed.acquire(timeout=30)
    win32event.SetEvent(stop)
    t.join(30)
    print("seen:", seen)
    values = win32api.RegOpenKeyEx(
        win32con.HKEY_CURRENT_USER, PATH, 0, win32con.KEY_NOTIFY | win32con.KEY_READ
    )
    values_changed = win32event.CreateEvent(None, False, False, None)
    win32api.RegNotifyChangeKeyValue(
        values, False, win32api.REG_NOTIFY_CHANGE_LAST_SET, values_changed, True
    )
    sub = win32api.RegCreateKey(key, "child")
    print("subkey added, value filter:", win32event.WaitForSingleObject(values_changed, 100))
    win32api.RegCloseKey(sub)
    names = win32api.RegOpenKeyEx(
        win32con.HKEY_CURRENT_USER, PATH, 0, win32con.KEY_NOTIFY | win32con.KEY_READ
    )
    names_changed = win32event.CreateEvent(None, False, False, None)
    win32api.RegNotifyChangeKeyValue(
        names, True, win32api.REG_NOTIFY_CHANGE_NAME, names_changed, True
    )
    win32api.RegDeleteKey(key, "child")
    print("subkey deleted, name filter:", win32event.WaitForSingleObject(names_changed, 5000))
    win32api.RegSetValueEx(key, "level", 0, win32con.REG_DWORD, 4)
    print("value set, value filter:", win32event.WaitForSingleObject(values_changed, 5000))
    win32api.RegCloseKey(values)
    win32api.RegCloseKey(names)
    win32api.CloseHandle(values_changed)
    win32api.CloseHandle(names_changed)
    win32api.RegDeleteValue(key, "level")
    win32api.RegCloseKey(key)
    win32api.RegDeleteKey(win32con.HKEY_CURRENT_USER, PATH)
    win32api.CloseHandle(changed)
    win32api.CloseHandle(stop)
    print("done")


if __name__ == "__main__":
    main()
