"""The running object table on the facade, across processes: pywin32 scripts run unchanged.

One script registers a Python object with ``pythoncom.RegisterActiveObject`` and pumps
messages; another, a separate process of the same user, gets it with
``win32com.client.GetActiveObject`` / ``GetObject(Class=...)`` and calls it, as on Windows.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from typing import TYPE_CHECKING

from .._subprocess import run_python

if TYPE_CHECKING:
    from pathlib import Path

    from apartment.testing import LocalServers

CLSID = "{5B0E6D54-6C35-4C8B-9E0B-3E1A4A5E7301}"

OWNER = textwrap.dedent(
    f"""
    import os, sys, threading
    import pythoncom, win32api, win32con, win32com.server.util

    class Calc:
        _public_methods_ = ["Add", "Pid"]

        def Add(self, a, b):
            return a + b

        def Pid(self):
            return os.getpid()

    pythoncom.CoInitialize()
    ob = win32com.server.util.wrap(Calc())
    handle = pythoncom.RegisterActiveObject(ob, "{CLSID}", pythoncom.ACTIVEOBJECT_STRONG)
    main = win32api.GetCurrentThreadId()

    def stop():
        sys.stdin.read()
        win32api.PostThreadMessage(main, win32con.WM_QUIT, 0, 0)

    threading.Thread(target=stop, daemon=True).start()
    print("ready", flush=True)
    pythoncom.PumpMessages()
    pythoncom.RevokeActiveObject(handle)
    """
)

CLIENT = textwrap.dedent(
    f"""
    import pythoncom, win32com.client

    calc = win32com.client.GetActiveObject("{CLSID}")
    ctx = pythoncom.CreateBindCtx()
    names = [mk.GetDisplayName(ctx, None) for mk in pythoncom.GetRunningObjectTable()]
    print(calc.Add(2, 3), calc.Pid(), "!{CLSID}" in names)
    print(win32com.client.GetObject(Class="{CLSID}").Add(1, 1))
    """
)


def test_a_script_gets_another_scripts_active_object(
    local_servers: LocalServers, tmp_path: Path
) -> None:
    (tmp_path / "owner.py").write_text(OWNER)
    (tmp_path / "client.py").write_text(CLIENT)
    owner = subprocess.Popen(
        [sys.executable, "-m", "apartment", "run", str(tmp_path / "owner.py")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert owner.stdin is not None and owner.stdout is not None
    try:
        assert owner.stdout.readline() == "ready\n"
        output = run_python("-m", "apartment", "run", str(tmp_path / "client.py"))
        assert output.split("\n") == [f"5 {owner.pid} True", "2", ""]
    finally:
        owner.stdin.close()
        assert owner.wait(30) == 0
        owner.stdout.close()
    assert not list((local_servers.runtime_dir / "com" / "rot").glob("*.json"))
