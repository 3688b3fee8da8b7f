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
from ..com import IID_IDISPATCH, IID_IUNKNOWN, InterfacePointer, MarshalStream
from ..errors import ChangedModeError, ComError
from . import winerror
from .pywintypes import IID, PyIID

__all__ = [
    "com_error", "error", "ole_error", "CoInitialize", "CoInitializeEx", "CoUninitialize",
    "CoCreateInstance", "CoMarshalInterThreadInterfaceInStream",
    "CoGetInterfaceAndReleaseStream", "CoMarshalInterface", "CoUnmarshalInterface",
    "CoReleaseMarshalData", "WrapObject", "UnwrapObject", "new", "New",
    "PumpWaitingMessages", "PumpMessages", "IID_IDispatch", "IID_IUnknown",
    "CLSID_StdGlobalInterfaceTable", "IID_IGlobalInterfaceTable", "MakeIID",
    "_GetInterfaceCount", "_GetGatewayCount",
]  # fmt: skip

com_error = error = ole_error = ComError

COINIT_MULTITHREADED = 0
COINIT_APARTMENTTHREADED = 2
COINIT_DISABLE_OLE1DDE = 4
COINIT_SPEED_OVER_MEMORY = 8
CLSCTX_INPROC_SERVER = 1
CLSCTX_INPROC_HANDLER = 2
CLSCTX_LOCAL_SERVER = 4
CLSCTX_INPROC_SERVER16 = 8
CLSCTX_REMOTE_SERVER = 16
CLSCTX_INPROC = 3
CLSCTX_SERVER = 21
CLSCTX_ALL = 23
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
DISPATCH_METHOD = 1
DISPATCH_PROPERTYGET = 2
DISPATCH_PROPERTYPUT = 4
DISPATCH_PROPERTYPUTREF = 8
DISPID_UNKNOWN = -1
DISPID_VALUE = 0
DISPID_PROPERTYPUT = -3
DISPID_NEWENUM = -4
DISPID_EVALUATE = -5
DISPID_CONSTRUCTOR = -6
DISPID_DESTRUCTOR = -7
DISPID_COLLECT = -8
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
CLSID_StdGlobalInterfaceTable = IID("{00000323-0000-0000-C000-000000000046}")
IID_NULL = IID("{00000000-0000-0000-0000-000000000000}")


class PyIDispatch(InterfacePointer):
    """An IDispatch pointer valid in one apartment, with pywin32's method names."""

    __slots__ = ()

    @classmethod
    def of(cls, pointer: InterfacePointer) -> PyIDispatch:
        """Give a core interface pointer pywin32's face (same object, same apartment)."""
        if isinstance(pointer, cls):
            return pointer
        return cls(pointer._target, pointer._apartment, pointer.iid)

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
TypeIIDs = {IID_IDispatch: PyIDispatch, IID_IUnknown: PyIDispatch}

_main_lock = threading.Lock()
_main_thread: list[int | None] = [None]  # the "main initializer"; see the module docstring
_main_has_init = [False]  # whether it still holds the initialization pythoncom counts


def MakeIID(iidString: str, is_bytes: bool = False, /) -> PyIID:
    return IID(iidString)


def _skip_init() -> bool:
    """pywin32 ignores a repeat initialization on its main initializer thread."""
    with _main_lock:
        return _main_has_init[0] and _main_thread[0] == threading.get_ident()


def _remember(result: int) -> None:
    if result == com.S_OK:
        with _main_lock:
            if _main_thread[0] is None:
                _main_thread[0] = threading.get_ident()
                _main_has_init[0] = True


def CoInitialize() -> None:
    if _skip_init():
        return
    try:
        _remember(com.initialize(False))
    except ChangedModeError:
        return  # pywin32's CoInitialize ignores RPC_E_CHANGED_MODE


def CoInitializeEx(flags: int, /) -> None:
    if _skip_init():
        return
    _remember(com.initialize(not int(flags) & COINIT_APARTMENTTHREADED))


def CoUninitialize() -> None:
    with _main_lock:  # on the main initializer, only the initialization pythoncom counts
        skip = _main_thread[0] == threading.get_ident() and not _main_has_init[0]
        if _main_thread[0] == threading.get_ident():
            _main_has_init[0] = False
    if not skip:
        com.uninitialize()


def CoCreateInstance(clsid: object, unkOuter: object, context: int, iid: object, /) -> Any:  # noqa: ANN401
    if unkOuter is not None:
        raise ComError.from_hresult(winerror.CLASS_E_NOAGGREGATION, "aggregation is not supported")
    if str(clsid).upper() == str(CLSID_StdGlobalInterfaceTable):
        com.current_apartment()
        return _GlobalInterfaceTable()
    pointer = com.create_object(str(clsid), int(context))
    return PyIDispatch.of(pointer.query_interface(iid))


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
    return 0


def _GetGatewayCount() -> int:
    return 0


class _GlobalInterfaceTable:
    """The IGlobalInterfaceTable pointer CoCreateInstance(CLSID_StdGlobalInterfaceTable) gives."""

    def RegisterInterfaceInGlobal(self, ob: object, iid: object, /) -> int:
        return com.global_table().register(ob)

    def GetInterfaceFromGlobal(self, cookie: int, iid: object, /) -> Any:  # noqa: ANN401
        return _face(com.global_table().get(cookie))

    def RevokeInterfaceFromGlobal(self, cookie: int, /) -> None:
        com.global_table().revoke(cookie)


def _initialize_importing_thread() -> None:
    """What importing pywin32's pythoncom does to the importing thread."""
    flags = getattr(sys, "coinit_flags", COINIT_APARTMENTTHREADED)
    try:
        CoInitializeEx(flags)
    except ComError:
        return  # pywin32 ignores a failure here


_initialize_importing_thread()
