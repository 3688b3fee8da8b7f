"""More of pywin32's ``pythoncom``: argument sentinels, GUIDs, HRESULT names, constants.

``pythoncom`` re-exports every name here (kept apart to keep that module small).
"""

from __future__ import annotations

import warnings
from typing import Any

from .. import com, errors
from ..errors import (
    hresult_facility_name,
    hresult_range_name,
    hresult_severity_name,
    signed_hresult,
)
from .pywintypes import IID, CreateGuid, PyIID, Time

__all__ = [
    "Empty",
    "Missing",
    "ArgNotFound",
    "CreateGuid",
    "MakeTime",
    "GetSeverityString",
    "GetFacilityString",
    "GetScodeRangeString",
    "GetScodeString",
    "CoFreeUnusedLibraries",
    "CoInitializeSecurity",
    "IsGatewayRegistered",
    "__all__",
    "CLSID_DCOMAccessControl",
    "CLSID_StdComponentCategoriesMgr",
    "DATADIR_GET",
    "DATADIR_SET",
    "DESCKIND_FUNCDESC",
    "DESCKIND_VARDESC",
    "DVASPECT_CONTENT",
    "DVASPECT_DOCPRINT",
    "DVASPECT_ICON",
    "DVASPECT_THUMBNAIL",
    "EOAC_ACCESS_CONTROL",
    "EOAC_ANY_AUTHORITY",
    "EOAC_APPID",
    "EOAC_AUTO_IMPERSONATE",
    "EOAC_DEFAULT",
    "EOAC_DISABLE_AAA",
    "EOAC_DYNAMIC",
    "EOAC_DYNAMIC_CLOAKING",
    "EOAC_MAKE_FULLSIC",
    "EOAC_MUTUAL_AUTH",
    "EOAC_NONE",
    "EOAC_NO_CUSTOM_MARSHAL",
    "EOAC_REQUIRE_FULLSIC",
    "EOAC_SECURE_REFS",
    "EOAC_STATIC_CLOAKING",
    "EXTCONN_CALLABLE",
    "EXTCONN_STRONG",
    "EXTCONN_WEAK",
    "FUNCFLAG_FBINDABLE",
    "FUNCFLAG_FDEFAULTBIND",
    "FUNCFLAG_FDISPLAYBIND",
    "FUNCFLAG_FHIDDEN",
    "FUNCFLAG_FREQUESTEDIT",
    "FUNCFLAG_FRESTRICTED",
    "FUNCFLAG_FSOURCE",
    "FUNCFLAG_FUSESGETLASTERROR",
    "FUNC_DISPATCH",
    "FUNC_NONVIRTUAL",
    "FUNC_PUREVIRTUAL",
    "FUNC_STATIC",
    "FUNC_VIRTUAL",
    "IID_IBindCtx",
    "IID_ICancelMethodCalls",
    "IID_ICatInformation",
    "IID_ICatRegister",
    "IID_IClientSecurity",
    "IID_IContext",
    "IID_ICreateTypeInfo",
    "IID_ICreateTypeLib",
    "IID_ICreateTypeLib2",
    "IID_IDataObject",
    "IID_IDropSource",
    "IID_IDropTarget",
    "IID_IEnumCATEGORYINFO",
    "IID_IEnumContextProps",
    "IID_IEnumFORMATETC",
    "IID_IEnumGUID",
    "IID_IEnumMoniker",
    "IID_IEnumSTATPROPSETSTG",
    "IID_IEnumSTATPROPSTG",
    "IID_IEnumSTATSTG",
    "IID_IEnumString",
    "IID_ILockBytes",
    "IID_IMarshal",
    "IID_IMoniker",
    "IID_IOleWindow",
    "IID_IPersistFile",
    "IID_IPropertySetStorage",
    "IID_IPropertyStorage",
    "IID_IProvideClassInfo2",
    "IID_IRunningObjectTable",
    "IID_IServerSecurity",
    "IID_IServiceProvider",
    "IID_IStdMarshalInfo",
    "IID_IStorage",
    "IID_ITypeComp",
    "IID_ITypeInfo",
    "IID_ITypeLib",
    "IID_StdOle",
]

