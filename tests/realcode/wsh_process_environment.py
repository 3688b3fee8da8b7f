"""A script's own environment by WScript.Shell: Environment("Process"), Expand, CurrentDirectory.

Source: the WSH-from-Python answers and blog posts (search "WScript.Shell"
"Environment(\\"Process\\")" "ExpandEnvironmentStrings" "CurrentDirectory" win32com), with
the pitfall they answer: late-bound, ``shell.Environment("Process")`` reads the property
``Environment`` (the System environment) and calls its default member with "Process", a
variable name: an empty string.
Early binding (``gencache.EnsureDispatch("WScript.Shell")``) keeps ``Environment`` a
property and adds ``GetEnvironment(type)``, makepy's method for a property with optional
arguments; so the answer is ``GetEnvironment("Process")``: its ``Item`` read and
``SetItem`` written, a
variable set there and expanded by ``ExpandEnvironmentStrings`` in the same process, an
unknown name (an empty string; Expand leaves ``%NAME%`` as it is), ``Remove``, and
``CurrentDirectory`` read, changed into a new folder and read back (``os.getcwd`` follows).

Wine differs: its IWshEnvironment has no ``Item`` put (E_NOTIMPL, at the first ``SetItem``),
so the lines from "read back" to "after remove" hold Windows' answer (the program without
its writes prints on Wine what it prints here, but for a NUL that Wine's
ExpandEnvironmentStrings leaves at the end of its string).
"""

import os

import win32com.client
from win32com.client import gencache


def main():
    late = win32com.client.Dispatch("WScript.Shell")
    print("late-bound Environment('Process'):", repr(late.Environment("Process")))
    shell = gencache.EnsureDispatch("WScript.Shell")
    print("early-bound Environment('Process'):", repr(shell.Environment("Process")))
    env = shell.GetEnvironment("Process")
    env.SetItem("REALCOM_GREETING", "hello")
    env.SetItem("REALCOM_TARGET", "world")
    print("read back:", env.Item("REALCOM_GREETING"), env("REALCOM_TARGET"))
    print("os.environ sees it:", os.environ.get("REALCOM_GREETING"))
    print("expanded:", shell.ExpandEnvironmentStrings("%REALCOM_GREETING%, %REALCOM_TARGET%!"))
    print("unknown:", repr(env.Item("REALCOM_NOT_SET")))
    print("unknown expanded:", shell.ExpandEnvironmentStrings("[%REALCOM_NOT_SET%]"))
    env.Remove("REALCOM_TARGET")
    print(
        "after remove:",
        repr(env.Item("REALCOM_TARGET")),
        shell.ExpandEnvironmentStrings("%REALCOM_TARGET%"),
    )
    start = shell.CurrentDirectory
    print("current is cwd:", os.path.normcase(start) == os.path.normcase(os.getcwd()))
    fso = win32com.client.Dispatch("Scripting.FileSystemObject")
    sub = fso.BuildPath(start, "work area")
    fso.CreateFolder(sub)
    shell.CurrentDirectory = sub
    print("moved:", fso.GetFileName(shell.CurrentDirectory), os.path.basename(os.getcwd()))
    shell.CurrentDirectory = start
    print("back:", os.path.normcase(os.getcwd()) == os.path.normcase(start))


if __name__ == "__main__":
    main()
