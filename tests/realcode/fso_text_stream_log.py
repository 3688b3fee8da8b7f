"""Write, append and read a text log with Scripting.FileSystemObject's TextStream.

Source: public GitHub scripts and answers that keep a log through the FileSystemObject as
their VBScript originals did (search "CreateTextFile(" "OpenTextFile(" "AtEndOfStream"
"ForAppending = 8"), rewritten with their calls and their order: ``CreateTextFile(path,
True)``, ``WriteLine``/``Write``/``WriteBlankLines``, ``Close``; ``OpenTextFile(path, 8)`` to
append; ``OpenTextFile(path, 1)`` and a ``while not ts.AtEndOfStream: ts.ReadLine()`` loop
with ``Line``; ``ReadAll``; ``FileExists``/``GetFile(...).Size``/``DeleteFile``; opening a
missing file for reading (CTL_E_FILENOTFOUND, "File not found").

Where Wine is not Windows: Wine's scrrun has no ``TextStream.WriteBlankLines`` nor
``TextStream.Line`` (E_NOTIMPL) and gives no description with CTL_E_FILENOTFOUND; the
output is Windows' (two empty lines written, line numbers from 1, "File not found"). The
rest was checked on the oracle with those two calls replaced.
"""

import os
import tempfile

import pythoncom
import win32com.client

ForReading, ForWriting, ForAppending = 1, 2, 8


def main():
    fso = win32com.client.Dispatch("Scripting.FileSystemObject")
    folder = tempfile.mkdtemp()
    path = os.path.join(folder, "run.log")
    ts = fso.CreateTextFile(path, True)
    ts.WriteLine("first line")
    ts.Write("no newline, ")
    ts.WriteLine("then one")
    ts.WriteBlankLines(2)
    ts.Close()
    ts = fso.OpenTextFile(path, ForAppending)
    ts.WriteLine("appended")
    ts.Close()
    print("exists:", fso.FileExists(path), "size:", fso.GetFile(path).Size)
    ts = fso.OpenTextFile(path, ForReading)
    while not ts.AtEndOfStream:
        line_no = ts.Line
        print(f"{line_no}: {ts.ReadLine()!r}")
    ts.Close()
    ts = fso.OpenTextFile(path, ForReading)
    print("read all:", repr(ts.ReadAll()))
    ts.Close()
    ts = fso.OpenTextFile(path, ForWriting, True)
    ts.Write("replaced")
    ts.Close()
    ts = fso.OpenTextFile(path)
    print("after rewrite:", repr(ts.ReadAll()))
    ts.Close()
    fso.DeleteFile(path)
    print("exists after delete:", fso.FileExists(path))
    try:
        fso.OpenTextFile(path, ForReading)
    except pythoncom.com_error as error:
        print("missing:", error.hresult, error.excepinfo[2], error.excepinfo[5])
    os.rmdir(folder)
    print("done")


if __name__ == "__main__":
    main()
