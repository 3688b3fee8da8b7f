"""List "installed programs" by walking Uninstall-style keys with winreg.

Source: public scripts and blog posts that list installed software (open
``SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall``, ``winreg.EnumKey`` in a loop
that ends at ``OSError``, ``QueryValueEx(sub, "DisplayName")`` skipped when missing, the
same under ``Wow6432Node``, de-duplicated; search "winreg EnumKey Uninstall DisplayName"),
pointed at a key of the user's own that the driver fills first and deletes after, so the
output does not depend on the machine. ``QueryInfoKey``, ``EnumValue`` and ``REG_EXPAND_SZ``
are read as such scripts go on to. ``EnumValue`` gives a key's values in the order they were
first set on Windows, where Wine sorts them by name: the expected order is Windows'.
"""

import os
import winreg

ROOT = f"Software\\RealcodeUninstall{os.getpid()}"
APPS = {
    "{1111}": {"DisplayName": "Alpha Tool", "DisplayVersion": "1.2", "EstimatedSize": 2048},
    "beta": {"DisplayName": "Beta Suite", "Publisher": "Beta Inc."},
    "KB000001": {"ParentKeyName": "OperatingSystem"},  # an update: no DisplayName
    "gamma": {"DisplayName": "Alpha Tool", "DisplayVersion": "1.2"},  # a duplicate
}


def fill():
    for path in (ROOT + "\\Uninstall", ROOT + "\\Wow6432Node\\Uninstall"):
        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, path) as key:
            for name, values in APPS.items():
                with winreg.CreateKey(key, name) as sub:
                    for value_name, value in values.items():
                        kind = winreg.REG_DWORD if isinstance(value, int) else winreg.REG_SZ
                        winreg.SetValueEx(sub, value_name, 0, kind, value)
        with winreg.OpenKey(
            winreg.HKEY_CURRENT_USER, path + "\\beta", 0, winreg.KEY_SET_VALUE
        ) as sub:
            winreg.SetValueEx(
                sub, "InstallLocation", 0, winreg.REG_EXPAND_SZ, "%ProgramFiles%\\Beta"
            )


def installed(sub_key):
    found = []
    key = winreg.OpenKey(winreg.HKEY_CURRENT_USER, sub_key)
    i = 0
    while True:
        try:
            name = winreg.EnumKey(key, i)
        except OSError:
            break
        i += 1
        with winreg.OpenKey(key, name) as sub:
            try:
                display, kind = winreg.QueryValueEx(sub, "DisplayName")
            except FileNotFoundError:
                continue
            try:
                version = winreg.QueryValueEx(sub, "DisplayVersion")[0]
            except OSError:
                version = ""
            found.append((display, version))
    print(sub_key[len(ROOT) :], "subkeys:", winreg.QueryInfoKey(key)[0], "listed:", i)
    winreg.CloseKey(key)
    return found


def remove(path):
    with winreg.OpenKey(winreg.HKEY_CURRENT_USER, path) as key:
        while True:
            try:
                child = winreg.EnumKey(key, 0)
            except OSError:
                break
            remove(path + "\\" + child)
    winreg.DeleteKey(winreg.HKEY_CURRENT_USER, path)


def main():
    fill()
    seen = set()
    for path in (ROOT + "\\Uninstall", ROOT + "\\Wow6432Node\\Uninstall"):
        for entry in installed(path):
            if entry not in seen:
                seen.add(entry)
    for display, version in sorted(seen):
        print(f"{display} {version}".strip())
    with winreg.OpenKey(winreg.HKEY_CURRENT_USER, ROOT + "\\Uninstall\\beta") as sub:
        j = 0
        while True:
            try:
                print("value:", winreg.EnumValue(sub, j))
            except OSError as e:
                print("end of values:", e.winerror)
                break
            j += 1
        location, kind = winreg.QueryValueEx(sub, "InstallLocation")
        print(location, kind == winreg.REG_EXPAND_SZ)
    with winreg.OpenKey(winreg.HKEY_CURRENT_USER, ROOT + "\\Uninstall\\{1111}") as sub:
        print("size:", winreg.QueryValueEx(sub, "EstimatedSize"))
    try:
        winreg.OpenKey(winreg.HKEY_CURRENT_USER, ROOT + "\\Uninstall\\nothing")
    except FileNotFoundError as e:
        print("missing:", e.winerror, e.errno)
    try:
        winreg.DeleteKey(winreg.HKEY_CURRENT_USER, ROOT)
    except OSError as e:
        print("delete with subkeys:", e.winerror)
    remove(ROOT)
    try:
        winreg.OpenKey(winreg.HKEY_CURRENT_USER, ROOT)
    except OSError as e:
        print("removed:", e.winerror)
    print("done")


if __name__ == "__main__":
    main()
