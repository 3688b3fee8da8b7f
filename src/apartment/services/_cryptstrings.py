"""Binary data as text and back (CryptBinaryToString, CryptStringToBinary): the formats.

The forms are Windows' CRYPT_STRING_* ones: base-64 in lines of 64 characters (with or
without a PEM header), the bytes as they are, and hexadecimal in lines of 16 bytes (two
spaces after the eighth) or in one run. Each line ends with CR LF, LF alone
(CRYPT_STRING_NOCR) or nothing (CRYPT_STRING_NOCRLF).
"""

from __future__ import annotations

import base64
import binascii
import re

from ..errors import ERROR_INVALID_PARAMETER, Win32Error

__all__ = ["StringForm", "binary_to_string", "string_to_binary", "ERROR_INVALID_DATA_FORM"]

ERROR_INVALID_DATA_FORM = 13  # ERROR_INVALID_DATA: text not in the form asked for


class StringForm:
    """CRYPT_STRING_*: the text forms."""

    BASE64HEADER = 0
    BASE64 = 1
    BINARY = 2
    BASE64REQUESTHEADER = 3
    HEX = 4
    HEXASCII = 5
    BASE64_ANY = 6
    ANY = 7
    HEX_ANY = 8
    BASE64X509CRLHEADER = 9
    HEXADDR = 10
    HEXASCIIADDR = 11
    HEXRAW = 12
    NOCRLF = 0x40000000
    NOCR = 0x80000000


_HEADERS = {
    StringForm.BASE64HEADER: "CERTIFICATE",
    StringForm.BASE64REQUESTHEADER: "NEW CERTIFICATE REQUEST",
    StringForm.BASE64X509CRLHEADER: "X509 CRL",
}
_PEM = re.compile(r"-----BEGIN ([^-]+)-----(.*?)-----END \1-----", re.S)


def _separator(form: int) -> str:
    if form & StringForm.NOCRLF:
        return ""
    return "\n" if form & StringForm.NOCR else "\r\n"


def _hex_lines(data: bytes, separator: str) -> str:
    lines = []
    for start in range(0, len(data), 16):
        row = data[start : start + 16]
        first = " ".join(f"{byte:02x}" for byte in row[:8])
        second = " ".join(f"{byte:02x}" for byte in row[8:])
        lines.append(first + ("  " + second if second else "") + separator)
    return "".join(lines)


def binary_to_string(data: bytes, form: int) -> str | bytes:
    """Return ``data`` in text form ``form`` (CRYPT_STRING_BINARY gives the bytes back).

    Raises:
        Win32Error: ERROR_INVALID_PARAMETER for a form not known.
    """
    kind = form & 0xFFFF
    separator = _separator(form)
    if kind == StringForm.BINARY:
        return bytes(data)
    if kind == StringForm.BASE64 or kind in _HEADERS:
        text = base64.b64encode(data).decode("ascii")
        body = "".join(text[i : i + 64] + separator for i in range(0, len(text), 64))
        if kind == StringForm.BASE64:
            return body
        label = _HEADERS[kind]
        newline = separator or "\r\n"  # the header lines always end
        return f"-----BEGIN {label}-----{newline}{body}-----END {label}-----{newline}"
    if kind == StringForm.HEX:
        return _hex_lines(data, separator)
    if kind == StringForm.HEXRAW:
        return data.hex() + separator
    raise Win32Error.from_code(ERROR_INVALID_PARAMETER, f"{kind} is no CRYPT_STRING_ form here")


def _base64(text: str) -> bytes:
    cleaned = "".join(text.split())
    return base64.b64decode(cleaned, validate=True)


def _hex(text: str) -> bytes:
    return bytes.fromhex("".join(text.split()))


def _try(decoders: list[tuple[int, object]], text: str) -> tuple[bytes, int, int]:
    for used, decode in decoders:
        try:
            return decode(text), 0, used  # type: ignore[operator]
        except (ValueError, binascii.Error):
            continue
    raise Win32Error.from_code(ERROR_INVALID_DATA_FORM, "the text is in none of the forms asked")


def _pem(text: str) -> bytes:
    match = _PEM.search(text)
    if match is None:
        raise ValueError("no PEM header")
    return _base64(match.group(2))


def string_to_binary(text: str, form: int) -> tuple[bytes, int, int]:
    """Read ``text`` in form ``form``: (the bytes, characters skipped, the form found).

    The ``_ANY`` forms try base-64 with a header, then without, (then the text's bytes, for
    CRYPT_STRING_ANY), or hexadecimal forms, in Windows' order.

    Raises:
        Win32Error: ERROR_INVALID_DATA when the text is not in the form;
            ERROR_INVALID_PARAMETER for a form not known.
    """
    kind = form & 0xFFFF
    header: list[tuple[int, object]] = [(StringForm.BASE64HEADER, _pem)]
    plain: list[tuple[int, object]] = [(StringForm.BASE64, _base64)]
    hexes: list[tuple[int, object]] = [(StringForm.HEX, _hex)]
    raw: list[tuple[int, object]] = [(StringForm.BINARY, lambda t: t.encode("latin-1"))]
    table: dict[int, list[tuple[int, object]]] = {
        StringForm.BASE64HEADER: header,
        StringForm.BASE64REQUESTHEADER: [(StringForm.BASE64REQUESTHEADER, _pem)],
        StringForm.BASE64X509CRLHEADER: [(StringForm.BASE64X509CRLHEADER, _pem)],
        StringForm.BASE64: plain,
        StringForm.BINARY: raw,
        StringForm.HEX: hexes,
        StringForm.HEXRAW: [(StringForm.HEXRAW, _hex)],
        StringForm.BASE64_ANY: header + plain,
        StringForm.ANY: header + plain + raw,
        StringForm.HEX_ANY: hexes,
    }
    decoders = table.get(kind)
    if decoders is None:
        raise Win32Error.from_code(ERROR_INVALID_PARAMETER, f"{kind} is no CRYPT_STRING_ form here")
    return _try(decoders, text)
