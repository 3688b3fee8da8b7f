"""win32security's directory-service (Ds*) and LSA logon-process names, and their constants.

win32security star-imports this module. Each converts pywin32's arguments and calls one
function of :mod:`apartment.services` (``_lsa_logon`` says how Windows answers a standard
user on a computer in no domain).
"""

from __future__ import annotations

import operator
from typing import Any

from .. import kernel, services
from ._adapt import api, dword
from ._buffers import text_arg
from ._handles import PyHANDLE, handle_value, lookup, new_handle
from ._security import sid_from_string

__all__ = [
    "DS_SPN_ADD_SPN_OP", "DS_SPN_REPLACE_SPN_OP", "DS_SPN_DELETE_SPN_OP", "DS_SPN_DNS_HOST",
    "DS_SPN_DN_HOST", "DS_SPN_NB_HOST", "DS_SPN_DOMAIN", "DS_SPN_NB_DOMAIN", "DS_SPN_SERVICE",
    "MICROSOFT_KERBEROS_NAME_A", "MSV1_0_PACKAGE_NAME", "SECPKG_CRED_INBOUND",
    "SECPKG_CRED_OUTBOUND", "SECPKG_CRED_BOTH", "SECPKG_FLAG_INTEGRITY", "SECPKG_FLAG_PRIVACY",
    "SECPKG_FLAG_TOKEN_ONLY", "SECPKG_FLAG_DATAGRAM", "SECPKG_FLAG_CONNECTION",
    "SECPKG_FLAG_MULTI_REQUIRED", "SECPKG_FLAG_CLIENT_ONLY", "SECPKG_FLAG_EXTENDED_ERROR",
    "SECPKG_FLAG_IMPERSONATION", "SECPKG_FLAG_ACCEPT_WIN32_NAME", "SECPKG_FLAG_STREAM",
    "DsGetSpn", "DsWriteAccountSpn", "DsUnBind", "DsListSites", "DsListServersInSite",
    "DsListDomainsInSite", "DsListServersForDomainInSite", "DsListInfoForServer", "DsListRoles",
    "LsaConnectUntrusted", "LsaRegisterLogonProcess", "LsaDeregisterLogonProcess",
    "LsaLookupAuthenticationPackage", "LsaCallAuthenticationPackage", "LogonUserEx",
    "CryptEnumProviders",
]  # fmt: skip

DS_SPN_ADD_SPN_OP, DS_SPN_REPLACE_SPN_OP, DS_SPN_DELETE_SPN_OP = 0, 1, 2
DS_SPN_DNS_HOST, DS_SPN_DN_HOST, DS_SPN_NB_HOST = 0, 1, 2
DS_SPN_DOMAIN, DS_SPN_NB_DOMAIN, DS_SPN_SERVICE = 3, 4, 5
MICROSOFT_KERBEROS_NAME_A = b"Kerberos"
MSV1_0_PACKAGE_NAME = b"MICROSOFT_AUTHENTICATION_PACKAGE_V1_0"
SECPKG_CRED_INBOUND, SECPKG_CRED_OUTBOUND, SECPKG_CRED_BOTH = 1, 2, 3
SECPKG_FLAG_INTEGRITY, SECPKG_FLAG_PRIVACY, SECPKG_FLAG_TOKEN_ONLY = 0x1, 0x2, 0x4
SECPKG_FLAG_DATAGRAM, SECPKG_FLAG_CONNECTION, SECPKG_FLAG_MULTI_REQUIRED = 0x8, 0x10, 0x20
SECPKG_FLAG_CLIENT_ONLY, SECPKG_FLAG_EXTENDED_ERROR = 0x40, 0x80
SECPKG_FLAG_IMPERSONATION, SECPKG_FLAG_ACCEPT_WIN32_NAME, SECPKG_FLAG_STREAM = 0x100, 0x200, 0x400
_PROVIDERS = (
    ("Microsoft Base Cryptographic Provider v1.0", 1),
    ("Microsoft Base DSS and Diffie-Hellman Cryptographic Provider", 13),
    ("Microsoft Base DSS Cryptographic Provider", 3),
    ("Microsoft Base Smart Card Crypto Provider", 1),
    ("Microsoft DH SChannel Cryptographic Provider", 18),
    ("Microsoft Enhanced Cryptographic Provider v1.0", 1),
    ("Microsoft Enhanced DSS and Diffie-Hellman Cryptographic Provider", 13),
    ("Microsoft Enhanced RSA and AES Cryptographic Provider", 24),
    ("Microsoft RSA SChannel Cryptographic Provider", 12),
    ("Microsoft Strong Cryptographic Provider", 1),
)
_TOKEN_ALL_ACCESS = 0xF01FF


def _names(value: object, what: str) -> list[str] | None:
    if value is None:
        return None
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise TypeError(f"{what} must be a sequence of str")
    return [text_arg(item) for item in value]


@api("DsGetSpn")
def DsGetSpn(
    ServiceType: int,
    ServiceClass: str,
    ServiceName: str | None = None,
    InstancePort: int = 0,
    InstanceNames: object = None,
    InstancePorts: object = None,
) -> list[str]:
    """The service principal names for a service (see services._lsa_logon for the form)."""
    ports = None
    if InstancePorts is not None:
        ports = [operator.index(item) for item in InstancePorts]  # type: ignore[attr-defined]
    return services.service_principal_names(
        dword(ServiceType),
        text_arg(ServiceClass),
        None if ServiceName is None else text_arg(ServiceName),
        operator.index(InstancePort),
        _names(InstanceNames, "InstanceNames"),
        ports,
    )


