"""``WScript.Network`` (wshom.ocx's WshNetwork): who and where, on Linux.

``UserName`` is the login name (GetUserName), ``ComputerName`` the NetBIOS-style name the
kernel gives (the host name's first label, upper case, 15 characters), ``UserDomain`` the
computer's name (a local account's domain, as on a machine in no domain), ``UserProfile``
the home folder. ``Organization`` and ``Site`` are ``""``. Mapping network drives and
printers (``MapNetworkDrive``, ``EnumNetworkDrives``, ``AddPrinterConnection``...) is
E_NOTIMPL: Linux has no drive letters to map. DISPIDs are wshom's. No state: any thread may
call it.
"""

from __future__ import annotations

import os
from typing import ClassVar

from ..errors import E_NOTIMPL
from ._server_errors import COMException

__all__ = ["CLSID", "PROGID", "WshNetwork"]

CLSID = "{093FF999-1EA0-4079-9525-9614C3504B74}"  # CLSID_WshNetwork (wshom.ocx)
PROGID = "WScript.Network"
_FIRST = 0x60020000  # wshom's type library numbers the properties from here


class WshNetwork:
    """IWshNetwork2: the user, the computer and (refused) network drives and printers."""

    _type_info_ = ("{F935DC20-1CF0-11D0-ADB9-00C04FD58A0B}", (1, 0), "IWshNetwork2")

    _reg_clsid_ = CLSID
    _reg_progid_ = PROGID
    _dispid_to_get_: ClassVar[dict[int, str]] = {
        _FIRST: "UserDomain", _FIRST + 1: "UserName", _FIRST + 2: "UserProfile",
        _FIRST + 3: "ComputerName", _FIRST + 4: "Organization", _FIRST + 5: "Site",
    }  # fmt: skip
    _dispid_to_func_: ClassVar[dict[int, str]] = {
        1000: "MapNetworkDrive", 1001: "RemoveNetworkDrive", 1002: "EnumNetworkDrives",
        2000: "AddPrinterConnection", 2001: "RemovePrinterConnection",
        2002: "EnumPrinterConnections", 2003: "SetDefaultPrinter",
    }  # fmt: skip
    _public_methods_: ClassVar[list[str]] = list(_dispid_to_func_.values())
    _public_attrs_: ClassVar[list[str]] = list(_dispid_to_get_.values())
    _readonly_attrs_: ClassVar[list[str]] = _public_attrs_

    Organization = ""
    Site = ""

    @property
    def user_name(self) -> str:
        """The login name."""
        from ..kernel import user_name

        return user_name()

    @property
    def computer_name(self) -> str:
        """The computer's NetBIOS-style name."""
        from ..kernel import computer_name

        return computer_name()

    UserDomain = computer_name

    @property
    def user_profile(self) -> str:
        """The home folder."""
        return os.path.expanduser("~")

    @staticmethod
    def _refused(*args: object) -> None:
        raise COMException(scode=E_NOTIMPL, desc="no network drives nor printers to map here")

    MapNetworkDrive = RemoveNetworkDrive = EnumNetworkDrives = _refused
    AddPrinterConnection = RemovePrinterConnection = EnumPrinterConnections = _refused
    SetDefaultPrinter = _refused

    # Automation's names
    UserName = user_name
    ComputerName = computer_name
    UserProfile = user_profile
