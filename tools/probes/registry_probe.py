"""Differential probe: the registry through win32api and winreg (session 29).

    ORACLE_DIR=... ../shared/tools/pywin32-oracle python tools/probes/registry_probe.py
    APARTMENT_USER_REGISTRY=/tmp/x.sqlite3 .venv/bin/python -m apartment run \
        tools/probes/registry_probe.py

Works in HKEY_CURRENT_USER\\Software\\apartment-probe-s29 (deleted first and last).
RegCreateKey(Ex) shapes, RegSetValueEx of every REG_ type with good and bad data and what
RegQueryValueEx/RegEnumValue give back, value and key names ('', None, long, backslashes),
RegEnumKey(Ex)/RegQueryInfoKey, RegDeleteKey of a key with subkeys, RegDeleteTree, missing
keys and values, closed and bad HKEYs, predefined keys, and the same through ``winreg``.
One line per question; errors as (type, winerror, funcname), never message texts.
"""

import datetime

import pywintypes
import win32api
import win32con

try:
    import winreg
except ImportError:  # pragma: no cover
    winreg = None

HKCU = win32con.HKEY_CURRENT_USER
BASE = "Software\\apartment-probe-s29"
VOLATILE = 1  # REG_OPTION_VOLATILE: not in pywin32's win32con


def norm(r):
    if isinstance(r, datetime.datetime):
        return "<time>"
    if "HKEY" in type(r).__name__ or repr(r).startswith("<PyHKEY"):
        return "<hkey>"
    if isinstance(r, memoryview):
        return "memoryview"
    if isinstance(r, tuple):
        return "(" + ", ".join(norm(x) for x in r) + ("," if len(r) == 1 else "") + ")"
    if isinstance(r, list):
        return "[" + ", ".join(norm(x) for x in r) + "]"
    if isinstance(r, str) and len(r) > 40:
        return f"str[{len(r)}]"
    if isinstance(r, str):
        return ascii(r)
    if isinstance(r, (bytes, bytearray)) and len(r) > 40:
        return f"{type(r).__name__}[{len(r)}]"
    return repr(r)


def outcome(fn):
    try:
        return norm(fn())
    except pywintypes.error as e:
        return f"!! error {e.winerror} {e.funcname}"
    except OSError as e:
        return f"!! {type(e).__name__} winerror={getattr(e, 'winerror', None)} errno={e.errno}"
    except Exception as e:
        return f"!! {type(e).__name__}"


def show(label, fn):
    print(label, "->", outcome(fn))


def wipe():
    try:
        win32api.RegDeleteTree(HKCU, BASE)
    except pywintypes.error:
        pass


wipe()
base = win32api.RegCreateKey(HKCU, BASE)

# --- creating and opening keys ------------------------------------------------------------
show("RegCreateKey existing base", lambda: win32api.RegCreateKey(HKCU, BASE))
show("RegCreateKey '' sub", lambda: win32api.RegCreateKey(base, ""))
show("RegCreateKey None sub", lambda: win32api.RegCreateKey(base, None))
show("RegCreateKey deep a\\b\\c", lambda: win32api.RegCreateKey(base, "a\\b\\c"))
show("RegCreateKey leading backslash", lambda: win32api.RegCreateKey(base, "\\lead"))
show("RegCreateKey trailing backslash", lambda: win32api.RegCreateKey(base, "trail\\"))
show("RegCreateKey double backslash", lambda: win32api.RegCreateKey(base, "dbl\\\\x"))
show("RegCreateKey int sub", lambda: win32api.RegCreateKey(base, 5))
show("RegCreateKey bytes sub", lambda: win32api.RegCreateKey(base, b"bytes"))
show("RegCreateKey 255 chars", lambda: win32api.RegCreateKey(base, "k" * 255))
show("RegCreateKey 256 chars", lambda: win32api.RegCreateKey(base, "k" * 256))
show("RegCreateKey key None", lambda: win32api.RegCreateKey(None, "x"))
show("RegCreateKey key 0", lambda: win32api.RegCreateKey(0, "x"))
show("RegCreateKey key str", lambda: win32api.RegCreateKey("HKCU", "x"))
show("RegCreateKey bad int key", lambda: win32api.RegCreateKey(0x1234, "x"))
for args in [
    (base, "ex1", 0, None, 0, win32con.KEY_ALL_ACCESS),
    (base, "ex1", 0, None, 0, win32con.KEY_ALL_ACCESS),
    (base, "ex2", 0, "cls", 0, win32con.KEY_READ),
    (base, "ex3", 0, None, VOLATILE, win32con.KEY_ALL_ACCESS),
    (base, "ex4", 0, None, 0, 0),
    (base, "ex5", 0, None, 0xFFFF, win32con.KEY_ALL_ACCESS),
]:
    show(f"RegCreateKeyEx positional {args[1:]}", lambda a=args: win32api.RegCreateKeyEx(*a))