Empty = com.EMPTY
Missing = com.MISSING
ArgNotFound = com.ARG_NOT_FOUND

CLSID_DCOMAccessControl = IID("{0000031D-0000-0000-C000-000000000046}")
CLSID_StdComponentCategoriesMgr = IID("{0002E005-0000-0000-C000-000000000046}")
DATADIR_GET = 1
DATADIR_SET = 2
DESCKIND_FUNCDESC = 1
DESCKIND_VARDESC = 2
DVASPECT_CONTENT = 1
DVASPECT_DOCPRINT = 8
DVASPECT_ICON = 4
DVASPECT_THUMBNAIL = 2
EOAC_ACCESS_CONTROL = 4
EOAC_ANY_AUTHORITY = 128
EOAC_APPID = 8
EOAC_AUTO_IMPERSONATE = 1024
EOAC_DEFAULT = 2048
EOAC_DISABLE_AAA = 4096
EOAC_DYNAMIC = 16
EOAC_DYNAMIC_CLOAKING = 64
EOAC_MAKE_FULLSIC = 256
EOAC_MUTUAL_AUTH = 1
EOAC_NONE = 0
EOAC_NO_CUSTOM_MARSHAL = 8192
EOAC_REQUIRE_FULLSIC = 512
EOAC_SECURE_REFS = 2
EOAC_STATIC_CLOAKING = 32
EXTCONN_CALLABLE = 4
EXTCONN_STRONG = 1
EXTCONN_WEAK = 2
FUNCFLAG_FBINDABLE = 4
FUNCFLAG_FDEFAULTBIND = 32
FUNCFLAG_FDISPLAYBIND = 16
FUNCFLAG_FHIDDEN = 64
FUNCFLAG_FREQUESTEDIT = 8
FUNCFLAG_FRESTRICTED = 1
FUNCFLAG_FSOURCE = 2
FUNCFLAG_FUSESGETLASTERROR = 128
FUNC_DISPATCH = 4
FUNC_NONVIRTUAL = 2
FUNC_PUREVIRTUAL = 1
FUNC_STATIC = 3
FUNC_VIRTUAL = 0
IID_IBindCtx = IID("{0000000E-0000-0000-C000-000000000046}")
IID_ICancelMethodCalls = IID("{00000029-0000-0000-C000-000000000046}")
IID_ICatInformation = IID("{0002E013-0000-0000-C000-000000000046}")
IID_ICatRegister = IID("{0002E012-0000-0000-C000-000000000046}")
IID_IClientSecurity = IID("{0000013D-0000-0000-C000-000000000046}")
IID_IContext = IID("{000001C0-0000-0000-C000-000000000046}")
IID_ICreateTypeInfo = IID("{00020405-0000-0000-C000-000000000046}")
IID_ICreateTypeLib = IID("{00020406-0000-0000-C000-000000000046}")
IID_ICreateTypeLib2 = IID("{0002040F-0000-0000-C000-000000000046}")
IID_IDataObject = IID("{0000010E-0000-0000-C000-000000000046}")
IID_IDropSource = IID("{00000121-0000-0000-C000-000000000046}")
IID_IDropTarget = IID("{00000122-0000-0000-C000-000000000046}")
IID_IEnumCATEGORYINFO = IID("{0002E011-0000-0000-C000-000000000046}")
IID_IEnumContextProps = IID("{000001C1-0000-0000-C000-000000000046}")
IID_IEnumFORMATETC = IID("{00000103-0000-0000-C000-000000000046}")
IID_IEnumGUID = IID("{0002E000-0000-0000-C000-000000000046}")
IID_IEnumMoniker = IID("{00000102-0000-0000-C000-000000000046}")
IID_IEnumSTATPROPSETSTG = IID("{0000013B-0000-0000-C000-000000000046}")
IID_IEnumSTATPROPSTG = IID("{00000139-0000-0000-C000-000000000046}")
IID_IEnumSTATSTG = IID("{0000000D-0000-0000-C000-000000000046}")
IID_IEnumString = IID("{00000101-0000-0000-C000-000000000046}")
IID_ILockBytes = IID("{0000000A-0000-0000-C000-000000000046}")
IID_IMarshal = IID("{00000003-0000-0000-C000-000000000046}")
IID_IMoniker = IID("{0000000F-0000-0000-C000-000000000046}")
IID_IOleWindow = IID("{00000114-0000-0000-C000-000000000046}")
IID_IPersistFile = IID("{0000010B-0000-0000-C000-000000000046}")
IID_IPropertySetStorage = IID("{0000013A-0000-0000-C000-000000000046}")
IID_IPropertyStorage = IID("{00000138-0000-0000-C000-000000000046}")
IID_IProvideClassInfo2 = IID("{A6BC3AC0-DBAA-11CE-9DE3-00AA004BB851}")
IID_IRunningObjectTable = IID("{00000010-0000-0000-C000-000000000046}")
IID_IServerSecurity = IID("{0000013E-0000-0000-C000-000000000046}")
IID_IServiceProvider = IID("{6D5140C1-7436-11CE-8034-00AA006009FA}")
IID_IStdMarshalInfo = IID("{00000018-0000-0000-C000-000000000046}")
IID_IStorage = IID("{0000000B-0000-0000-C000-000000000046}")
IID_ITypeComp = IID("{00020403-0000-0000-C000-000000000046}")
IID_ITypeInfo = IID("{00020401-0000-0000-C000-000000000046}")
IID_ITypeLib = IID("{00020402-0000-0000-C000-000000000046}")
IID_StdOle = IID("{00020430-0000-0000-C000-000000000046}")


