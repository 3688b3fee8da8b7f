"""pywin32's ``win32com.shell.shellcon``: the shell's constants.

CSIDL_* (special folders), FO_* and FOF_* (SHFileOperation), SHCONTF_* and SHGDN_*
(IShellFolder), KF_* (known folders) and the rest of pywin32 312's module: the values come
from a generated table (``_tables/shellcon.py``, tools/gen_constant_tables.py), the macro is
written here. pywin32's quirks are kept: ``SICHINT_DISPLAY``, ``SVGIO_CHECKED`` and
``SVGIO_TYPE_MASK`` are 1-tuples there, and so here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..._tables import fill as _fill
from ..._tables.shellcon import IIDS, VALUES

__all__ = [
    "CSIDL_FLAG_CREATE",
    "CSIDL_FLAG_DONT_VERIFY",
    "CSIDL_FLAG_MASK",
    "EIRESID",
]

# shlobj.h's CSIDL flags, which pywin32's module lacks: kept as extensions.
CSIDL_FLAG_DONT_VERIFY = 0x4000
CSIDL_FLAG_CREATE = 0x8000
CSIDL_FLAG_MASK = 0xFF00


def EIRESID(x: int) -> int:
    """The negative resource id an icon location names a resource by (shlobj.h)."""
    return -int(x)


__all__ += _fill(globals(), VALUES, IIDS)

if TYPE_CHECKING:  # the table's names, which the type checker cannot see

    def __getattr__(name: str) -> Any:  # noqa: ANN401
        ...