show("RegCreateKeyEx kw", lambda: win32api.RegCreateKeyEx(Key=base, SubKey="kw", samDesired=win32con.KEY_ALL_ACCESS))
show("RegCreateKeyEx 3 args", lambda: win32api.RegCreateKeyEx(base, "three", win32con.KEY_ALL_ACCESS))
show("RegCreateKeyEx 3 args again", lambda: win32api.RegCreateKeyEx(base, "three", win32con.KEY_ALL_ACCESS))
show("RegCreateKeyEx volatile 3 args", lambda: win32api.RegCreateKeyEx(base, "vol", win32con.KEY_ALL_ACCESS, None, VOLATILE))
show("RegCreateKeyEx nonvolatile under volatile", lambda: win32api.RegCreateKeyEx(base, "vol\\child", win32con.KEY_ALL_ACCESS))
show("RegCreateKeyEx volatile under volatile", lambda: win32api.RegCreateKeyEx(base, "vol\\child2", win32con.KEY_ALL_ACCESS, None, VOLATILE))
show("RegOpenKey missing", lambda: win32api.RegOpenKey(base, "missing"))
show("RegOpenKey missing deep", lambda: win32api.RegOpenKey(base, "missing\\deeper"))
show("RegOpenKey ''", lambda: win32api.RegOpenKey(base, ""))
show("RegOpenKey None", lambda: win32api.RegOpenKey(base, None))
show("RegOpenKeyEx missing", lambda: win32api.RegOpenKeyEx(base, "missing"))
show("RegOpenKeyEx a\\b", lambda: win32api.RegOpenKeyEx(base, "a\\b"))
show("RegOpenKeyEx A\\B (case)", lambda: win32api.RegOpenKeyEx(base, "A\\B"))
show("RegOpenKeyEx 4 args", lambda: win32api.RegOpenKeyEx(base, "a", 0, win32con.KEY_READ))
show("RegOpenKeyEx reserved 1", lambda: win32api.RegOpenKeyEx(base, "a", 1, win32con.KEY_READ))
show("RegOpenKeyEx sam 0", lambda: win32api.RegOpenKeyEx(base, "a", 0, 0))
show("RegOpenKeyEx sam -1", lambda: win32api.RegOpenKeyEx(base, "a", 0, -1))
show("RegOpenKeyEx kw", lambda: win32api.RegOpenKeyEx(key=base, subKey="a", reserved=0, sam=win32con.KEY_READ))
show("RegOpenKeyEx leading backslash", lambda: win32api.RegOpenKeyEx(base, "\\a"))

