"""pywin32's ``pythoncom``: apartments, activation, marshaling, pumping.

Importing this module initializes the importing thread for COM, as pywin32 does:
``CoInitializeEx(sys.coinit_flags)`` with COINIT_APARTMENTTHREADED (2) by default, failures
ignored, and never uninitialized automatically. pywin32 then remembers that thread (the first
to initialize COM through it): while it holds that initialization, further CoInitialize(Ex)
calls on it do nothing (no count, no RPC_E_CHANGED_MODE); its first CoUninitialize gives it up,
and from then on CoInitialize(Ex) reach COM again but its CoUninitialize calls do not. This
module reproduces that.
"""

from __future__ import annotations

import sys
import threading
from typing import Any

from .. import com, messages
from .._fork import OUTER, hold_across_fork
from ..com import CLSCTX_ALL as CLSCTX_ALL
from ..com import CLSCTX_INPROC as CLSCTX_INPROC
from ..com import CLSCTX_INPROC_HANDLER as CLSCTX_INPROC_HANDLER
from ..com import CLSCTX_INPROC_SERVER as CLSCTX_INPROC_SERVER
from ..com import CLSCTX_INPROC_SERVER16 as CLSCTX_INPROC_SERVER16
from ..com import CLSCTX_LOCAL_SERVER as CLSCTX_LOCAL_SERVER
from ..com import CLSCTX_REMOTE_SERVER as CLSCTX_REMOTE_SERVER
from ..com import CLSCTX_SERVER as CLSCTX_SERVER
from ..com import (
    CLSID_STD_GLOBAL_INTERFACE_TABLE,
    IID_IDISPATCH,
    IID_IUNKNOWN,
    GlobalInterfaceTable,
    InterfacePointer,
    MarshalStream,
)
from ..com import DISPATCH_METHOD as DISPATCH_METHOD
from ..com import DISPATCH_PROPERTYGET as DISPATCH_PROPERTYGET
from ..com import DISPATCH_PROPERTYPUT as DISPATCH_PROPERTYPUT
from ..com import DISPATCH_PROPERTYPUTREF as DISPATCH_PROPERTYPUTREF
from ..com import DISPID_COLLECT as DISPID_COLLECT
from ..com import DISPID_CONSTRUCTOR as DISPID_CONSTRUCTOR
from ..com import DISPID_DESTRUCTOR as DISPID_DESTRUCTOR
from ..com import DISPID_EVALUATE as DISPID_EVALUATE
from ..com import DISPID_NEWENUM as DISPID_NEWENUM
from ..com import DISPID_PROPERTYPUT as DISPID_PROPERTYPUT
from ..com import DISPID_UNKNOWN as DISPID_UNKNOWN
from ..com import DISPID_VALUE as DISPID_VALUE
from ..errors import S_OK, ChangedModeError, ComError
from . import _classobjects
from ._adapt import dword
from ._classobjects import CoRegisterClassObject as CoRegisterClassObject
from ._classobjects import CoResumeClassObjects as CoResumeClassObjects
from ._classobjects import CoRevokeClassObject as CoRevokeClassObject
from ._classobjects import EnableQuitMessage as EnableQuitMessage
from ._classobjects import MakePyFactory as MakePyFactory
from ._classobjects import PyIClassFactory as PyIClassFactory
from .pywintypes import IID, PyIID, clsid_text

__all__ = [
    "CLSCTX_ALL", "CLSCTX_INPROC", "CLSCTX_INPROC_HANDLER", "CLSCTX_INPROC_SERVER",
    "CLSCTX_INPROC_SERVER16", "CLSCTX_LOCAL_SERVER", "CLSCTX_REMOTE_SERVER", "CLSCTX_SERVER",
    "com_error", "error", "ole_error", "CoInitialize", "CoInitializeEx", "CoUninitialize",
    "CoCreateInstance", "CoMarshalInterThreadInterfaceInStream",
    "CoGetInterfaceAndReleaseStream", "CoMarshalInterface", "CoUnmarshalInterface",
    "CoReleaseMarshalData", "WrapObject", "UnwrapObject", "new", "New",
    "PumpWaitingMessages", "PumpMessages", "IID_IDispatch", "IID_IUnknown",
    "CLSID_StdGlobalInterfaceTable", "IID_IGlobalInterfaceTable", "MakeIID",
    "_GetInterfaceCount", "_GetGatewayCount",
    "MakePyFactory", "PyIClassFactory", "CoRegisterClassObject", "CoRevokeClassObject",
    "CoResumeClassObjects", "EnableQuitMessage",
]  # fmt: skip

