"""Differential probe: every public name of each pywin32 module, its kind and its value.

    ORACLE_DIR=... ../shared/tools/pywin32-oracle python tools/probes/names_probe.py OUT.json
    .venv/bin/python -m apartment run tools/probes/names_probe.py OUT.json

Runs unchanged on the real pywin32 and on the facade. For each module of MODULES it writes
one JSON line per public name, ``[module, name, kind, detail]``, or ``[module, null,
"import failed", error type]`` for a module that does not import: kind is one of
int, float, str, bytes, bool, None, module, class, callable, other; detail is the value for
numbers and strings, the sorted public attribute names for classes, the type name otherwise
(an IID's detail is its string). pywin32's odbc is left out: importing it crashes Python under
Wine (a page fault in its init). PROBE_VERBOSE=1 prints each module's name before its import. tools/probes/names_compare.py diffs two such files.
"""

import importlib
import os
import json
import sys
import types

MODULES = (
    "pywintypes", "pythoncom", "winerror", "win32con", "win32api", "win32event", "win32file",
    "win32pipe", "win32process", "win32security", "ntsecuritycon", "win32gui", "win32gui_struct",
    "win32clipboard", "win32job", "win32service", "win32serviceutil", "win32evtlog",
    "win32evtlogutil", "win32net", "win32netcon", "win32print", "win32profile", "win32ts",
    "win32crypt", "win32cryptcon", "win32cred", "win32timezone", "win32console", "win32pdh",
    "win32pdhutil", "winxpgui", "win32ui", "commctrl", "winioctlcon", "winnt", "win32inetcon",
    "win32inet", "mmsystem", "servicemanager", "sspi", "sspicon", "timer", "mmapfile",
    "win32trace", "win32transaction", "win32wnet", "netbios", "win32rcparser", "perfmon",
    "win32uiole", "dde", "win32help", "win32lz", "win32ras", "winperf", "winxptheme",
    "win32verstamp", "regutil", "rasutil", "afxres", "win32pdhquery", "win2kras", "win32com",
    "win32com.client",
    "win32com.client.dynamic", "win32com.client.gencache", "win32com.client.build",
    "win32com.client.util", "win32com.client.connect", "win32com.server.util",
    "win32com.server.policy", "win32com.server.exception", "win32com.server.register",
    "win32com.server.dispatcher", "win32com.server.connect", "win32com.server.localserver",
    "win32com.server.factory", "win32com.storagecon", "win32com.olectl", "win32com.universal",
    "win32com.util", "win32com.shell.shell", "win32com.shell.shellcon",
    "win32com.propsys.propsys", "win32com.propsys.pscon", "win32com.adsi", "win32com.mapi.mapi",
    "win32com.taskscheduler.taskscheduler", "win32com.internet.internet",
    "win32com.axcontrol.axcontrol", "win32com.bits.bits", "win32com.ifilter.ifilter",
    "win32com.authorization.authorization", "win32com.directsound.directsound",
)  # fmt: skip


def _kind(value):
    if isinstance(value, bool):
        return ["bool", value]
    if value is None:
        return ["None", None]
    if isinstance(value, int):
        return ["int", int(value)]
    if isinstance(value, float):
        return ["float", repr(value)]
    if isinstance(value, str):
        return ["str", str(value)]
    if isinstance(value, bytes):
        return ["bytes", repr(value)]
    if isinstance(value, types.ModuleType):
        return ["module", value.__name__]
    if isinstance(value, type):
        return ["class", sorted(n for n in dir(value) if not n.startswith("_"))]
    if type(value).__name__ in ("PyIID", "IID"):
        return ["iid", str(value)]
    if callable(value):
        return ["callable", None]
    return ["other", type(value).__name__]


def probe(name):
    if os.environ.get("PROBE_VERBOSE"):
        print(name, flush=True)
    try:
        module = importlib.import_module(name)
    except BaseException as error:
        return f"import failed: {type(error).__name__}"
    return {n: _kind(getattr(module, n, None)) for n in sorted(dir(module)) if not n.startswith("_")}


def main(path):
    with open(path, "w", encoding="utf-8", newline="\n") as file:
        for module in MODULES:
            found = probe(module)
            if isinstance(found, str):
                file.write(json.dumps([module, None, "import failed", found.split(": ")[1]]) + "\n")
                continue
            for name, (kind, detail) in found.items():
                file.write(json.dumps([module, name, kind, detail]) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