# --- values of every type -------------------------------------------------------------------
vk = win32api.RegCreateKey(base, "values")
DATA = {
    "REG_SZ": ["abc", "", None, 5, b"xy", ["a"], "a\0b", "é€", 1.5],
    "REG_EXPAND_SZ": ["%PATH%x", "", None, 5, b"xy"],
    "REG_MULTI_SZ": [["a", "b"], [], None, "abc", ("a", "b"), ["a", 5], [""], ["", "x"], ["a\0b"], [b"a"], 5],
    "REG_DWORD": [0, 1, -1, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0x100000000, -0x80000000, -0x80000001, None, "5", 1.5, True, b"\x01\x00\x00\x00"],
    "REG_DWORD_BIG_ENDIAN": [1, -1, 0xFFFFFFFF, None, b"\x00\x00\x00\x01"],
    "REG_QWORD": [0, 1, -1, 2**63 - 1, 2**63, 2**64 - 1, 2**64, -(2**63), None, "5", 1.5, b"\x01" * 8],
    "REG_BINARY": [b"", b"ab", None, "ab", bytearray(b"ba"), memoryview(b"mv"), 5, [1, 2], b"\0" * 100],
    "REG_NONE": [b"x", b"", None, "x", 5],
    "REG_LINK": [b"l\0i\0", "link", None],
    "REG_RESOURCE_LIST": [b"\x01\x02", None, "s"],
    "REG_FULL_RESOURCE_DESCRIPTOR": [b"\x01"],
    "REG_RESOURCE_REQUIREMENTS_LIST": [b"\x01"],
}
for tname, values in DATA.items():
    rtype = getattr(win32con, tname)
    for i, data in enumerate(values):
        name = f"{tname}-{i}"
        label = f"{tname} {ascii(data) if isinstance(data, str) else norm(data)}"
        r = outcome(lambda n=name, t=rtype, d=data: win32api.RegSetValueEx(vk, n, 0, t, d))
        print("set", label, "->", r)
        if not r.startswith("!!"):
            show(f"  query {label}", lambda n=name: win32api.RegQueryValueEx(vk, n))
            if winreg is not None:
                show(f"  winreg query {label}", lambda n=name: winreg.QueryValueEx(int(vk), n))
for rtype in (12, 99, 0xFFFF, 0xFFFFFFFF, -1):
    show(f"set type {rtype} bytes", lambda t=rtype: win32api.RegSetValueEx(vk, f"t{t}", 0, t, b"zz"))
    show(f"  query type {rtype}", lambda t=rtype: win32api.RegQueryValueEx(vk, f"t{t}"))
    show(f"set type {rtype} str", lambda t=rtype: win32api.RegSetValueEx(vk, f"u{t}", 0, t, "zz"))
    show(f"  query type {rtype} str", lambda t=rtype: win32api.RegQueryValueEx(vk, f"u{t}"))
show("set type None", lambda: win32api.RegSetValueEx(vk, "tn", 0, None, b"x"))
show("set type str", lambda: win32api.RegSetValueEx(vk, "ts", 0, "REG_SZ", "x"))
show("set reserved 1", lambda: win32api.RegSetValueEx(vk, "r1", 1, win32con.REG_SZ, "x"))
show("set reserved None", lambda: win32api.RegSetValueEx(vk, "rn", None, win32con.REG_SZ, "x"))
show("set name ''", lambda: win32api.RegSetValueEx(vk, "", 0, win32con.REG_SZ, "default"))
show("  query ''", lambda: win32api.RegQueryValueEx(vk, ""))
show("  query None", lambda: win32api.RegQueryValueEx(vk, None))
show("set name None", lambda: win32api.RegSetValueEx(vk, None, 0, win32con.REG_SZ, "default2"))
show("  query '' after None", lambda: win32api.RegQueryValueEx(vk, ""))
show("set name with backslash", lambda: win32api.RegSetValueEx(vk, "a\\b", 0, win32con.REG_SZ, "bs"))
show("  query name with backslash", lambda: win32api.RegQueryValueEx(vk, "a\\b"))
show("set name 16383", lambda: win32api.RegSetValueEx(vk, "n" * 16383, 0, win32con.REG_SZ, "x"))
show("set name 16384", lambda: win32api.RegSetValueEx(vk, "n" * 16384, 0, win32con.REG_SZ, "x"))
show("set name int", lambda: win32api.RegSetValueEx(vk, 5, 0, win32con.REG_SZ, "x"))
show("set name case", lambda: win32api.RegSetValueEx(vk, "CaSe", 0, win32con.REG_SZ, "x"))
show("  query case", lambda: win32api.RegQueryValueEx(vk, "case"))
show("query missing", lambda: win32api.RegQueryValueEx(vk, "missing"))
show("query int name", lambda: win32api.RegQueryValueEx(vk, 5))
show("query on base (no default)", lambda: win32api.RegQueryValueEx(base, ""))
show("query on base None", lambda: win32api.RegQueryValueEx(base, None))
show("RegQueryValue base ''", lambda: win32api.RegQueryValue(base, ""))
show("RegQueryValue base None", lambda: win32api.RegQueryValue(base, None))
show("RegQueryValue values ''", lambda: win32api.RegQueryValue(base, "values"))
show("RegQueryValue missing", lambda: win32api.RegQueryValue(base, "missing"))
show("RegSetValue REG_SZ", lambda: win32api.RegSetValue(base, "sv", win32con.REG_SZ, "val"))
show("  RegQueryValue sv", lambda: win32api.RegQueryValue(base, "sv"))
show("RegSetValue REG_DWORD", lambda: win32api.RegSetValue(base, "sv2", win32con.REG_DWORD, "val"))
show("RegSetValue None sub", lambda: win32api.RegSetValue(base, None, win32con.REG_SZ, "val"))
show("RegSetValue int value", lambda: win32api.RegSetValue(base, "sv3", win32con.REG_SZ, 5))
show("RegDeleteValue missing", lambda: win32api.RegDeleteValue(vk, "missing"))
show("RegDeleteValue CaSe", lambda: win32api.RegDeleteValue(vk, "CASE"))
show("RegDeleteValue again", lambda: win32api.RegDeleteValue(vk, "CASE"))
show("RegDeleteValue None", lambda: win32api.RegDeleteValue(vk, None))
show("RegDeleteValue None again", lambda: win32api.RegDeleteValue(vk, None))

