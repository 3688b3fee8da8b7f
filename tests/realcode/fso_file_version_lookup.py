"""Find an installed program's version with FileSystemObject.GetFileVersion, else give None.

Source: the "which Chrome is installed" idiom of many GitHub scripts that download a matching
chromedriver (e.g. ``get_version_via_com(filename)``: ``Dispatch("Scripting.FileSystemObject")``
then ``parser.GetFileVersion(path)`` inside ``try``/``except Exception: return None``, over the
two Program Files paths, keeping the first that answers), rewritten. Chrome is not installed,
so both lookups fail and the program says so; it then asks for a file that is not there (the
com_error's scode: the version API's ERROR_FILE_NOT_FOUND as an HRESULT, 0x80070002, not VB
error 53). Runs in the current folder.
"""

import os

import pywintypes
from win32com.client import Dispatch

PATHS = [
    r"C:\Program Files\Google\Chrome\Application\chrome.exe",
    r"C:\Program Files (x86)\Google\Chrome\Application\chrome.exe",
]


def get_version_via_com(filename):
    parser = Dispatch("Scripting.FileSystemObject")
    try:
        version = parser.GetFileVersion(filename)
    except Exception:
        return None
    return version


found = list(filter(None, [get_version_via_com(p) for p in PATHS]))
print("chrome:", found[0] if found else "not installed")

parser = Dispatch("Scripting.FileSystemObject")
try:
    parser.GetFileVersion(os.path.abspath("missing.exe"))
except pywintypes.com_error as error:
    print("missing:", error.hresult, error.excepinfo[5])
