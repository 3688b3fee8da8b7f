"""Every public name of pywin32's modules is in the facade's, with pywin32's value.

tests/data/pywin32_names.jsonl is the real pywin32 312's answer to tools/probes/names_probe.py
(every public name of each module, its kind, and its value for numbers, strings and IIDs);
regenerate it with::

    ORACLE_DIR=/tmp/$USER/oracle ../shared/tools/pywin32-oracle python \\
        tools/probes/names_probe.py 'Z:\\work\\wt-BRANCH\\tests\\data\\pywin32_names.jsonl'

(the path as Windows' Python sees the file). The same probe runs here on the facade, in a
child (``python -m apartment run``), and the two are compared. tests/data/
pywin32_names_gaps.txt lists what the facade knowingly lacks, one ``module name  # why`` a
line (``*`` for a whole module); a gap that is closed must leave the list, so it only shrinks.
Not compared: names a module imports (kind ``module``), the machine's values of
:data:`MACHINE_VALUES`, and the attributes of classes (pywin32's types list their fields on
the type; ours may set them on instances).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests._subprocess import run_python

ROOT = Path(__file__).resolve().parent.parent.parent
SNAPSHOT = ROOT / "tests" / "data" / "pywin32_names.jsonl"
GAPS = ROOT / "tests" / "data" / "pywin32_names_gaps.txt"
PROBE = ROOT / "tools" / "probes" / "names_probe.py"

MACHINE_VALUES = {("win32gui", "dllhandle"), ("winxpgui", "dllhandle")}
"""Values that are the machine's (a module's load address), not pywin32's."""
VALUE_KINDS = {"int", "float", "str", "bytes", "bool", "None", "iid"}
_Names = dict[str, "dict[str, tuple[str, object]] | str"]


def load(path: Path) -> _Names:
    """A names_probe.py dump: module -> {name: (kind, detail)}, or why it did not import."""
    modules: _Names = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        module, name, kind, detail = json.loads(line)
        if name is None:
            modules[module] = f"{kind}: {detail}"
        else:
            names = modules.setdefault(module, {})
            assert isinstance(names, dict)
            names[name] = (kind, detail)
    return modules


def gaps() -> dict[str, set[str]]:
    """The known gaps: module -> the names it lacks (``*``: the whole module)."""
    found: dict[str, set[str]] = {}
    for line in GAPS.read_text(encoding="utf-8").splitlines():
        entry = line.partition("#")[0].split()
        if entry:
            module, name = entry
            found.setdefault(module, set()).add(name)
    return found


REAL = load(SNAPSHOT)
GAPS_BY_MODULE = gaps()


@pytest.fixture(scope="module")
def ours(tmp_path_factory: pytest.TempPathFactory) -> _Names:
    """The facade's answer to the same probe."""
    folder = tmp_path_factory.mktemp("names")
    out = folder / "ours.jsonl"
    run_python("-m", "apartment", "run", str(PROBE), str(out), registry=folder / "reg.db")
    return load(out)


def _provided(module: str) -> bool:
    return isinstance(REAL[module], dict) and "*" not in GAPS_BY_MODULE.get(module, set())


@pytest.mark.parametrize("module", [m for m in sorted(REAL) if _provided(m)])
def test_every_name_is_there_with_pywin32s_value(module: str, ours: _Names) -> None:
    real, mine = REAL[module], ours[module]
    assert isinstance(real, dict)
    assert isinstance(mine, dict), f"{module} does not import on the facade: {mine}"
    known = GAPS_BY_MODULE.get(module, set())
    missing = [n for n, (kind, _) in real.items() if kind != "module" and n not in mine]
    assert sorted(set(missing) - known) == [], "names missing (or add them to the gaps)"
    wrong = [
        (name, real[name], mine[name])
        for name, (kind, detail) in real.items()
        if kind in VALUE_KINDS and name in mine and (module, name) not in MACHINE_VALUES
        if mine[name] != (kind, detail)
    ]
    assert wrong == []


@pytest.mark.parametrize("module", sorted(GAPS_BY_MODULE))
def test_a_gap_is_still_a_gap(module: str, ours: _Names) -> None:
    names = GAPS_BY_MODULE[module]
    mine = ours.get(module, "absent")
    if "*" in names:
        assert isinstance(mine, str), f"{module} imports now: list its own gaps instead of *"
        return
    assert isinstance(mine, dict)
    assert sorted(names & set(mine)) == [], "closed gaps: remove them from the gaps file"
    real = REAL[module]
    assert isinstance(real, dict)
    assert sorted(names - set(real)) == [], "gaps of names pywin32 does not have"
