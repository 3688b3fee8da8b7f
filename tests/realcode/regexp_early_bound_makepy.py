"""VBScript.RegExp early-bound through makepy: EnsureDispatch, typed results, CastTo.

Source: the scripts that run ``win32com.client.gencache.EnsureDispatch("VBScript.RegExp")``
so that attribute names are checked and results come back as typed wrappers (search
"EnsureDispatch VBScript.RegExp Execute SubMatches"), rewritten with their calls and their
order: the wrapper's class and ``CLSID``, a misspelt property (AttributeError, not a silent
new attribute), ``Execute`` giving an ``IMatchCollection2`` whose items are ``IMatch2``,
iteration and ``Count``/``Item``, ``SubMatches``, ``CastTo`` the older ``IRegExp`` interface
(which has no ``Multiline``), ``gencache.GetClassForProgID`` and the module's name for the
library.

Wine differs: its registration of the 5.5 library does not load (LoadRegTypeLib gives
TYPE_E_LIBNOTREGISTERED), so makepy cannot run there (pywin32's TypeError); the output is
what makepy's classes for the library (the one ``regexp_typelib_browse`` prints) give.
"""

import win32com.client
from win32com.client import gencache


def main():
    regex = gencache.EnsureDispatch("VBScript.RegExp")
    print("class:", type(regex).__name__, regex.CLSID)
    regex.Pattern = r"(\w+)@(\w+)\.com"
    regex.Global = True
    regex.IgnoreCase = True
    try:
        regex.Globl = False
    except AttributeError as error:
        print("misspelt:", type(error).__name__)
    matches = regex.Execute("mail bob@example.com or ALICE@Corp.COM today")
    print("matches:", type(matches).__name__, matches.Count)
    for match in matches:
        print(" ", type(match).__name__, match.Value, match.FirstIndex, match.Length)
        subs = match.SubMatches
        print("   submatches:", type(subs).__name__, [subs.Item(i) for i in range(subs.Count)])
    print("item 1:", matches.Item(1).Value)
    older = win32com.client.CastTo(regex, "IRegExp")
    print("CastTo:", type(older).__name__, older.Pattern == regex.Pattern)
    try:
        print(older.Multiline)
    except AttributeError as error:
        print("IRegExp has no Multiline:", type(error).__name__)
    klass = gencache.GetClassForProgID("VBScript.RegExp")
    print("class for ProgID:", klass.__name__)
    module = gencache.GetModuleForProgID("VBScript.RegExp")
    print("module:", module.__name__.rsplit(".", 1)[-1])
    print("done")


if __name__ == "__main__":
    main()