com_error = error = ole_error = ComError

COINIT_MULTITHREADED = 0
COINIT_APARTMENTTHREADED = 2
COINIT_DISABLE_OLE1DDE = 4
COINIT_SPEED_OVER_MEMORY = 8

MSHCTX_LOCAL = 0
MSHCTX_NOSHAREDMEM = 1
MSHCTX_DIFFERENTMACHINE = 2
MSHCTX_INPROC = 3
MSHLFLAGS_NORMAL = 0
MSHLFLAGS_TABLESTRONG = 1
MSHLFLAGS_TABLEWEAK = 2
MSHLFLAGS_NOPING = 4
REGCLS_SINGLEUSE = 0
REGCLS_MULTIPLEUSE = 1
REGCLS_MULTI_SEPARATE = 2
REGCLS_SUSPENDED = 4
INVOKE_FUNC = 1
INVOKE_PROPERTYGET = 2
INVOKE_PROPERTYPUT = 4
INVOKE_PROPERTYPUTREF = 8
COWAIT_WAITALL = 1
COWAIT_ALERTABLE = 2
dcom = 1

IID_IUnknown = IID(IID_IUNKNOWN)
IID_IDispatch = IID(IID_IDISPATCH)
IID_IStream = IID("{0000000C-0000-0000-C000-000000000046}")
IID_IGlobalInterfaceTable = IID("{00000146-0000-0000-C000-000000000046}")
CLSID_StdGlobalInterfaceTable = IID(CLSID_STD_GLOBAL_INTERFACE_TABLE)
IID_NULL = IID("{00000000-0000-0000-0000-000000000000}")


class PyIDispatch(InterfacePointer):
    """An IDispatch pointer valid in one apartment, with pywin32's method names.

    ``PyIDispatch.of(pointer)`` gives a core interface pointer this face (same object, same
    apartment); marshaling keeps it.
    """

    __slots__ = ()

    def GetIDsOfNames(self, *names: Any) -> int | tuple[int, ...]:  # noqa: ANN401
        if names and isinstance(names[0], int):  # (lcid, name, ...)
            names = names[1:]
        ids = self.ids_of_names(*names)
        return ids[0] if len(ids) == 1 else tuple(ids)

    def Invoke(self, dispid: int, lcid: int, flags: int, bResultWanted: int, *args: Any) -> Any:  # noqa: ANN401
        result = self.invoke(dispid, flags, *args)
        return result if bResultWanted else None

    def InvokeTypes(
        self, dispid: int, lcid: int, flags: int, resultType: object, argTypes: object,
        *args: Any,  # noqa: ANN401
    ) -> Any:  # noqa: ANN401  # fmt: skip
        return self.invoke(dispid, flags, *args)

    def QueryInterface(self, iid: object, useIID: object = None, /) -> PyIDispatch:
        return PyIDispatch.of(self.query_interface(iid))


def _face(value: object) -> Any:  # noqa: ANN401
    """Give core interface pointers pywin32's face; leave anything else as it is."""
    return PyIDispatch.of(value) if isinstance(value, InterfacePointer) else value


PyIStream = MarshalStream
_classobjects.PyIClassFactory.face = PyIDispatch  # what CreateInstance gives
TypeIIDs = {IID_IDispatch: PyIDispatch, IID_IUnknown: PyIDispatch}


def MakeIID(iidString: str, is_bytes: bool = False, /) -> PyIID:
    return IID(iidString)


class _MainInitializer:
    """pywin32's "main initializer" (see the module docstring): a pywin32 quirk, not COM's.

    ``thread`` is the first thread whose initialization through pythoncom succeeded;
    ``holds`` tells whether it still holds that initialization. Both change under ``lock``.
    """

    __slots__ = ("holds", "lock", "thread")

    def __init__(self) -> None:
        self.lock = threading.Lock()
        hold_across_fork(self.lock, OUTER)
        self.thread: int | None = None
        self.holds = False

    def skips_init(self) -> bool:
        """Whether CoInitialize(Ex) does nothing here: the main initializer holds its own."""
        with self.lock:
            return self.holds and self.thread == threading.get_ident()

    def remember(self, result: int) -> None:
        """Make the calling thread the main initializer if its initialization is the first."""
        if result == S_OK:
            with self.lock:
                if self.thread is None:
                    self.thread = threading.get_ident()
                    self.holds = True

    def skips_uninit(self) -> bool:
        """Whether CoUninitialize does nothing here; the main initializer's first gives up."""
        me = threading.get_ident()
        with self.lock:
            if self.thread != me:
                return False
            skip = not self.holds
            self.holds = False
            return skip