# --- enumeration --------------------------------------------------------------------------
ek = win32api.RegCreateKey(base, "enum")
win32api.RegSetValueEx(ek, "one", 0, win32con.REG_SZ, "1")
win32api.RegSetValueEx(ek, "two", 0, win32con.REG_DWORD, 2)
win32api.RegSetValueEx(ek, "three", 0, win32con.REG_BINARY, b"3")
for sub in ("z", "y", "B", "a"):
    win32api.RegCloseKey(win32api.RegCreateKey(ek, sub))
for i in (0, 1, 2, 3, 4, -1, 2**32, None):
    show(f"RegEnumValue {norm(i)}", lambda i=i: win32api.RegEnumValue(ek, i))
    show(f"RegEnumKey {norm(i)}", lambda i=i: win32api.RegEnumKey(ek, i))
show("RegEnumKeyEx", lambda: win32api.RegEnumKeyEx(ek))
show("RegEnumKeyEx empty", lambda: win32api.RegEnumKeyEx(vk))
show("RegEnumKeyEx times are aware", lambda: [e[3].utcoffset() is not None for e in win32api.RegEnumKeyEx(ek)])
show("RegEnumKeyExW", lambda: win32api.RegEnumKeyExW(ek))
show("RegQueryInfoKey", lambda: win32api.RegQueryInfoKey(ek))
show("RegQueryInfoKey values", lambda: win32api.RegQueryInfoKey(vk)[:2])
show("RegQueryInfoKeyW keys", lambda: sorted(win32api.RegQueryInfoKeyW(ek)))
show("RegQueryInfoKeyW", lambda: {k: v for k, v in win32api.RegQueryInfoKeyW(ek).items() if k != "LastWriteTime"})
show("RegQueryInfoKeyW time type", lambda: type(win32api.RegQueryInfoKeyW(ek)["LastWriteTime"]).__name__)
show("RegQueryInfoKey 3 int", lambda: type(win32api.RegQueryInfoKey(ek)[2]).__name__)
show("RegQueryInfoKey class ex2", lambda: win32api.RegQueryInfoKeyW(win32api.RegOpenKey(base, "ex2"))["Class"])
if winreg is not None:
    show("winreg QueryInfoKey", lambda: winreg.QueryInfoKey(ek)[:2])
    show("winreg EnumKey 0..4", lambda: [outcome(lambda i=i: winreg.EnumKey(int(ek), i)) for i in range(5)])
    show("winreg EnumValue 0..3", lambda: [outcome(lambda i=i: winreg.EnumValue(int(ek), i)) for i in range(4)])
    show("winreg QueryValue ''", lambda: winreg.QueryValue(int(ek), ""))
    show("winreg QueryValue None", lambda: winreg.QueryValue(int(ek), None))
    show("winreg QueryValueEx missing", lambda: winreg.QueryValueEx(int(ek), "missing"))
    show("winreg OpenKey missing", lambda: winreg.OpenKey(int(ek), "missing"))
    show("winreg DeleteKey missing", lambda: winreg.DeleteKey(int(ek), "missing"))
    show("winreg SetValueEx DWORD -1", lambda: winreg.SetValueEx(int(ek), "wd", 0, winreg.REG_DWORD, -1))
    show("winreg SetValueEx DWORD 2**32", lambda: winreg.SetValueEx(int(ek), "wd", 0, winreg.REG_DWORD, 2**32))
    show("winreg SetValueEx DWORD None", lambda: winreg.SetValueEx(int(ek), "wd", 0, winreg.REG_DWORD, None))
    show("  winreg QueryValueEx wd", lambda: winreg.QueryValueEx(int(ek), "wd"))
    show("winreg SetValueEx QWORD None", lambda: winreg.SetValueEx(int(ek), "wq", 0, winreg.REG_QWORD, None))
    show("  winreg QueryValueEx wq", lambda: winreg.QueryValueEx(int(ek), "wq"))
    show("winreg SetValueEx BINARY None", lambda: winreg.SetValueEx(int(ek), "wb", 0, winreg.REG_BINARY, None))
    show("  winreg QueryValueEx wb", lambda: winreg.QueryValueEx(int(ek), "wb"))
    show("winreg SetValueEx SZ int", lambda: winreg.SetValueEx(int(ek), "ws", 0, winreg.REG_SZ, 5))
    show("winreg SetValueEx SZ None", lambda: winreg.SetValueEx(int(ek), "ws", 0, winreg.REG_SZ, None))
    show("  winreg QueryValueEx ws", lambda: winreg.QueryValueEx(int(ek), "ws"))
    show("winreg SetValueEx MULTI None", lambda: winreg.SetValueEx(int(ek), "wm", 0, winreg.REG_MULTI_SZ, None))
    show("  winreg QueryValueEx wm", lambda: winreg.QueryValueEx(int(ek), "wm"))
    show("winreg SetValueEx MULTI []", lambda: winreg.SetValueEx(int(ek), "wm", 0, winreg.REG_MULTI_SZ, []))
    show("  winreg QueryValueEx wm []", lambda: winreg.QueryValueEx(int(ek), "wm"))
    show("winreg SetValueEx NONE None", lambda: winreg.SetValueEx(int(ek), "wn", 0, winreg.REG_NONE, None))
    show("  winreg QueryValueEx wn", lambda: winreg.QueryValueEx(int(ek), "wn"))
    show("winreg SetValueEx type 99", lambda: winreg.SetValueEx(int(ek), "w99", 0, 99, b"zz"))
    show("  winreg QueryValueEx w99", lambda: winreg.QueryValueEx(int(ek), "w99"))
    show("winreg SetValue non-SZ", lambda: winreg.SetValue(int(ek), "x", winreg.REG_DWORD, "v"))
    show("winreg SetValue", lambda: winreg.SetValue(int(ek), "sub", winreg.REG_SZ, "v"))
    show("  winreg QueryValue sub", lambda: winreg.QueryValue(int(ek), "sub"))
    show("winreg DeleteValue missing", lambda: winreg.DeleteValue(int(ek), "missing"))
    show("winreg ExpandEnvironmentStrings", lambda: winreg.ExpandEnvironmentStrings("%NOPE_S29%x"))
    show("winreg OpenKey HKCU None", lambda: winreg.OpenKey(winreg.HKEY_CURRENT_USER, None))
    show("winreg CloseKey int", lambda: winreg.CloseKey(0x7654320))
    show("winreg CreateKeyEx", lambda: winreg.CreateKeyEx(int(ek), "wx", 0, winreg.KEY_ALL_ACCESS))
    show("winreg HKEY int", lambda: int(winreg.CreateKey(int(ek), "wx")) != 0)
    show("winreg DeleteKeyEx", lambda: winreg.DeleteKeyEx(int(ek), "wx"))
    show("winreg DeleteKeyEx again", lambda: winreg.DeleteKeyEx(int(ek), "wx"))

