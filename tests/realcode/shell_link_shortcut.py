"""Make a .lnk shortcut with IShellLink and IPersistFile, then load it back and read it.

Source: the StackOverflow answer most cited for "python create shortcut pywin32 without
WScript" (``pythoncom.CoCreateInstance(shell.CLSID_ShellLink, None,
pythoncom.CLSCTX_INPROC_SERVER, shell.IID_IShellLink)``, ``SetPath``, ``SetArguments``,
``SetDescription``, ``SetWorkingDirectory``, ``SetIconLocation``, then
``QueryInterface(pythoncom.IID_IPersistFile).Save(path, 0)``; reading with
``persist.Load(path)`` and ``GetPath(shell.SLGP_RAWPATH)``), rewritten with those calls and
their order; a missing .lnk caught by its HRESULT.

Wine differs: its shell link loads every show command as SW_SHOWNORMAL (1); Windows keeps
SW_SHOWMAXIMIZED (3), one of the three values a .lnk may hold, and gives it back (the expected
output).
"""

import os
import tempfile

import pythoncom
from win32com.shell import shell


def make_shortcut(lnk, target, args, description, workdir):
    link = pythoncom.CoCreateInstance(
        shell.CLSID_ShellLink, None, pythoncom.CLSCTX_INPROC_SERVER, shell.IID_IShellLink
    )
    link.SetPath(target)
    link.SetArguments(args)
    link.SetDescription(description)
    link.SetWorkingDirectory(workdir)
    link.SetIconLocation(target, 0)
    link.SetShowCmd(3)
    link.QueryInterface(pythoncom.IID_IPersistFile).Save(lnk, 0)


def read_shortcut(lnk):
    link = pythoncom.CoCreateInstance(
        shell.CLSID_ShellLink, None, pythoncom.CLSCTX_INPROC_SERVER, shell.IID_IShellLink
    )
    link.QueryInterface(pythoncom.IID_IPersistFile).Load(lnk)
    path, _ = link.GetPath(shell.SLGP_RAWPATH)
    return (
        path,
        link.GetArguments(),
        link.GetDescription(),
        link.GetWorkingDirectory(),
        link.GetIconLocation(),
        link.GetShowCmd(),
    )


def main():
    pythoncom.CoInitialize()
    folder = tempfile.mkdtemp()
    target = os.path.join(folder, "tool.exe")
    with open(target, "wb") as f:
        f.write(b"MZ")
    lnk = os.path.join(folder, "Tool.lnk")
    make_shortcut(lnk, target, "--verbose --log out.txt", "Run the tool", folder)
    print(
        "lnk written:",
        os.path.exists(lnk),
        "starts with header:",
        open(lnk, "rb").read(4) == b"L\0\0\0",
    )
    path, args, description, workdir, icon, show = read_shortcut(lnk)
    print("path same:", os.path.normcase(path) == os.path.normcase(target))
    print("arguments:", args)
    print("description:", description)
    print("workdir same:", os.path.normcase(workdir) == os.path.normcase(folder))
    print(
        "icon index:", icon[1], "icon same:", os.path.normcase(icon[0]) == os.path.normcase(target)
    )
    print("show:", show)
    try:
        read_shortcut(os.path.join(folder, "missing.lnk"))
    except pythoncom.com_error as error:
        print("missing:", hex(error.hresult & 0xFFFFFFFF))
    for name in os.listdir(folder):
        os.remove(os.path.join(folder, name))
    os.rmdir(folder)
    pythoncom.CoUninitialize()


main()
