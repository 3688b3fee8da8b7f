"""Optional and by-reference arguments to a Python COM server: Missing, Empty, VARIANT(VT_BYREF).

Source: public GitHub Office automation helpers and their server-side twins (search
"pythoncom.Missing", "pythoncom.Empty", "win32com.client.VARIANT(pythoncom.VT_BYREF |
pythoncom.VT_I4"), rewritten with their calls and their order: a wrapped ``_public_methods_``
server whose method reports what it received; calls through ``Dispatch`` with positional
``pythoncom.Missing`` and ``pythoncom.Empty``; a ``VARIANT`` of ``VT_BYREF | VT_I4`` and one of
``VT_BYREF | VT_BSTR`` given to a method that returns new values for them, and the variants'
``value`` after the call.
"""

import pythoncom
import win32com.client
import win32com.server.util as util


class Probe:
    _public_methods_ = ["Describe", "Double", "Shout", "Count"]

    def Describe(self, a=None, b=None, c=None):
        return f"a={a!r} b={b!r} c={c!r}"

    def Double(self, n):
        return n * 2

    def Shout(self, s):
        return s.upper()

    def Count(self, *args):
        return len(args)


def main():
    disp = win32com.client.Dispatch(util.wrap(Probe()))
    print("one arg:", disp.Describe(1))
    try:
        print("missing middle:", disp.Describe(1, pythoncom.Missing, 3))
    except TypeError as exc:
        print("missing middle:", exc)
    print("empty middle:", disp.Describe(1, pythoncom.Empty, 3))
    print("none middle:", disp.Describe(1, None, 3))
    print("count three:", disp.Count(1, 2, 3))
    try:
        print("count with missing:", disp.Count(1, pythoncom.Missing))
    except TypeError as exc:
        print("count with missing:", exc)
    print(
        "missing is ArgNotFound:",
        pythoncom.Missing is pythoncom.ArgNotFound,
        type(pythoncom.Empty).__name__,
    )
    n = win32com.client.VARIANT(pythoncom.VT_BYREF | pythoncom.VT_I4, 21)
    print("variant:", n.varianttype, n.value)
    print("double byref:", disp.Double(n))
    print("variant after:", n.value)
    s = win32com.client.VARIANT(pythoncom.VT_BYREF | pythoncom.VT_BSTR, "quiet")
    print("shout byref:", disp.Shout(s), "after:", s.value)
    v = win32com.client.VARIANT(pythoncom.VT_I4, 5)
    print("double plain variant:", disp.Double(v))
    print("repr:", repr(win32com.client.VARIANT(pythoncom.VT_I4, 5)))
    arr = win32com.client.VARIANT(pythoncom.VT_ARRAY | pythoncom.VT_I4, [1, 2, 3])
    print("count of array arg:", disp.Count(arr))


main()