# --- deleting keys ---------------------------------------------------------------------------
show("RegDeleteKey with subkeys", lambda: win32api.RegDeleteKey(base, "a"))
show("RegDeleteKey with subkeys a\\b", lambda: win32api.RegDeleteKey(base, "a\\b"))
show("RegDeleteKey leaf a\\b\\c", lambda: win32api.RegDeleteKey(base, "a\\b\\c"))
show("RegDeleteKey leaf again", lambda: win32api.RegDeleteKey(base, "a\\b\\c"))
show("RegDeleteKey missing", lambda: win32api.RegDeleteKey(base, "missing"))
show("RegDeleteKey missing deep", lambda: win32api.RegDeleteKey(base, "missing\\x"))
show("RegDeleteKey ''", lambda: win32api.RegDeleteKey(win32api.RegCreateKey(base, "self"), ""))
show("RegDeleteKey None", lambda: win32api.RegDeleteKey(win32api.RegCreateKey(base, "self2"), None))
show("RegDeleteKey int", lambda: win32api.RegDeleteKey(base, 5))
show("  self gone", lambda: win32api.RegOpenKey(base, "self"))
held = win32api.RegCreateKey(base, "held")
win32api.RegSetValueEx(held, "v", 0, win32con.REG_SZ, "x")
show("RegDeleteKey open key", lambda: win32api.RegDeleteKey(base, "held"))
show("  query through deleted key", lambda: win32api.RegQueryValueEx(held, "v"))
show("  set through deleted key", lambda: win32api.RegSetValueEx(held, "v", 0, win32con.REG_SZ, "y"))
show("  create under deleted key", lambda: win32api.RegCreateKey(held, "c"))
show("  info of deleted key", lambda: win32api.RegQueryInfoKey(held))
show("  enum of deleted key", lambda: win32api.RegEnumKey(held, 0))
show("  close deleted key", lambda: win32api.RegCloseKey(held))
show("RegDeleteTree missing", lambda: win32api.RegDeleteTree(base, "missing"))
show("RegDeleteTree a", lambda: win32api.RegDeleteTree(base, "a"))
show("  a gone", lambda: win32api.RegOpenKey(base, "a"))
tk = win32api.RegCreateKey(base, "tree")
win32api.RegSetValueEx(tk, "v", 0, win32con.REG_SZ, "x")
win32api.RegCloseKey(win32api.RegCreateKey(tk, "kid\\grandkid"))
show("RegDeleteTree None (contents)", lambda: win32api.RegDeleteTree(tk, None))
show("  tree left", lambda: (win32api.RegQueryInfoKey(tk)[:2]))
show("RegDeleteTree None empty", lambda: win32api.RegDeleteTree(tk, None))
show("RegDeleteTree ''", lambda: win32api.RegDeleteTree(tk, ""))
show("RegDeleteKeyEx missing", lambda: win32api.RegDeleteKeyEx(base, "missing"))
show("RegDeleteKeyEx sam", lambda: win32api.RegDeleteKeyEx(base, "ex4", win32con.KEY_WOW64_64KEY))

