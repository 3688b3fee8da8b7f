"""Reformat dates and names with VBScript.RegExp's Replace: back-references, Multiline, errors.

Source: the "regular expressions from Python through VBScript.RegExp" answers and the Windows
admin scripts that reuse their VBScript patterns unchanged (``re = Dispatch("VBScript.RegExp")``,
``re.Pattern = ...``, ``re.Global = True``, ``re.Replace(text, "$3-$1-$2")``), rewritten with
their calls and their order: a US date turned ISO with ``$1``..``$3``, the first match only
(``Global`` false), ``$&`` for the whole match, ``$$`` for a dollar, ``Multiline`` with ``^``
and ``$`` anchors, ``Test``, ``SubMatches`` of one ``Execute`` match with an unmatched optional
group (Empty, None in Python) and the error a bad pattern gives when it is used (5017,
"Syntax error in regular expression", as a DISP_E_EXCEPTION from VBScript).

Wine differs: its RegExp answers a bad pattern with E_FAIL as the scode; the last line holds
Windows' scode, 0x800A1399 (VBScript's error 5017).
"""

import pywintypes
import win32com.client

text = "Invoices due 12/31/2024 and 01/15/2025; paid 02/01/2025."

re = win32com.client.Dispatch("VBScript.RegExp")
re.Pattern = r"(\d{2})/(\d{2})/(\d{4})"
re.Global = True
print(re.Replace(text, "$3-$1-$2"))
re.Global = False
print(re.Replace(text, "[$&]"))
print(re.Replace(text, "$$"))

re.Global = True
re.Pattern = r"(\w+), (\w+)"
print(re.Replace("Hammond, Mark; Golden, Tim", "$2 $1"))

lines = "alpha = 1\nbeta = 2\n# comment\ngamma = 3"
re.Pattern = r"^(\w+) = (\d+)$"
re.Multiline = False
print("single-line matches:", re.Execute(lines).Count)
re.Multiline = True
print("multiline matches:", re.Execute(lines).Count)
print(re.Replace(lines, "$1: $2").replace("\n", " | "))
print("Test:", re.Test(lines), re.Test("nothing here"))

re.Pattern = r"(\d+)(px)?"
re.Global = False
match = re.Execute("width 120")(0)
print("match:", match.Value, match.FirstIndex, match.Length)
print(
    "submatches:",
    match.SubMatches.Count,
    [match.SubMatches(i) for i in range(match.SubMatches.Count)],
)

re.Pattern = "(unclosed"
try:
    re.Test("anything")
except pywintypes.com_error as error:
    hr, msg, exc, arg = error.args
    print("bad pattern:", hr, exc[5])
print("done")
