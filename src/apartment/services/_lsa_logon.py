"""LSA logon-process connections, authentication packages, and service principal names.

* LsaConnectUntrusted gives any process an untrusted connection to the LSA;
  LsaRegisterLogonProcess, a trusted one, needs SeTcbPrivilege, which a standard user has
  not (STATUS_PRIVILEGE_NOT_HELD, ERROR_PRIVILEGE_NOT_HELD through LsaNtStatusToWinError).
* LsaLookupAuthenticationPackage numbers the packages in the order they are offered
  (Negotiate 0, Kerberos 1, MSV1_0 - NTLM - 2); another name is STATUS_NO_SUCH_PACKAGE
  (ERROR_NO_SUCH_PACKAGE).
* LsaCallAuthenticationPackage: the packages' private messages (ticket caches, NTLM's
  cached credentials) are not served here: ERROR_NOT_SUPPORTED.
* Directory-service handles (DsBind) are never made: this computer is in no domain (DsBind
  answers ERROR_NO_SUCH_DOMAIN), so calls that take one answer ERROR_INVALID_HANDLE.
* DsGetSpn composes SPNs by MS docs' rules: ``class/instance[:port][/service]``.
"""

from __future__ import annotations

import socket

from ..errors import (
    ERROR_INVALID_PARAMETER,
    ERROR_NOT_SUPPORTED,
    ERROR_PRIVILEGE_NOT_HELD,
    Win32Error,
)

__all__ = [
    "DS_SPN_DNS_HOST",
    "DS_SPN_DN_HOST",
    "DS_SPN_DOMAIN",
    "DS_SPN_NB_DOMAIN",
    "DS_SPN_NB_HOST",
    "DS_SPN_SERVICE",
    "DirectoryBinding",
    "LsaConnection",
    "call_authentication_package",
    "connect_untrusted",
    "lookup_authentication_package",
    "register_logon_process",
    "service_principal_names",
]

ERROR_NO_SUCH_PACKAGE = 1364
DS_SPN_DNS_HOST, DS_SPN_DN_HOST, DS_SPN_NB_HOST = 0, 1, 2
DS_SPN_DOMAIN, DS_SPN_NB_DOMAIN, DS_SPN_SERVICE = 3, 4, 5
_PACKAGES = (b"negotiate", b"kerberos", b"microsoft_authentication_package_v1_0")


class LsaConnection:
    """A connection to the LSA (LsaConnectUntrusted); ``trusted`` never True here."""

    def __init__(self) -> None:
        self.trusted = False

    def close_on_last_handle(self) -> None:
        """Nothing to release (LsaDeregisterLogonProcess)."""


class DirectoryBinding:
    """A directory-service binding (DsBind's handle): none is ever made (no domain)."""

    def close_on_last_handle(self) -> None:
        """Nothing to release."""


def connect_untrusted() -> LsaConnection:
    """An untrusted connection to the LSA (LsaConnectUntrusted)."""
    return LsaConnection()


def register_logon_process(name: bytes) -> LsaConnection:
    """Refuse a trusted connection (LsaRegisterLogonProcess): SeTcbPrivilege is missing.

    Raises:
        TypeError: ``name`` is not bytes.
        Win32Error: ERROR_PRIVILEGE_NOT_HELD.
    """
    if not isinstance(name, bytes):
        raise TypeError(f"expected bytes, {type(name).__name__} found")
    raise Win32Error.from_code(
        ERROR_PRIVILEGE_NOT_HELD, "a logon process needs SeTcbPrivilege (Act as part of the OS)"
    )


def lookup_authentication_package(connection: LsaConnection, name: bytes) -> int:
    """The number of authentication package ``name`` (LsaLookupAuthenticationPackage).

    Raises:
        TypeError: ``name`` is not bytes.
        Win32Error: ERROR_NO_SUCH_PACKAGE.
    """
    if not isinstance(name, bytes):
        raise TypeError(f"expected bytes, {type(name).__name__} found")
    try:
        return _PACKAGES.index(name.lower())
    except ValueError:
        raise Win32Error.from_code(ERROR_NO_SUCH_PACKAGE, f"no package {name!r}") from None


def call_authentication_package(connection: LsaConnection, package: int, message: int) -> None:
    """Refuse a package's private message (LsaCallAuthenticationPackage).

    Raises:
        Win32Error: ERROR_NO_SUCH_PACKAGE for no such package, else ERROR_NOT_SUPPORTED.
    """
    if not 0 <= package < len(_PACKAGES):
        raise Win32Error.from_code(ERROR_NO_SUCH_PACKAGE, f"no package {package}")
    raise Win32Error.from_code(ERROR_NOT_SUPPORTED, f"package message {message} is not served")


def service_principal_names(
    kind: int,
    service_class: str,
    service_name: str | None,
    port: int,
    instances: list[str] | None,
    ports: list[int] | None,
) -> list[str]:
    """The SPNs DsGetSpn composes: one per instance name (this computer's for none).

    Host kinds (DS_SPN_DNS_HOST, DS_SPN_NB_HOST) give ``class/host[:port]``; the others add
    ``/service``. With no instance names the instance is this computer's DNS name (its
    NetBIOS name for DS_SPN_NB_HOST); ``ports`` pairs with ``instances``, else ``port``.

    Raises:
        Win32Error: ERROR_INVALID_PARAMETER for an unknown kind, an empty class, ports
            without instances or of another count, or a service name a kind needs missing.
    """
    if kind not in range(6) or not service_class:
        raise Win32Error.from_code(ERROR_INVALID_PARAMETER, "no such SPN kind, or no class")
    if ports is not None and (instances is None or len(ports) != len(instances)):
        raise Win32Error.from_code(ERROR_INVALID_PARAMETER, "instance ports need their names")
    host_kind = kind in (DS_SPN_DNS_HOST, DS_SPN_NB_HOST)
    if not host_kind and not service_name:
        raise Win32Error.from_code(ERROR_INVALID_PARAMETER, "this kind of SPN names a service")
    if instances is None:
        fqdn = socket.getfqdn()
        instances = [fqdn.split(".")[0].upper() if kind == DS_SPN_NB_HOST else fqdn]
    names = []
    for index, instance in enumerate(instances):
        number = ports[index] if ports is not None else port
        spn = f"{service_class}/{instance}" + (f":{number}" if number else "")
        if not host_kind:
            spn += f"/{service_name}"
        names.append(spn)
    return names
