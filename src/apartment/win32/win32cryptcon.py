"""pywin32's ``win32cryptcon``: the CryptoAPI's constants (algorithms, certificates, messages, ...).

A constant-only module of pywin32: its values come from a generated table (``_tables``),
its macros are written here.
"""

from __future__ import annotations

from ._tables import fill as _fill
from ._tables.win32cryptcon import IIDS, VALUES


def GET_ALG_CLASS(x: int) -> int:
    """The class of an algorithm id."""
    return x & (7 << 13)


def GET_ALG_TYPE(x: int) -> int:
    """The type of an algorithm id."""
    return x & (15 << 9)


def GET_ALG_SID(x: int) -> int:
    """The sub-id of an algorithm id."""
    return x & 511


def RCRYPT_SUCCEEDED(rt: int) -> bool:
    """Whether a CryptoAPI result is CRYPT_SUCCEED."""
    return rt == 1


def RCRYPT_FAILED(rt: int) -> bool:
    """Whether a CryptoAPI result is CRYPT_FAILED."""
    return rt == 0


def GET_CERT_ENCODING_TYPE(X: int) -> int:
    """The certificate encoding of an encoding type."""
    return X & 0x0000FFFF


def GET_CMSG_ENCODING_TYPE(X: int) -> int:
    """The message encoding of an encoding type."""
    return X & -0x10000  # CMSG_ENCODING_TYPE_MASK as pywin32 has it


__all__ = [
    "GET_ALG_CLASS",
    "GET_ALG_SID",
    "GET_ALG_TYPE",
    "GET_CERT_ENCODING_TYPE",
    "GET_CMSG_ENCODING_TYPE",
    "RCRYPT_FAILED",
    "RCRYPT_SUCCEEDED",
]
__all__ += _fill(globals(), VALUES, IIDS)
