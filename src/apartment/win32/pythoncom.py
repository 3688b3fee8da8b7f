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

import operator
import sys
import threading
import traceback
import warnings
from typing import Any

from .. import com, kernel, messages
from .._fork import OUTER, hold_across_fork
from ..com import ACTIVEOBJECT_STRONG as ACTIVEOBJECT_STRONG
from ..com import ACTIVEOBJECT_WEAK as ACTIVEOBJECT_WEAK
from ..com import CLSCTX_ALL as CLSCTX_ALL
from ..com import CLSCTX_INPROC as CLSCTX_INPROC
from ..com import CLSCTX_INPROC_HANDLER as CLSCTX_INPROC_HANDLER
from ..com import CLSCTX_INPROC_SERVER as CLSCTX_INPROC_SERVER
from ..com import CLSCTX_INPROC_SERVER16 as CLSCTX_INPROC_SERVER16
from ..com import CLSCTX_LOCAL_SERVER as CLSCTX_LOCAL_SERVER
from ..com import CLSCTX_REMOTE_SERVER as CLSCTX_REMOTE_SERVER
from ..com import CLSCTX_SERVER as CLSCTX_SERVER
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
from ..com import DISPID_STARTENUM as DISPID_STARTENUM
from ..com import DISPID_UNKNOWN as DISPID_UNKNOWN
from ..com import DISPID_VALUE as DISPID_VALUE
from ..com import MSHLFLAGS_NORMAL as MSHLFLAGS_NORMAL
from ..com import MSHLFLAGS_TABLESTRONG as MSHLFLAGS_TABLESTRONG
from ..com import MSHLFLAGS_TABLEWEAK as MSHLFLAGS_TABLEWEAK
from ..com import STREAM_SEEK_CUR as STREAM_SEEK_CUR
from ..com import STREAM_SEEK_END as STREAM_SEEK_END
from ..com import STREAM_SEEK_SET as STREAM_SEEK_SET
from ..com import GlobalInterfaceTable, InterfacePointer
from ..errors import (
    E_HANDLE,
    E_INVALIDARG,
    RPC_S_CALLPENDING,
    S_OK,
    ChangedModeError,
    ComError,
    InvalidHandleError,
    Win32Error,
    hresult_from_win32,
)
from . import _com_names as _com_names
from . import pywintypes as pywintypes
from . import win32com as _win32com
from ._adapt import dword, long_param, ms_to_timeout
from ._classobjects import CoRegisterClassObject as CoRegisterClassObject
from ._classobjects import CoResumeClassObjects as CoResumeClassObjects
from ._classobjects import CoRevokeClassObject as CoRevokeClassObject
from ._classobjects import EnableQuitMessage as EnableQuitMessage
from ._classobjects import MakePyFactory as MakePyFactory
from ._classobjects import PyIClassFactory as PyIClassFactory
from ._com_client_names import *  # noqa: F403 - its names are this module's
from ._com_client_names import __all__ as _client_names
from ._com_door import guard_functions
from ._com_more_names import *  # noqa: F403 - its names are this module's
from ._com_more_names import __all__ as _more_names
from ._com_names import *  # noqa: F403 - its names are this module's
from ._dataobject import *  # noqa: F403 - its names are this module's
from ._dataobject import __all__ as _dataobject_names
from ._handles import handle_values
from ._interfaces import TYPE_IIDS, com_object, interface_pointer
from ._interfaces import PyIConnectionPoint as PyIConnectionPoint
from ._interfaces import PyIConnectionPointContainer as PyIConnectionPointContainer
from ._interfaces import PyIDispatch as PyIDispatch
from ._interfaces import PyIDispatchEx as PyIDispatchEx
from ._interfaces import PyIEnumVARIANT as PyIEnumVARIANT
from ._interfaces import PyIErrorLog as PyIErrorLog
from ._interfaces import PyIExternalConnection as PyIExternalConnection
from ._interfaces import PyIPersist as PyIPersist
from ._interfaces import PyIPersistPropertyBag as PyIPersistPropertyBag
from ._interfaces import PyIPersistStorage as PyIPersistStorage
from ._interfaces import PyIPersistStream as PyIPersistStream
from ._interfaces import PyIPersistStreamInit as PyIPersistStreamInit
from ._interfaces import PyIPropertyBag as PyIPropertyBag
from ._interfaces import PyIStream as PyIStream
from ._interfaces import PyIUnknown as PyIUnknown
from ._monikers import *  # noqa: F403 - its names are this module's
from ._monikers import __all__ as _moniker_names
from ._monikers import already_registered
from ._policies import Pywin32Protocol
from ._pythoncom_dragdrop import *  # noqa: F403 - its names are this module's
from ._pythoncom_dragdrop import PyIDropSource as _PyIDropSource
from ._pythoncom_dragdrop import PyIDropTarget as _PyIDropTarget
from ._pythoncom_dragdrop import __all__ as _dragdrop_names
from ._pythoncom_types import *  # noqa: F403 - its names are this module's
from ._pythoncom_types import __all__ as _type_names
from ._shell_faces import PyIEnumIDList as _PyIEnumIDList
from ._shell_faces import PyIPersistFile as _PyIPersistFile
from ._shell_faces import PyIShellFolder as _PyIShellFolder
from ._shell_faces import PyIShellLink as _PyIShellLink
from ._storage import PyIEnumSTATSTG as PyIEnumSTATSTG
from ._storage import PyIStorage as PyIStorage
from ._storage import ReadClassStg as ReadClassStg
from ._storage import StgCreateDocfile as StgCreateDocfile
from ._storage import StgCreateDocfileOnILockBytes as StgCreateDocfileOnILockBytes
from ._storage import StgOpenStorage as StgOpenStorage
from ._storage import StgOpenStorageOnILockBytes as StgOpenStorageOnILockBytes
from ._storage import WriteClassStg as WriteClassStg
from ._typeinfo_faces import PyITypeComp as _PyITypeComp
from ._typeinfo_faces import PyITypeInfo as _PyITypeInfo
from ._typeinfo_faces import PyITypeLib as _PyITypeLib
from .pywintypes import IID, PyIID, clsid_text