# --- handles ---------------------------------------------------------------------------------
ck = win32api.RegCreateKey(base, "closing")
show("PyHKEY int", lambda: int(ck) != 0)
show("PyHKEY bool", lambda: bool(ck))
show("PyHKEY handle attr", lambda: ck.handle == int(ck))
show("PyHKEY type name", lambda: type(ck).__name__)
show("RegCloseKey", lambda: win32api.RegCloseKey(ck))
show("  int after close", lambda: int(ck))
show("  bool after close", lambda: bool(ck))
show("  RegCloseKey again", lambda: win32api.RegCloseKey(ck))
show("  query after close", lambda: win32api.RegQueryValueEx(ck, "v"))
show("  create after close", lambda: win32api.RegCreateKey(ck, "x"))
show("  info after close", lambda: win32api.RegQueryInfoKey(ck))
ck2 = win32api.RegCreateKey(base, "closing")
show("Close() method", lambda: ck2.Close())
show("  Close() again", lambda: ck2.Close())
ck3 = win32api.RegCreateKey(base, "closing")
raw = int(ck3)
show("Detach()", lambda: ck3.Detach() == raw)
show("  int after Detach", lambda: int(ck3))
show("  use raw int after Detach", lambda: win32api.RegQueryInfoKey(raw)[:2])
show("  RegCloseKey raw int", lambda: win32api.RegCloseKey(raw))
show("  RegCloseKey raw int again", lambda: win32api.RegCloseKey(raw))
show("RegCloseKey None", lambda: win32api.RegCloseKey(None))
show("RegCloseKey 0", lambda: win32api.RegCloseKey(0))
show("RegCloseKey str", lambda: win32api.RegCloseKey("x"))
show("RegQueryInfoKey None", lambda: win32api.RegQueryInfoKey(None))
show("RegQueryInfoKey 0", lambda: win32api.RegQueryInfoKey(0))
show("RegQueryValueEx bad int", lambda: win32api.RegQueryValueEx(0x1230, "v"))
ro = win32api.RegOpenKeyEx(base, "values", 0, win32con.KEY_READ)
show("set through KEY_READ", lambda: win32api.RegSetValueEx(ro, "x", 0, win32con.REG_SZ, "x"))
show("create through KEY_READ", lambda: win32api.RegCreateKey(ro, "x"))
show("delete value through KEY_READ", lambda: win32api.RegDeleteValue(ro, "REG_SZ-0"))
show("enum through KEY_READ", lambda: win32api.RegEnumKey(ro, 0))
wo = win32api.RegOpenKeyEx(base, "values", 0, win32con.KEY_SET_VALUE)
show("query through KEY_SET_VALUE", lambda: win32api.RegQueryValueEx(wo, "REG_SZ-0"))
show("info through KEY_SET_VALUE", lambda: win32api.RegQueryInfoKey(wo)[:2])
show("enum value through KEY_SET_VALUE", lambda: win32api.RegEnumValue(wo, 0))
show("open sub through KEY_SET_VALUE", lambda: win32api.RegOpenKey(wo, ""))

