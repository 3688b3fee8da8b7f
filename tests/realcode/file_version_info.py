"""Read a file's version resource the way installers and update checkers do.

Source: the widely copied helper ``get_version_number(filename)`` (``info =
win32api.GetFileVersionInfo(filename, "\\")``, ``ms = info["FileVersionMS"]``, ``ls =
info["FileVersionLS"]``, ``HIWORD(ms), LOWORD(ms), HIWORD(ls), LOWORD(ls)``) and its
StringFileInfo variant (``\\VarFileInfo\\Translation`` then
``\\StringFileInfo\\%04X%04X\\FileDescription``), with the usual ``except`` printing the error.
Rewritten with those calls. Only files that carry no version resource are asked, so the
answers are Windows' own on any machine: a file that is not a PE image gives 1812
(ERROR_RESOURCE_DATA_NOT_FOUND) and a missing file gives 2 (ERROR_FILE_NOT_FOUND).
"""

import os
import tempfile

import pywintypes
import win32api


def get_version_number(filename):
    try:
        info = win32api.GetFileVersionInfo(filename, "\\")
        ms = info["FileVersionMS"]
        ls = info["FileVersionLS"]
        return (win32api.HIWORD(ms), win32api.LOWORD(ms), win32api.HIWORD(ls), win32api.LOWORD(ls))
    except pywintypes.error as error:
        return ("error", error.winerror, error.funcname)


def main():
    folder = tempfile.mkdtemp()
    text = os.path.join(folder, "readme.txt")
    with open(text, "w") as f:
        f.write("no resources here\n")
    print("text file:", get_version_number(text))
    print("missing file:", get_version_number(os.path.join(folder, "absent.dll")))
    try:
        win32api.GetFileVersionInfo(text, "\\VarFileInfo\\Translation")
    except pywintypes.error as error:
        print("translation of text file:", error.winerror)
    os.remove(text)
    os.rmdir(folder)


main()