__all__ = [
    "StgOpenStorage",
    "CLSCTX_ALL", "CLSCTX_INPROC", "CLSCTX_INPROC_HANDLER", "CLSCTX_INPROC_SERVER",
    "CLSCTX_INPROC_SERVER16", "CLSCTX_LOCAL_SERVER", "CLSCTX_REMOTE_SERVER", "CLSCTX_SERVER",
    "com_error", "error", "ole_error", "CoInitialize", "CoInitializeEx", "CoUninitialize",
    "CoCreateInstance", "CoCreateInstanceEx", "CoMarshalInterThreadInterfaceInStream",
    "CoGetInterfaceAndReleaseStream", "CoMarshalInterface", "CoUnmarshalInterface",
    "CoReleaseMarshalData", "CreateStreamOnHGlobal", "CoWaitForMultipleHandles",
    "RegisterActiveObject", "GetActiveObject", "RevokeActiveObject", "connect", "Connect",
    "WrapObject", "UnwrapObject", "new", "New", "PumpWaitingMessages",
    "PumpMessages", "TypeIIDs", "InterfaceNames", "MakeIID", "IID_IDispatch", "IID_IUnknown",
    "CLSID_StdGlobalInterfaceTable", "IID_IGlobalInterfaceTable", "PyIUnknown", "PyIDispatch",
    "PyIDispatchEx", "PyIStream", "PyIEnumVARIANT", "PyIConnectionPointContainer",
    "PyIConnectionPoint", "PyIPropertyBag", "PyIErrorLog", "PyIPersist", "PyIPersistStream",
    "PyIPersistStreamInit", "PyIPersistPropertyBag", "PyIPersistStorage",
    "PyIExternalConnection", "PyIGlobalInterfaceTable",
    "_GetInterfaceCount", "_GetGatewayCount",
    "MakePyFactory", "PyIClassFactory", "CoRegisterClassObject", "CoRevokeClassObject",
    "CoResumeClassObjects", "EnableQuitMessage", *_com_names.__all__,
    *(name for name in _moniker_names if name != "already_registered"),
    *_dataobject_names, "IID_IDataObject", "IID_IEnumFORMATETC", *_more_names,
    *_client_names, "StgCreateDocfile", "ReadClassStg", "WriteClassStg", "PyIStorage",
    "PyIEnumSTATSTG", "StgCreateDocfileOnILockBytes", "StgOpenStorageOnILockBytes",
    *_type_names, *_dragdrop_names,
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
DISPID_THIS = -613
STGC_DEFAULT = 0
STATFLAG_DEFAULT = 0
STATFLAG_NONAME = 1
dcom = 1

# VARIANT types (VT_*): the values of wtypes.h.
VT_EMPTY, VT_NULL, VT_I2, VT_I4, VT_R4, VT_R8, VT_CY, VT_DATE = 0, 1, 2, 3, 4, 5, 6, 7
VT_BSTR, VT_DISPATCH, VT_ERROR, VT_BOOL, VT_VARIANT, VT_UNKNOWN, VT_DECIMAL = (
    8,
    9,
    10,
    11,
    12,
    13,
    14,
)
VT_I1, VT_UI1, VT_UI2, VT_UI4, VT_I8, VT_UI8, VT_INT, VT_UINT = 16, 17, 18, 19, 20, 21, 22, 23
VT_VOID, VT_HRESULT, VT_PTR, VT_SAFEARRAY, VT_CARRAY, VT_USERDEFINED = 24, 25, 26, 27, 28, 29
VT_LPSTR, VT_LPWSTR, VT_RECORD, VT_FILETIME, VT_BLOB, VT_STREAM = 30, 31, 36, 64, 65, 66
VT_STORAGE, VT_STREAMED_OBJECT, VT_STORED_OBJECT, VT_BLOB_OBJECT, VT_CF = 67, 68, 69, 70, 71
VT_CLSID, VT_BSTR_BLOB = 72, 0xFFF
VT_VECTOR, VT_ARRAY, VT_BYREF, VT_RESERVED = 0x1000, 0x2000, 0x4000, 0x8000
VT_ILLEGAL, VT_ILLEGALMASKED, VT_TYPEMASK = 0xFFFF, 0xFFF, 0xFFF

# IDispatchEx's fdex flags.
fdexNameCaseSensitive = 0x1
fdexNameEnsure = 0x2
fdexNameImplicit = 0x4
fdexNameCaseInsensitive = 0x8
fdexPropCanGet = 0x1
fdexPropCannotGet = 0x2
fdexPropCanPut = 0x4
fdexPropCannotPut = 0x8
fdexPropCanPutRef = 0x10
fdexPropCannotPutRef = 0x20
fdexPropNoSideEffects = 0x40
fdexPropDynamicType = 0x80
fdexPropCanCall = 0x100
fdexPropCannotCall = 0x200
fdexPropCanConstruct = 0x400
fdexPropCannotConstruct = 0x800
fdexPropCanSourceEvents = 0x1000
fdexPropCannotSourceEvents = 0x2000

IID_NULL = IID(com.IID_NULL)
IID_IUnknown = IID(com.IID_IUNKNOWN)
IID_IDispatch = IID(com.IID_IDISPATCH)
IID_IDispatchEx = IID(com.IID_IDISPATCHEX)
IID_IStream = IID(com.IID_ISTREAM)
IID_IEnumVARIANT = IID(com.IID_IENUMVARIANT)
IID_IConnectionPointContainer = IID(com.IID_ICONNECTIONPOINTCONTAINER)
IID_IConnectionPoint = IID(com.IID_ICONNECTIONPOINT)
IID_IEnumConnections = IID(com.IID_IENUMCONNECTIONS)
IID_IEnumConnectionPoints = IID(com.IID_IENUMCONNECTIONPOINTS)
IID_IPropertyBag = IID(com.IID_IPROPERTYBAG)
IID_IErrorLog = IID(com.IID_IERRORLOG)
IID_IPersist = IID(com.IID_IPERSIST)
IID_IPersistStream = IID(com.IID_IPERSISTSTREAM)
IID_IPersistStreamInit = IID(com.IID_IPERSISTSTREAMINIT)
IID_IPersistPropertyBag = IID(com.IID_IPERSISTPROPERTYBAG)
IID_IPersistStorage = IID(com.IID_IPERSISTSTORAGE)
IID_IExternalConnection = IID(com.IID_IEXTERNALCONNECTION)
IID_IGlobalInterfaceTable = IID(com.IID_IGLOBALINTERFACETABLE)
IID_IProvideClassInfo = IID(com.IID_IPROVIDECLASSINFO)
IID_IClassFactory = IID(com.IID_ICLASSFACTORY)
IID_IDataObject = IID(com.IID_IDATAOBJECT)
IID_IEnumFORMATETC = IID(com.IID_IENUMFORMATETC)
CLSID_StdGlobalInterfaceTable = IID(com.CLSID_STD_GLOBAL_INTERFACE_TABLE)

TypeIIDs: dict[PyIID, type[InterfacePointer]] = {IID(iid): cls for iid, cls in TYPE_IIDS.items()}
TypeIIDs[IID(com.IID_ISTORAGE)] = PyIStorage
TypeIIDs[IID(com.IID_IENUMSTATSTG)] = PyIEnumSTATSTG
TypeIIDs[IID(com.IID_IDROPTARGET)] = _PyIDropTarget
TypeIIDs[IID(com.IID_IDROPSOURCE)] = _PyIDropSource
TypeIIDs[IID(com.IID_IPERSISTFILE)] = _PyIPersistFile
TypeIIDs[IID(com.IID_ISHELLLINKA)] = _PyIShellLink
TypeIIDs[IID(com.IID_ISHELLLINKW)] = _PyIShellLink
TypeIIDs[IID(com.IID_ISHELLFOLDER)] = _PyIShellFolder
TypeIIDs[IID(com.IID_IENUMIDLIST)] = _PyIEnumIDList
InterfaceNames: dict[str, PyIID] = {
    cls.__name__[2:]: IID(iid) for iid, cls in TYPE_IIDS.items() if cls.__name__.startswith("PyI")
}
# type information: objects of their own, not interface pointers (not in InterfaceNames either)
TypeIIDs[_com_names.IID_ITypeInfo] = _PyITypeInfo  # type: ignore[assignment]
TypeIIDs[_com_names.IID_ITypeLib] = _PyITypeLib  # type: ignore[assignment]
TypeIIDs[_com_names.IID_ITypeComp] = _PyITypeComp  # type: ignore[assignment]
InterfaceNames["IDropTarget"] = IID(com.IID_IDROPTARGET)
InterfaceNames["IDropSource"] = IID(com.IID_IDROPSOURCE)
InterfaceNames["IPersistFile"] = IID(com.IID_IPERSISTFILE)
InterfaceNames["IShellLink"] = IID(com.IID_ISHELLLINKA)
InterfaceNames["IShellLinkW"] = IID(com.IID_ISHELLLINKW)
InterfaceNames["IShellFolder"] = IID(com.IID_ISHELLFOLDER)
InterfaceNames["IEnumIDList"] = IID(com.IID_IENUMIDLIST)
ServerInterfaces: dict[PyIID, bytes] = {
    IID(iid): cls.__name__[2:].encode() for iid, cls in TYPE_IIDS.items() if iid != com.IID_IUNKNOWN
}  # the interfaces a Python server can implement, named as pywin32 names them (bytes)
ServerInterfaces[IID(com.IID_IDROPTARGET)] = b"IDropTarget"
ServerInterfaces[IID(com.IID_IDROPSOURCE)] = b"IDropSource"
PyIDispatchType = PyIDispatch
PyIUnknownType = PyIUnknown


def __getattr__(name: str) -> object:
    """pywin32's deprecated ``frozen``: now ``sys.frozen`` (False unless a frozen program)."""
    if name == "frozen":
        warnings.warn(
            "`pythoncom.frozen` is deprecated: use `getattr(sys, 'frozen', False)`",
            DeprecationWarning,
            stacklevel=2,
        )
        return getattr(sys, "frozen", False)
    raise AttributeError(f"module 'pythoncom' has no attribute {name!r}")


def MakeIID(iidString: str, is_bytes: bool = False, /) -> PyIID:
    warnings.warn(  # pywin32 312's warning, word for word
        "MakeIID is deprecated - please use pywintypes.IID() instead.",
        DeprecationWarning,
        stacklevel=2,
    )
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
    flags = dword(flags)  # checked first: a TypeError even where the call does nothing
    if _main.skips_init():
        return
    _main.remember(com.initialize(not flags & COINIT_APARTMENTTHREADED))


def CoUninitialize() -> None:
    if not _main.skips_uninit():
        com.uninitialize()


def CoCreateInstance(clsid: object, unkOuter: object, context: int, iid: object, /) -> Any:  # noqa: ANN401
    created = com.create_interface(clsid_text(clsid), dword(context), iid, outer=unkOuter)
    if isinstance(created, GlobalInterfaceTable):
        return PyIGlobalInterfaceTable(created)
    return created


def CoCreateInstanceEx(
    clsid: object, unkOuter: object, context: int, serverInfo: object, iids: object, /
) -> tuple[Any, ...]:
    """Several interfaces of one new object (None for those it lacks); only this computer."""
    if serverInfo is not None:  # no other computer can be reached
        raise TypeError("The SERVERINFO is not in the correct format")
    wanted = list(iids)  # type: ignore[call-overload]
    created = com.create_interfaces(clsid_text(clsid), dword(context), wanted, outer=unkOuter)
    return tuple(
        PyIGlobalInterfaceTable(item) if isinstance(item, GlobalInterfaceTable) else item
        for item in created
    )


def new(iid: object, /) -> Any:  # noqa: ANN401
    return CoCreateInstance(iid, None, CLSCTX_SERVER, IID_IDispatch)


New = new


def CreateStreamOnHGlobal(hGlobal: object = None, DeleteOnRelease: object = True, /) -> Any:  # noqa: ANN401
    """A new memory stream. pywin32 reads ``hGlobal`` as a handle (None or an int) and then
    uses new memory all the same; anything else is a TypeError."""  # noqa: D205, D209
    if hGlobal is not None and not isinstance(hGlobal, int):
        raise TypeError("The object is not a PyHANDLE object")
    return com.memory_stream()


def _stream(value: object) -> Any:  # noqa: ANN401
    """A stream argument; pywin32 says ValueError for what is no COM object at all.

    None is a TypeError, as pywin32's interface conversion refuses it where NULL is no option.
    """
    if value is None:
        raise TypeError("None is not a valid interface object in this context")
    return interface_pointer(value).query_interface(com.IID_ISTREAM)


def CoMarshalInterThreadInterfaceInStream(iid: object, unk: object, /) -> Any:  # noqa: ANN401
    return com.MarshalStream(com_object(unk), iid).pointer()


def CoGetInterfaceAndReleaseStream(stream: object, iid: object, /) -> Any:  # noqa: ANN401
    return com.unmarshal_interface(_stream(stream), iid)  # pywin32 keeps its stream usable


def CoMarshalInterface(
    Stm: object, riid: object, Unk: object, DestContext: int, flags: int = 0, /
) -> None:
    if Stm is None:
        raise TypeError("None is not a valid interface object in this context")
    com.marshal_interface(_stream(Stm), com_object(Unk), dword(flags), riid)


def CoUnmarshalInterface(Stm: object, riid: object, /) -> Any:  # noqa: ANN401
    return com.unmarshal_interface(_stream(Stm), riid)


def CoReleaseMarshalData(Stm: object, /) -> None:
    com.release_marshal_data(_stream(Stm))


SYNCHRONIZE = 0x00100000
_COWAIT_FLAGS = 0x1F  # WAITALL, ALERTABLE, INPUTAVAILABLE, DISPATCH_CALLS, DISPATCH_WINDOW_MESSAGES


def CoWaitForMultipleHandles(Flags: int, Timeout: int, Handles: object, /) -> int:
    """Wait as COM waits; every failure is a com_error, as the function returns an HRESULT.

    pywin32 reads Flags and Timeout as C LONGs (OverflowError outside 32 bits). A Win32
    failure of the wait (65 handles, a duplicate in a wait-all: ERROR_INVALID_PARAMETER)
    comes back as its HRESULT_FROM_WIN32 (E_INVALIDARG), a handle that is not open as E_HANDLE,
    a flag outside COWAIT_FLAGS (WAITALL 1 ... DISPATCH_WINDOW_MESSAGES 0x10) as E_INVALIDARG.
    """
    flags = dword(long_param(Flags))
    timeout = ms_to_timeout(long_param(Timeout))
    if flags & ~_COWAIT_FLAGS:  # MS: "dwFlags is not a value from COWAIT_FLAGS" (Wine ignores)
        raise ComError.from_hresult(E_INVALIDARG, f"unknown COWAIT flags {flags:#x}")
    try:
        objects = kernel.handles.get_many(handle_values(Handles), SYNCHRONIZE, allow_empty=True)
        result = com.wait_for_handles(
            objects,
            timeout,
            wait_all=bool(flags & COWAIT_WAITALL),
            alertable=bool(flags & COWAIT_ALERTABLE),
        )
    except InvalidHandleError:  # pywin32 reports what the wait returned: E_HANDLE
        raise ComError.from_hresult(E_HANDLE, "a handle is not open") from None
    except Win32Error as failed:
        raise ComError.from_hresult(hresult_from_win32(failed.winerror), str(failed)) from None
    if result is None:  # pywin32 raises the HRESULT of a timeout
        raise ComError.from_hresult(RPC_S_CALLPENDING, "the wait timed out")
    if result is kernel.ALERTED:
        return 0xC0
    return result.index + (0x80 if result.abandoned else 0)


def RegisterActiveObject(ob: object, clsid: object, flags: int, /) -> int:
    registered = com.register_active_object(com_object(ob), clsid, dword(flags))
    if registered.already_registered:  # pywin32 raises MK_S_MONIKERALREADYREGISTERED (a success)
        raise already_registered()
    return registered.handle


def GetActiveObject(cls: object, /) -> Any:  # noqa: ANN401
    return com.active_object(cls)


def RevokeActiveObject(handle: int, /) -> None:
    com.revoke_active_object(operator.index(handle))


def connect(cls: object, /) -> Any:  # noqa: ANN401
    return com.active_object(cls).query_interface(com.IID_IDISPATCH)


Connect = connect


def WrapObject(ob: object, gatewayIID: object = None, interfaceIID: object = None, /) -> Any:  # noqa: ANN401
    policy = ob if isinstance(ob, com.Policy) else Pywin32Protocol(ob)
    iid = interfaceIID if interfaceIID is not None else gatewayIID
    return com.wrap(policy, com.IID_IDISPATCH if iid is None else iid)


_NOT_A_GATEWAY = "argument is not a Python gateway (0x80004002)"
"""pywin32's ValueError for an object that is no Python COM object (a system object, a proxy)."""


def UnwrapObject(ob: object, /) -> object:
    pointer = interface_pointer(ob, name_type=False)
    try:
        return com.unwrap_policy(pointer)
    except ValueError:  # no Python object behind it: its QueryInterface said E_NOINTERFACE
        raise ValueError(_NOT_A_GATEWAY) from None


def PumpWaitingMessages(firstMessage: int = 0, lastMessage: int = 0, /) -> int:
    """Dispatch queued messages; 1 if WM_QUIT was seen (and consumed), else 0."""
    first, last = dword(firstMessage), dword(lastMessage)  # pywin32's TypeError for a non-int
    return 0 if messages.pump_waiting_messages(first, last) is None else 1


def PumpMessages() -> None:
    """Run a message loop until WM_QUIT."""
    messages.pump_messages()


def _GetInterfaceCount() -> int:
    """The live interface objects (made since pythoncom was imported): pywin32's leak check."""
    return com.live_counts()[0]


def _GetGatewayCount() -> int:
    """The live gateways (made since pythoncom was imported): pywin32's leak check."""
    return com.live_counts()[1]


_E_INVALIDARG = -2147024809


class PyIGlobalInterfaceTable:
    """The IGlobalInterfaceTable pointer CoCreateInstance(CLSID_StdGlobalInterfaceTable) gives."""

    def __init__(self, table: GlobalInterfaceTable) -> None:
        self._table = table

    def RegisterInterfaceInGlobal(self, ob: object, iid: object, /) -> int:
        """Keep ``ob`` (of this apartment) in the table; return its cookie.

        None is a NULL pointer, which the table refuses with E_INVALIDARG.
        """
        if ob is None:
            raise ComError.from_hresult(_E_INVALIDARG, "the object to register is NULL")
        return self._table.register(com_object(ob), iid)

    def GetInterfaceFromGlobal(self, cookie: int, iid: object, /) -> Any:  # noqa: ANN401
        """Return the object of ``cookie``, valid in this apartment (E_INVALIDARG if none)."""
        return self._table.get(operator.index(cookie), iid)

    def RevokeInterfaceFromGlobal(self, cookie: int, /) -> None:
        """Forget the object of ``cookie`` (E_INVALIDARG if none)."""
        self._table.revoke(operator.index(cookie))


class _Pywin32Reports(com.ServerReports):
    """What pywin32 prints (or logs to ``win32com.logger``) when a server misbehaves."""

    def unexpected(self, method: str | None, error: BaseException) -> None:
        if method is None:
            header = "pythoncom error: Python error invoking COM method."
        else:
            header = f"pythoncom error: Unexpected exception in gateway method '{method}'"
        logger = getattr(_win32com, "logger", None)
        if logger is not None:
            logger.error(header, exc_info=(type(error), error, error.__traceback__))
            return
        text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
        sys.stderr.write(f"{header}\n\n{text}")

    def extra_results(self, supplied: int, settable: int = 0) -> None:
        sys.stderr.write(
            f"pythoncom warning: Too many results supplied - {supplied} supplied, "
            f"but only {settable} can be set\n"
        )


com.set_server_reports(_Pywin32Reports())


def _initialize_importing_thread() -> None:
    """What importing pywin32's pythoncom does to the importing thread."""
    flags = getattr(sys, "coinit_flags", COINIT_APARTMENTTHREADED)
    try:
        CoInitializeEx(flags)
    except ComError:
        return  # pywin32 ignores a failure here


com.count_live_objects()  # for _GetInterfaceCount and _GetGatewayCount
guard_functions(globals(), __all__)  # pywin32's classes for the core's errors (_com_door)
_initialize_importing_thread()