def _binding(hds: object) -> None:
    lookup(handle_value(hds), services.DirectoryBinding)  # ERROR_INVALID_HANDLE: none is made


@api("DsWriteAccountSpn")
def DsWriteAccountSpn(hDS: object, Operation: int, Account: str, Spns: object, /) -> None:
    dword(Operation)
    text_arg(Account)
    _binding(hDS)


@api("DsUnBind")
def DsUnBind(hDS: object, /) -> None:
    _binding(hDS)


@api("DsListSites")
def DsListSites(hDS: object, /) -> list[str]:
    _binding(hDS)
    return []  # pragma: no cover - refused above


@api("DsListServersInSite")
def DsListServersInSite(hDS: object, site: str, /) -> list[str]:
    _binding(hDS)
    return []  # pragma: no cover


@api("DsListDomainsInSite")
def DsListDomainsInSite(hDS: object, site: str, /) -> list[str]:
    _binding(hDS)
    return []  # pragma: no cover


@api("DsListServersForDomainInSite")
def DsListServersForDomainInSite(hDS: object, domain: str, site: str, /) -> list[str]:
    _binding(hDS)
    return []  # pragma: no cover


@api("DsListInfoForServer")
def DsListInfoForServer(hDS: object, server: str, /) -> list[str]:
    _binding(hDS)
    return []  # pragma: no cover


@api("DsListRoles")
def DsListRoles(hDS: object, /) -> list[str]:
    _binding(hDS)
    return []  # pragma: no cover


class PyLsaLogon_HANDLE(PyHANDLE):  # noqa: N801 - pywin32's name
    """A connection to the LSA; closing it deregisters (LsaDeregisterLogonProcess)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<PyLsaLogon_HANDLE:{self._value}>"


PyLsaLogon_HANDLE.__name__ = PyLsaLogon_HANDLE.__qualname__ = "PyHANDLE"


def LsaConnectUntrusted() -> PyLsaLogon_HANDLE:
    """An untrusted connection to the LSA."""
    return PyLsaLogon_HANDLE(new_handle(services.connect_untrusted()).Detach())


@api("LsaRegisterLogonProcess")
def LsaRegisterLogonProcess(LogonProcessName: bytes, /) -> PyLsaLogon_HANDLE:
    """A trusted connection: refused, SeTcbPrivilege is missing (ERROR_PRIVILEGE_NOT_HELD)."""
    return PyLsaLogon_HANDLE(new_handle(services.register_logon_process(LogonProcessName)).Detach())


@api("LsaDeregisterLogonProcess")
def LsaDeregisterLogonProcess(LsaHandle: object, /) -> None:
    """Close a connection to the LSA (a closed handle is accepted again, as the oracle does)."""
    if isinstance(LsaHandle, PyHANDLE):
        if LsaHandle:
            lookup(LsaHandle, services.LsaConnection)
            LsaHandle.Close()
        return
    lookup(LsaHandle, services.LsaConnection)
    PyHANDLE(handle_value(LsaHandle)).Close()


@api("LsaLookupAuthenticationPackage")
def LsaLookupAuthenticationPackage(LsaHandle: object, PackageName: bytes, /) -> int:
    connection = lookup(LsaHandle, services.LsaConnection)
    return services.lookup_authentication_package(connection, PackageName)


@api("LsaCallAuthenticationPackage")
def LsaCallAuthenticationPackage(
    LsaHandle: object, AuthenticationPackage: int, MessageType: int, InputBuffer: object, /
) -> Any:  # noqa: ANN401
    """A package's private message: not served here (ERROR_NOT_SUPPORTED)."""
    connection = lookup(LsaHandle, services.LsaConnection)
    services.call_authentication_package(
        connection, operator.index(AuthenticationPackage), dword(MessageType)
    )


@api("LogonUserEx")
def LogonUserEx(
    Username: str,
    Domain: str | None,
    Password: str,
    LogonType: int,
    LogonProvider: int,
) -> tuple[PyHANDLE, object, bytes, dict[str, int]]:
    """LogonUser with its extras: (token, logon SID, profile buffer, quota limits).

    Only the user running the process logs on (see LogonUser); the profile buffer is
    empty and the quotas are Windows' defaults for a new logon.
    """
    dword(LogonType), dword(LogonProvider)
    domain = None if Domain is None else text_arg(Domain)
    password = None if Password is None else text_arg(Password)
    token = kernel.logon_user(text_arg(Username), domain, password)
    luid = kernel.allocate_luid()
    sid = sid_from_string(f"S-1-5-5-{luid >> 32}-{luid & 0xFFFFFFFF}")
    quotas = {
        "PagedPoolLimit": 0x2000000, "NonPagedPoolLimit": 0x100000,
        "MinimumWorkingSetSize": 0x32000, "MaximumWorkingSetSize": 0x159000,
        "PagefileLimit": -1, "TimeLimit": -1,
    }  # fmt: skip
    return new_handle(token, _TOKEN_ALL_ACCESS), sid, b"", quotas


def CryptEnumProviders() -> list[tuple[str, int]]:
    """The cryptographic service providers Windows 10 installs, as (name, PROV_* type)."""
    return list(_PROVIDERS)
