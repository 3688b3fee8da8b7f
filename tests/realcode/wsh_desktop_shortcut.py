"""Make an application's shortcut with WScript.Shell.CreateShortCut, then check it as Salt does.

Source: the installer idiom of many GitHub scripts (a launcher's ``create_shortcut``, a
Pomodoro timer's "add to desktop"): ``shell = win32com.client.Dispatch("WScript.Shell")``,
``shortcut = shell.CreateShortCut(path)``, set ``Targetpath``, ``Arguments``,
``WorkingDirectory``, ``IconLocation``, ``Description``, then ``shortcut.save()`` (names in
any case, as IDispatch takes them); and SaltStack's ``file.shortcut`` state, which opens an
existing shortcut again and compares ``TargetPath``, ``Arguments`` and ``WorkingDirectory``
with what it wants. Rewritten to run in the current folder (not on the Desktop) with this
Python as the target. Where Wine is not Windows: Wine's WshShortcut reads no property back
from a saved shortcut (E_NOTIMPL), so the check's lines are Windows' (all True).
"""

import os
import sys

import win32com.client

here = os.getcwd()
lnk_path = os.path.join(here, "Timer.lnk")
target = sys.executable

sh = win32com.client.Dispatch("WScript.Shell")
s = sh.CreateShortCut(lnk_path)
s.Targetpath = target
s.Arguments = '"timer.py"'
s.WorkingDirectory = here
s.IconLocation = f"{target},0"
s.Description = "Pomodoro Timer"
s.save()
print("saved:", os.path.isfile(lnk_path))

scut = sh.CreateShortcut(lnk_path)
print("target matches:", scut.TargetPath.lower() == target.lower())
print("arguments match:", scut.Arguments == '"timer.py"')
print("folder matches:", scut.WorkingDirectory.lower() == here.lower())
