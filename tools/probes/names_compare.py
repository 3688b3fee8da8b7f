"""Diff two names_probe.py dumps: what the oracle's modules have that ours lack or give otherwise.

    python tools/probes/names_compare.py ORACLE.json OURS.json [MODULE...]

Prints, per module: modules that do not import on one side, names missing from ours, names
whose kind or value differs, and class attributes missing from ours. Names only ours has are
not listed (extensions are allowed).
"""

import json
import sys


def load(path):
    """A names_probe.py dump as ``{module: {name: [kind, detail]}}`` or ``{module: "import failed: X"}``."""
    modules = {}
    with open(path, encoding="utf-8") as file:
        for line in file:
            module, name, kind, detail = json.loads(line)
            if name is None:
                modules[module] = f"{kind}: {detail}"
            else:
                modules.setdefault(module, {})[name] = [kind, detail]
    return modules


def compare(oracle, ours, only=()):
    for module in sorted(oracle):
        if only and module not in only:
            continue
        real, mine = oracle[module], ours.get(module, "absent")
        if isinstance(real, str):
            if not isinstance(mine, str):
                print(f"{module}: oracle {real}; ours imports")
            continue
        if isinstance(mine, str):
            print(f"{module}: ours {mine} ({len(real)} names)")
            continue
        missing = [n for n in real if n not in mine]
        if missing:
            print(f"{module}: {len(missing)} missing: {' '.join(missing)}")
        for name, (kind, detail) in sorted(real.items()):
            if name not in mine:
                continue
            mkind, mdetail = mine[name]
            if kind == "class" and mkind == "class":
                lacking = [a for a in detail if a not in mdetail]
                if lacking:
                    print(f"{module}.{name}: class lacks {' '.join(lacking)}")
            elif kind in ("callable", "class") and mkind in ("callable", "class"):
                continue
            elif kind != mkind or (kind not in ("module", "other") and detail != mdetail):
                print(f"{module}.{name}: oracle {kind} {detail!r}; ours {mkind} {mdetail!r}")


if __name__ == "__main__":
    compare(load(sys.argv[1]), load(sys.argv[2]), set(sys.argv[3:]))