def _scode(value: object) -> int:
    """An SCODE argument: an int (pywin32 reads it as a C long, so only its 32 bits count)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"argument 1 must be int, not {type(value).__name__}")
    return value


# pywin32's GetScodeString names these HRESULTs by their symbol rather than by their text (a
# table of its own; the codes apartment knows that it names).
_NAMED_BY_PYWIN32 = (
    "CLASS_E_CLASSNOTAVAILABLE",
    "CLASS_E_NOAGGREGATION",
    "CONNECT_E_ADVISELIMIT",
    "CONNECT_E_CANNOTCONNECT",
    "CONNECT_E_NOCONNECTION",
    "CO_E_ALREADYINITIALIZED",
    "CO_E_CLASSSTRING",
    "CO_E_DLLNOTFOUND",
    "CO_E_IIDSTRING",
    "CO_E_NOTINITIALIZED",
    "CO_E_OBJNOTCONNECTED",
    "CO_E_OBJNOTREG",
    "CO_E_SERVER_EXEC_FAILURE",
    "CO_E_SERVER_STOPPING",
    "DISP_E_BADINDEX",
    "DISP_E_BADPARAMCOUNT",
    "DISP_E_BADVARTYPE",
    "DISP_E_EXCEPTION",
    "DISP_E_MEMBERNOTFOUND",
    "DISP_E_NONAMEDARGS",
    "DISP_E_OVERFLOW",
    "DISP_E_PARAMNOTFOUND",
    "DISP_E_PARAMNOTOPTIONAL",
    "DISP_E_TYPEMISMATCH",
    "DISP_E_UNKNOWNINTERFACE",
    "DISP_E_UNKNOWNNAME",
    "E_ABORT",
    "E_NOINTERFACE",
    "E_POINTER",
    "E_UNEXPECTED",
    "MK_E_UNAVAILABLE",
    "MK_S_MONIKERALREADYREGISTERED",
    "REGDB_E_CLASSNOTREG",
    "REGDB_E_IIDNOTREG",
    "REGDB_E_READREGDB",
    "REGDB_E_WRITEREGDB",
    "RPC_E_CALL_CANCELED",
    "RPC_E_CALL_REJECTED",
    "RPC_E_CANTCALLOUT_INASYNCCALL",
    "RPC_E_CANTCALLOUT_INEXTERNALCALL",
    "RPC_E_CANTCALLOUT_ININPUTSYNCCALL",
    "RPC_E_CHANGED_MODE",
    "RPC_E_CLIENT_DIED",
    "RPC_E_CONNECTION_TERMINATED",
    "RPC_E_DISCONNECTED",
    "RPC_E_INVALIDMETHOD",
    "RPC_E_NOT_REGISTERED",
    "RPC_E_RETRY",
    "RPC_E_SERVERCALL_REJECTED",
    "RPC_E_SERVERCALL_RETRYLATER",
    "RPC_E_SERVERFAULT",
    "RPC_E_SERVER_DIED",
    "RPC_E_SERVER_DIED_DNE",
    "RPC_E_SYS_CALL_FAILED",
    "RPC_E_THREAD_NOT_INIT",
    "RPC_E_UNEXPECTED",
    "RPC_E_WRONG_THREAD",
    "STG_E_ACCESSDENIED",
    "STG_E_FILEALREADYEXISTS",
    "STG_E_FILENOTFOUND",
    "STG_E_INVALIDFLAG",
    "STG_E_INVALIDFUNCTION",
    "STG_E_INVALIDNAME",
    "STG_E_INVALIDPARAMETER",
    "STG_E_PATHNOTFOUND",
    "STG_E_READFAULT",
    "STG_E_SEEKERROR",
)  # fmt: skip
_SYMBOLS = {getattr(errors, name): name for name in _NAMED_BY_PYWIN32}


def GetScodeString(scode: int, /) -> str:
    """pywin32's symbol for the HRESULT, else Windows' message, else ``OLE error 0x...``."""
    value = signed_hresult(_scode(scode))
    named = _SYMBOLS.get(value)
    if named is not None:
        return named
    return errors.message_text(value) or f"OLE error 0x{value & 0xFFFFFFFF:08x}"


def MakeTime(timeRepr: object, /) -> Any:  # noqa: ANN401
    """pywintypes.Time(timeRepr), with pywin32's deprecation warning."""
    warnings.warn(
        "MakeTime is deprecated - please use pywintypes.Time() instead.",
        DeprecationWarning,
        stacklevel=2,
    )
    return Time(timeRepr)