# --- predefined keys ------------------------------------------------------------------------
for pname in ("HKEY_CLASSES_ROOT", "HKEY_CURRENT_USER", "HKEY_LOCAL_MACHINE", "HKEY_USERS", "HKEY_CURRENT_CONFIG", "HKEY_PERFORMANCE_DATA", "HKEY_DYN_DATA"):
    value = getattr(win32con, pname, None)
    print(pname, "value ->", norm(value))
    if value is None:
        continue
    show(f"{pname} RegOpenKey ''", lambda v=value: win32api.RegOpenKey(v, ""))
    show(f"{pname} RegOpenKey None", lambda v=value: win32api.RegOpenKey(v, None))
    show(f"{pname} info type", lambda v=value: type(win32api.RegQueryInfoKey(v)).__name__)
    if winreg is not None:
        show(f"{pname} winreg value", lambda p=pname: getattr(winreg, p))
show("RegCloseKey HKCU", lambda: win32api.RegCloseKey(HKCU))
show("  HKCU still works", lambda: win32api.RegOpenKey(HKCU, BASE))
show("RegOpenKey HKCU Software", lambda: win32api.RegOpenKey(HKCU, "Software"))
show("RegDeleteKey HKCU ''", lambda: win32api.RegDeleteKey(HKCU, ""))
show("RegOpenCurrentUser", lambda: win32api.RegOpenCurrentUser(win32con.KEY_READ))
show("RegOpenKey HKLM Software write", lambda: win32api.RegOpenKeyEx(win32con.HKEY_LOCAL_MACHINE, "Software", 0, win32con.KEY_READ))
show("RegOpenKey HKLM missing", lambda: win32api.RegOpenKey(win32con.HKEY_LOCAL_MACHINE, "Software\\apartment-missing-s29"))
show("RegConnectRegistry None HKCU", lambda: win32api.RegConnectRegistry(None, HKCU))
show("RegConnectRegistry None HKLM", lambda: win32api.RegConnectRegistry(None, win32con.HKEY_LOCAL_MACHINE))
show("RegConnectRegistry None bad", lambda: win32api.RegConnectRegistry(None, 0x1234))
show("RegFlushKey", lambda: win32api.RegFlushKey(base))

win32api.RegCloseKey(base)
wipe()
show("base gone", lambda: win32api.RegOpenKey(HKCU, BASE))
