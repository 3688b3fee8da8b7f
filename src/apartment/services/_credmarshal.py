"""Marshaled credentials and user names: the text forms Credential Manager reads and writes.

A *marshaled credential* stands for a credential in a user-name string: ``@@``, a letter for
its kind (``A`` + the kind: ``B`` a certificate's SHA-1 hash, ``C`` a user name that names a
credential) and the kind's bytes in a base-64 text of Windows' own: the alphabet
``A-Za-z0-9#-``, each group of three bytes read as a little-endian 24-bit number and written
low six bits first (a last group of one or two bytes gives two or three characters). A user
name's text is its length in bytes (a little-endian DWORD) encoded, then its UTF-16-LE text
encoded on its own.
"""

from __future__ import annotations

from typing import NamedTuple

from ..errors import ERROR_INVALID_PARAMETER, Win32Error

__all__ = [
    "CERT_CREDENTIAL",
    "USERNAME_TARGET_CREDENTIAL",
    "MarshaledCredential",
    "marshal_credential",
    "unmarshal_credential",
    "is_marshaled_credential",
    "parse_user_name",
    "ERROR_INVALID_ACCOUNT_NAME",
]

CERT_CREDENTIAL = 1
"""A certificate's credential: the SHA-1 hash (20 bytes) of the certificate."""
USERNAME_TARGET_CREDENTIAL = 2
"""A user name that names a credential of CRED_FLAGS_USERNAME_TARGET."""

ERROR_INVALID_ACCOUNT_NAME = 1315

_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789#-"
_VALUES = {char: index for index, char in enumerate(_ALPHABET)}
_HASH_SIZE = 20


class MarshaledCredential(NamedTuple):
    """What a marshaled credential holds: its kind and its value."""

    kind: int
    value: bytes | str  # a certificate's hash, or a user name


def _encode(data: bytes) -> str:
    out: list[str] = []
    for start in range(0, len(data), 3):
        group = data[start : start + 3]
        number = int.from_bytes(group, "little")
        out += [_ALPHABET[(number >> shift) & 0x3F] for shift in range(0, 6 * (len(group) + 1), 6)]
    return "".join(out)


def _decode(text: str) -> bytes:
    out = bytearray()
    for start in range(0, len(text), 4):
        group = text[start : start + 4]
        if len(group) == 1:
            raise ValueError("a group of one character holds no byte")
        number = 0
        for position, char in enumerate(group):
            number |= _VALUES[char] << (6 * position)
        size = len(group) - 1
        if number >> (8 * size):
            raise ValueError("bits beyond the last byte")
        out += number.to_bytes(size, "little")
    return bytes(out)


def _invalid(detail: str) -> Win32Error:
    return Win32Error.from_code(ERROR_INVALID_PARAMETER, detail)


def marshal_credential(kind: int, value: bytes | str) -> str:
    """Return the marshaled text of a credential (CredMarshalCredential).

    Args:
        kind: :data:`CERT_CREDENTIAL` (``value`` the 20-byte hash) or
            :data:`USERNAME_TARGET_CREDENTIAL` (``value`` a non-empty user name).
        value: what the credential holds, as ``kind`` says.

    Raises:
        Win32Error: ERROR_INVALID_PARAMETER for another kind or a value that does not fit it.
    """
    if kind == CERT_CREDENTIAL:
        if not isinstance(value, bytes) or len(value) != _HASH_SIZE:
            raise _invalid("a certificate's credential is its 20-byte SHA-1 hash")
        return "@@B" + _encode(value)
    if kind == USERNAME_TARGET_CREDENTIAL:
        if not isinstance(value, str) or not value:
            raise _invalid("a user name's credential is a non-empty user name")
        text = value.encode("utf-16-le")
        return "@@C" + _encode(len(text).to_bytes(4, "little")) + _encode(text)
    raise _invalid(f"{kind} is no kind of credential that marshals (1, 2)")


def unmarshal_credential(text: str) -> MarshaledCredential:
    """Read a marshaled credential back (CredUnmarshalCredential).

    Raises:
        Win32Error: ERROR_INVALID_PARAMETER, ``text`` is no marshaled credential.
    """
    if len(text) < 3 or not text.startswith("@@"):
        raise _invalid(f"{text!r} is no marshaled credential (it starts with '@@')")
    kind = ord(text[2]) - ord("A")
    try:
        if kind == CERT_CREDENTIAL:
            data = _decode(text[3:])
            if len(data) == _HASH_SIZE:
                return MarshaledCredential(kind, data)
        elif kind == USERNAME_TARGET_CREDENTIAL:
            # the size (4 bytes: 6 characters) and the name are encoded one after the other
            size = int.from_bytes(_decode(text[3:9]), "little")
            name = _decode(text[9:])
            if size == len(name) and size and size % 2 == 0:
                return MarshaledCredential(kind, name.decode("utf-16-le", "surrogatepass"))
    except (KeyError, ValueError):
        raise _invalid(f"{text!r} is no marshaled credential: bad characters") from None
    raise _invalid(f"{text!r} is no marshaled credential of a known kind")


def is_marshaled_credential(text: str) -> bool:
    """Tell whether ``text`` is a marshaled credential (CredIsMarshaledCredential)."""
    try:
        unmarshal_credential(text)
    except Win32Error:
        return False
    return True


def parse_user_name(name: str) -> tuple[str, str]:
    r"""Split a user name into (user, domain) (CredUIParseUserName).

    ``DOMAIN\user`` gives its two parts; a UPN (``user@example.com``) is a user name whole,
    with no domain; a marshaled credential is a user name whole too.

    Raises:
        Win32Error: ERROR_INVALID_ACCOUNT_NAME for a name of neither form.
    """
    if is_marshaled_credential(name):
        return name, ""
    domain, backslash, user = name.partition("\\")
    if backslash:
        if domain and user and "\\" not in user and "@" not in user:
            return user, domain
    elif "@" in name:
        user, _, suffix = name.rpartition("@")
        if user and suffix:
            return name, ""
    raise Win32Error.from_code(ERROR_INVALID_ACCOUNT_NAME, f"{name!r} is no DOMAIN\\user or UPN")
