"""VBScript.RegExp from Python: Global and IgnoreCase, the Matches collection.

Source: pywin32's own regex test shape, copied into many public repositories
(``testDynamic``: ``re = DumbDispatch("VBScript.Regexp")``, ``re.Pattern = "a"``,
``re.Global = True``, ``re.IgnoreCase = True``, ``match = re.Execute(text)``, each match's
``FirstIndex``; search "Dispatch(\"VBScript.RegExp\")"), and the "is." example of a C++
late-binding wrapper's README. Printed, not asserted. ``SubMatches.Item(0)`` from pywin32's
dynamic client fails: Item is a property with an index (vbscript's type library), so the
client, told a read without the index is a bad parameter count, calls it as a method
(DISP_E_MEMBERNOTFOUND); ``SubMatches(0)`` reads it.
"""

import pythoncom
from win32com.client import Dispatch
from win32com.client.dynamic import DumbDispatch

StringToSearch = "Python python pYthon Python"


def first_indexes(matches):
    return [m.FirstIndex for m in matches]


def main():
    pythoncom.CoInitialize()
    re = DumbDispatch("VBScript.Regexp")
    re.Pattern = "Python"
    re.Global = True
    re.IgnoreCase = True
    match = re.Execute(StringToSearch)
    print("ignore case:", first_indexes(match), "count", match.Count)
    re.IgnoreCase = False
    match = re.Execute(StringToSearch)
    print("match case:", first_indexes(match))
    re.Global = False
    print("first only:", first_indexes(re.Execute(StringToSearch)))

    rx = Dispatch("VBScript.RegExp")
    rx.Pattern = "is."
    rx.IgnoreCase = True
    rx.Global = True
    for m in rx.Execute("IS1 is2 IS3 is4"):
        print("match", m.FirstIndex, m.Length, m.Value)
    print("test:", rx.Test("this"), rx.Test("nothing here"))
    rx.Pattern = r"(\w+)@(\w+)\.com"
    for m in rx.Execute("mail ann@example.com or bob@test.com"):
        print("groups", m.Value, [m.SubMatches(i) for i in range(m.SubMatches.Count)])
        try:
            m.SubMatches.Item(0)
        except pythoncom.com_error as error:
            print("Item as a method:", error.hresult)
    rx.Pattern = r"\d+"
    print("replace:", rx.Replace("a1b22c333", "#"))
    re = rx = match = None
    pythoncom.CoUninitialize()
    print("done")


if __name__ == "__main__":
    main()
