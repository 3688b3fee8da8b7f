"""The ``wmi`` package (PyPI, pure Python over win32com) on the WMI system class, unchanged.

It declares pywin32 as a dependency, so it is fetched without its dependencies once into a
cache (as tests/pywin32 fetches pywin32's wheel) and put on the program's path; the program
(``_wmi_cookbook.py``) runs with ``python -m apartment run``. At import the package reads
WbemScripting's constants through ``GetTypeInfo().GetContainingTypeLib()[0].GetTypeComp()``
and calls ``ExecQuery(strQuery=..., iFlags=...)`` by name: both need the objects' type
information.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
WHEEL = "WMI-1.5.1-py2.py3-none-any.whl"
CACHE = Path(os.environ.get("APARTMENT_WMI_CACHE", Path.home() / ".cache" / "apartment" / "wmi"))
EXPECTED = """\
flags from the type library: 16 32
running processes listed: True
this process found by ProcessId: 1 True
its name is a str: True
operating system caption is text: True
a fixed disk's free space is a number: True
query answered: 1 True
Create returned: 0 True
the new process is listed: 1
Terminate done
"""


@pytest.fixture(scope="session")
def wmi_path() -> Path:
    """Where ``import wmi`` finds the package (unpacked from its wheel, kept in the cache)."""
    root = CACHE / "unpacked"
    if not (root / "wmi.py").is_file():
        CACHE.mkdir(parents=True, exist_ok=True)
        if not (CACHE / WHEEL).is_file():
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "-q", "--no-deps",
                 "--only-binary=:all:", "-d", str(CACHE), "wmi==1.5.1"],
                check=True,
                timeout=600,
            )  # fmt: skip
        with zipfile.ZipFile(CACHE / WHEEL) as wheel:
            wheel.extract("wmi.py", root)
    return root


def test_the_wmi_cookbook_runs(wmi_path: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(wmi_path), *sys.path])}
    done = subprocess.run(
        [sys.executable, "-m", "apartment", "run", str(HERE / "_wmi_cookbook.py")],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env=env,
    )
    assert (done.stdout, done.returncode) == (EXPECTED, 0), done.stderr