def GetSeverityString(scode: int, /) -> str:
    return hresult_severity_name(_scode(scode))


def GetFacilityString(scode: int, /) -> str:
    return hresult_facility_name(_scode(scode))


def GetScodeRangeString(scode: int, /) -> str | None:
    return hresult_range_name(_scode(scode))


def CoFreeUnusedLibraries() -> None:
    """Nothing to unload: no class here lives in a DLL."""


def CoInitializeSecurity(
    sd: object,
    authSvc: object,
    reserved1: object,
    authnLevel: int,
    impLevel: int,
    authInfo: object,
    capabilities: int,
    reserved2: object,
    /,
) -> None:
    """Accepted and kept nowhere: no call is authenticated or checked here.

    COM between processes runs over the user's own runtime directory (0700), so only the
    user's processes reach a server (``docs/differences-from-windows.md``).
    """
    if authSvc is not None and (not isinstance(authSvc, (list, tuple)) or authSvc):
        raise TypeError("obAuthSvc must be None or an empty sequence.")
    for value in (authnLevel, impLevel, capabilities):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer")


def IsGatewayRegistered(iid: object, /) -> int:
    """1 if a Python server can implement the interface (pywin32: has a gateway), else 0.

    pywin32 looks the argument up as it is: anything but a PyIID is no registered IID.
    """
    return int(isinstance(iid, PyIID) and com.serves_interface(com.iid_text(iid)))
