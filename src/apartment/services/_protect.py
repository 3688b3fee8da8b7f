"""Protected data (DPAPI's CryptProtectData): data only the same user can read back.

Windows encrypts with a key derived from the user's logon secret. Here the key is 32 random
bytes in a file only the user can read (``protect.key`` next to the user's registry, or
``$APARTMENT_PROTECT_KEY``), made on first use. The stdlib has no authenticated cipher, so
a blob is built from HMAC-SHA256 alone, encrypt-then-MAC:

* keys: ``k = HMAC(master, "apartment-protect-v1" | salt | SHA256(entropy))``;
  ``enc = HMAC(k, "enc")``, ``mac = HMAC(k, "mac")``; ``salt`` is 16 random bytes a blob;
* the plaintext (the description's UTF-8 length as 4 bytes, the description, the data) is
  XORed with the keystream ``HMAC(enc, counter)`` for counter 0, 1, ... (8 bytes, big end);
* the blob is ``"APDP" | version | salt | ciphertext | HMAC(mac, everything before)``.

A blob from Windows does not open here, nor one of here on Windows: the format is not
DPAPI's (``docs/differences-from-windows.md``). A wrong entropy, another user's key or a
changed byte fail the tag check: ERROR_INVALID_DATA, as Windows reports a blob it cannot
open.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from ..errors import Win32Error
from ..registry import user_registry_path

__all__ = ["protect_data", "unprotect_data", "protect_key_path", "ERROR_INVALID_DATA"]

ERROR_INVALID_DATA = 13
_MAGIC = b"APDP\x01"
_SALT = 16
_TAG = 32
_KEY = 32


def protect_key_path() -> Path:
    """The user's key file, read from the environment at every call."""
    explicit = os.environ.get("APARTMENT_PROTECT_KEY")
    if explicit:
        return Path(explicit).expanduser()
    return user_registry_path().with_name("protect.key")


def _master_key() -> bytes:
    """The user's key: read, or made (0600) by the first caller of any thread or process.

    A new key is written to a file of its own and linked into place, which fails if another
    thread or process linked one first: every caller then reads the one that won.
    """
    path = protect_key_path()
    try:
        key = path.read_bytes()
    except FileNotFoundError:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{secrets.token_hex(8)}.tmp")
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(descriptor, secrets.token_bytes(_KEY))
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        try:
            os.link(partial, path)
        except FileExistsError:
            pass
        finally:
            os.unlink(partial)
        key = path.read_bytes()
    if len(key) != _KEY:
        raise Win32Error.from_code(ERROR_INVALID_DATA, f"the key file {path} is damaged")
    return key


def _keys(salt: bytes, entropy: bytes) -> tuple[bytes, bytes]:
    seed = b"apartment-protect-v1" + salt + hashlib.sha256(entropy).digest()
    root = hmac.new(_master_key(), seed, hashlib.sha256).digest()
    return (
        hmac.new(root, b"enc", hashlib.sha256).digest(),
        hmac.new(root, b"mac", hashlib.sha256).digest(),
    )


def _xor_stream(key: bytes, data: bytes) -> bytes:
    stream = bytearray()
    for counter in range((len(data) + 31) // 32):
        stream += hmac.new(key, counter.to_bytes(8, "big"), hashlib.sha256).digest()
    return bytes(a ^ b for a, b in zip(data, stream[: len(data)], strict=True))


def protect_data(data: bytes, description: str = "", entropy: bytes = b"") -> bytes:
    """Encrypt ``data`` (and its ``description``) for the calling user (CryptProtectData).

    Args:
        data: what to protect.
        description: a text kept with it, given back by :func:`unprotect_data`.
        entropy: a secret of the program that :func:`unprotect_data` must be given too.
    """
    salt = secrets.token_bytes(_SALT)
    enc, mac = _keys(salt, entropy)
    text = description.encode("utf-8")
    plain = len(text).to_bytes(4, "little") + text + data
    body = _MAGIC + salt + _xor_stream(enc, plain)
    return body + hmac.new(mac, body, hashlib.sha256).digest()


def unprotect_data(blob: bytes, entropy: bytes = b"") -> tuple[str, bytes]:
    """Return (description, data) of a blob of :func:`protect_data` (CryptUnprotectData).

    Raises:
        Win32Error: ERROR_INVALID_DATA for a blob that is not one, was changed, or was
            protected with another entropy or by another user.
    """
    if len(blob) < len(_MAGIC) + _SALT + 4 + _TAG or not blob.startswith(_MAGIC):
        raise Win32Error.from_code(ERROR_INVALID_DATA, "this is no protected data blob")
    body, tag = blob[:-_TAG], blob[-_TAG:]
    salt = body[len(_MAGIC) : len(_MAGIC) + _SALT]
    enc, mac = _keys(salt, entropy)
    if not hmac.compare_digest(tag, hmac.new(mac, body, hashlib.sha256).digest()):
        raise Win32Error.from_code(
            ERROR_INVALID_DATA, "the blob was changed, or protected with another entropy or key"
        )
    plain = _xor_stream(enc, body[len(_MAGIC) + _SALT :])
    size = int.from_bytes(plain[:4], "little")
    return plain[4 : 4 + size].decode("utf-8"), plain[4 + size :]
