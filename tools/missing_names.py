"""List the names the real pywin32 has and the facade has not, module by module.

    ../shared/tools/pywin32-oracle python tools/missing_names.py dump NAMES.json
    .venv/bin/python tools/missing_names.py compare NAMES.json

The first runs under the oracle (the real pywin32 on Windows' Python under Wine) and writes
the public names of each module of :data:`MODULES`; the second imports the same modules
through the facade and prints, for each, the names it lacks. Names a module imports from
elsewhere (``os``, ``sys``...) show up too: read the list, do not count it blindly.
"""

from __future__ import annotations

import importlib
import json
import sys

MODULES = (
    "pythoncom", "pywintypes", "win32api", "win32event", "win32process", "win32file",
    "win32pipe", "win32gui", "win32con", "winerror", "win32security", "win32service",
    "win32serviceutil", "win32clipboard", "win32console", "win32job", "win32ts", "win32profile",
    "win32net", "win32evtlog", "win32timezone", "win32crypt", "win32cred", "win32print",
    "win32pdh", "win32pdhutil", "winnt", "ntsecuritycon", "win32com.client",
    "win32com.server.util", "win32com.server.policy", "win32com.server.register",
    "win32com.server.localserver", "win32com.server.exception", "win32com.client.dynamic",
    "win32com.client.gencache", "win32com.storagecon", "win32com.olectl", "win32gui_struct",
)  # fmt: skip


def _public(module: object) -> list[str]:
    return sorted(name for name in dir(module) if not name.startswith("_"))


def dump(path: str) -> None:
    """Write each module's public names (or why it did not import) to ``path``."""
    names: dict[str, object] = {}
    for name in MODULES:
        try:
            names[name] = _public(importlib.import_module(name))
        except Exception as error:  # recorded, as the module's answer
            names[name] = f"import failed: {error!r}"
    with open(path, "w", encoding="utf-8") as file:
        json.dump(names, file)


def compare(path: str) -> None:
    """Print the names of ``path``'s dump that the facade's modules lack."""
    from apartment.win32 import install

    install(runtime=True)
    with open(path, encoding="utf-8") as file:
        real: dict[str, object] = json.load(file)
    for name, names in real.items():
        if not isinstance(names, list):
            print(f"{name}: {names}")
            continue
        try:
            ours = set(dir(importlib.import_module(name)))
        except ImportError as error:
            print(f"{name}: ours does not import ({error})")
            continue
        missing = [n for n in names if n not in ours]
        print(f"{name}: {len(missing)} missing {' '.join(missing)}".rstrip())


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("dump", "compare"):
        sys.exit(__doc__)
    (dump if sys.argv[1] == "dump" else compare)(sys.argv[2])
