"""pywin32's ``win32com.server.localserver``: a local COM server's main loop.

``python -m apartment serve CLSID...`` is the LocalServer32 command clients start here
(pywin32 registers ``python.exe localserver.py CLSID``); this module's ``serve`` is the same
loop for a script that hosts its classes itself::

    import sys
    sys.coinit_flags = 2
    from win32com.server import localserver
    localserver.serve(["{...}"])      # returns when the last client has let go

Like pywin32's, it registers the factories (REGCLS_MULTIPLEUSE | REGCLS_SUSPENDED,
CLSCTX_LOCAL_SERVER), asks for WM_QUIT when the server's last object is released, resumes
them, pumps messages, then revokes them and uninitializes COM (``apartment.com.serve``
does all but the last; it also imports each class first, so a broken one fails at once).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

sys.coinit_flags = 2  # type: ignore[attr-defined]  # pywin32's: the server's thread is an STA

from apartment import com  # noqa: E402 - after coinit_flags, as pywin32's module has it
from apartment.win32 import pythoncom  # noqa: E402
from apartment.win32.win32com.server import factory as factory  # noqa: E402 - pywin32's imports it

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["serve", "main"]

usage = """\
Invalid command line arguments

This program provides LocalServer COM support
for Python COM objects.

It is typically run automatically by COM, passing as arguments
The ProgID or CLSID of the Python Server(s) to be hosted
"""


def serve(clsids: Sequence[str]) -> None:
    """Serve the classes until the last outside reference goes, then revoke them."""
    com.serve(clsids)
    pythoncom.CoUninitialize()  # pywin32's serve ends so: the importing thread's init


def main() -> None:
    """Serve the classes named on the command line (pywin32 shows a message box without)."""
    if len(sys.argv) == 1:
        print(usage, file=sys.stderr)  # pywin32: win32api.MessageBox
        sys.exit(1)
    serve(sys.argv[1:])


if __name__ == "__main__":
    main()
