"""Every field of a server's COMException, as the client's com_error shows it.

Source: public GitHub Python COM servers that fill in their errors for VB/VBA callers
(search "COMException(desc=" "source=" "helpfile=" "helpContext="), and the client code
that takes ``com_error`` apart by attribute (``hresult``, ``strerror``, ``excepinfo``,
``argerror``) and by ``args``: a description with a source and help file, an scode of the
caller's own (``winerror.E_ACCESSDENIED``), an scode alone, a ``pythoncom.com_error``
raised in the server (pywin32 312 reports it as an unexpected Python error, with the
traceback in the description), positional arguments, an ``hresult=`` keyword, and the old
alias ``win32com.server.exception.Exception``, which pywin32 312 no longer has.

Wine differs: its FormatMessage text for E_ACCESSDENIED is "Access denied."; Windows' is
"Access is denied.", as we print.
"""

import pythoncom
import win32com.client
import win32com.server.exception
import win32com.server.util
import winerror
from win32com.server.exception import COMException


class Account:
    _public_methods_ = ["Withdraw", "Close", "Audit", "Legacy", "Locked"]

    def Withdraw(self, amount):
        if amount > 100:
            raise COMException(
                desc="Insufficient funds",
                scode=winerror.E_INVALIDARG,
                source="Bank.Account",
                helpfile="bank.chm",
                helpContext=42,
            )
        return 100 - amount

    def Close(self):
        raise COMException(scode=winerror.E_ACCESSDENIED)

    def Audit(self):
        raise pythoncom.com_error(winerror.E_FAIL, "audit failed", None, None)

    def Legacy(self):
        raise COMException("positional description", winerror.E_NOTIMPL)

    def Locked(self):
        raise COMException(desc="locked", hresult=winerror.E_UNEXPECTED)


def show(label, call):
    try:
        call()
    except pythoncom.com_error as error:
        print(label, "hresult:", error.hresult, "argerror:", error.argerror)
        code, source, desc, helpfile, context, scode = error.excepinfo
        if desc and desc.startswith("Unexpected Python Error"):
            desc = desc.splitlines()[0] + " ... " + desc.splitlines()[-1]
        print(label, "excepinfo:", (code, source, desc, helpfile, context, scode))
        hr, msg, exc, arg = error.args
        print(label, "same:", hr == error.hresult, exc == error.excepinfo, arg == error.argerror)


def main():
    account = win32com.client.Dispatch(win32com.server.util.wrap(Account()))
    print("withdraw 30:", account.Withdraw(30))
    show("withdraw", lambda: account.Withdraw(500))
    show("close", account.Close)
    show("audit", account.Audit)
    show("legacy", account.Legacy)
    print("old name:", hasattr(win32com.server.exception, "Exception"))
    show("locked", account.Locked)


if __name__ == "__main__":
    main()