_main = _MainInitializer()


def CoInitialize() -> None:
    if _main.skips_init():
        return
    try:
        _main.remember(com.initialize(False))
    except ChangedModeError:
        return  # pywin32's CoInitialize ignores RPC_E_CHANGED_MODE


def CoInitializeEx(flags: int, /) -> None:
    if _main.skips_init():
        return
    _main.remember(com.initialize(not int(flags) & COINIT_APARTMENTTHREADED))


def CoUninitialize() -> None:
    if not _main.skips_uninit():
        com.uninitialize()


def CoCreateInstance(clsid: object, unkOuter: object, context: int, iid: object, /) -> Any:  # noqa: ANN401
    created = com.create_interface(clsid_text(clsid), dword(context), iid, outer=unkOuter)
    if isinstance(created, GlobalInterfaceTable):
        return _GlobalInterfaceTable(created)
    return PyIDispatch.of(created)


def new(iid: object, /) -> Any:  # noqa: ANN401
    return CoCreateInstance(iid, None, CLSCTX_SERVER, IID_IDispatch)


New = new


def CoMarshalInterThreadInterfaceInStream(iid: object, unk: object, /) -> MarshalStream:
    return MarshalStream(unk)


def CoGetInterfaceAndReleaseStream(stream: MarshalStream, iid: object, /) -> Any:  # noqa: ANN401
    return _face(stream.unmarshal())


def CoMarshalInterface(
    Stm: MarshalStream | None, riid: object, Unk: object, DestContext: int, flags: int = 0, /
) -> MarshalStream:
    return MarshalStream(Unk)


def CoUnmarshalInterface(Stm: MarshalStream, riid: object, /) -> Any:  # noqa: ANN401
    return _face(Stm.unmarshal())


def CoReleaseMarshalData(Stm: MarshalStream, /) -> None:
    Stm.release()


def WrapObject(
    ob: object, gatewayIID: object = None, interfaceIID: object = None, /
) -> InterfacePointer:
    policy_obj = getattr(ob, "_obj_", ob)  # a pywin32 policy instance wraps the object
    return PyIDispatch.of(com.wrap(policy_obj))


def UnwrapObject(ob: InterfacePointer, /) -> object:
    return com.unwrap(ob)


def PumpWaitingMessages(firstMessage: int = 0, lastMessage: int = 0, /) -> int:
    """Dispatch queued messages; 1 if WM_QUIT was seen (and consumed), else 0."""
    return 0 if messages.pump_waiting_messages(firstMessage, lastMessage) is None else 1


def PumpMessages() -> None:
    """Run a message loop until WM_QUIT."""
    messages.pump_messages()


def _GetInterfaceCount() -> int:
    """pywin32's count of its C++ interface wrappers: there are none here."""
    return 0


def _GetGatewayCount() -> int:
    """pywin32's count of its C++ gateways: there are none here."""
    return 0


class _GlobalInterfaceTable:
    """The IGlobalInterfaceTable pointer CoCreateInstance(CLSID_StdGlobalInterfaceTable) gives."""

    def __init__(self, table: GlobalInterfaceTable) -> None:
        self._table = table

    def RegisterInterfaceInGlobal(self, ob: object, iid: object, /) -> int:
        return self._table.register(ob)

    def GetInterfaceFromGlobal(self, cookie: int, iid: object, /) -> Any:  # noqa: ANN401
        return _face(self._table.get(cookie))

    def RevokeInterfaceFromGlobal(self, cookie: int, /) -> None:
        self._table.revoke(cookie)


def _initialize_importing_thread() -> None:
    """What importing pywin32's pythoncom does to the importing thread."""
    flags = getattr(sys, "coinit_flags", COINIT_APARTMENTTHREADED)
    try:
        CoInitializeEx(flags)
    except ComError:
        return  # pywin32 ignores a failure here


_initialize_importing_thread()
