"""CryptoAPI providers for hashing and random bytes (CryptAcquireContext, CryptCreateHash).

A provider here is an ephemeral context (CRYPT_VERIFYCONTEXT): it hashes with the standard
library's ``hashlib`` and draws random bytes from ``os.urandom``; it keeps no keys, so a
key container (and every key operation) is not supported. Which algorithms a provider type
offers is Windows' rule: PROV_RSA_FULL (the Base, Strong and Enhanced providers) hashes with
MD5 and SHA-1; PROV_RSA_AES adds SHA-256, SHA-384 and SHA-512. MD2 and MD4 are not offered
(the standard library may lack them). A hash takes data until its value is read; after that
it refuses more with NTE_BAD_HASH_STATE. Errors are Windows' NTE_* codes, signed as pywin32
gives them. Each object guards its state with its own lock, so threads may share one.
"""

from __future__ import annotations

import hashlib
import os
import threading
from typing import Final

from ..errors import ERROR_INVALID_PARAMETER, ERROR_NOT_SUPPORTED, Win32Error

__all__ = [
    "CryptHash",
    "CryptProvider",
    "acquire_provider",
    "CALG_MD5", "CALG_SHA1", "CALG_SHA_256", "CALG_SHA_384", "CALG_SHA_512",
    "NTE_BAD_ALGID", "NTE_BAD_FLAGS", "NTE_BAD_HASH_STATE", "NTE_BAD_KEYSET",
    "NTE_BAD_PROV_TYPE", "NTE_BAD_TYPE", "NTE_KEYSET_NOT_DEF", "NTE_PROV_TYPE_NOT_DEF",
    "NTE_PROV_TYPE_NO_MATCH",
]  # fmt: skip

CALG_MD5: Final = 0x8003
CALG_SHA1: Final = 0x8004
CALG_SHA_256: Final = 0x800C
CALG_SHA_384: Final = 0x800D
CALG_SHA_512: Final = 0x800E

NTE_BAD_ALGID: Final = -2146893816  # 0x80090008
NTE_BAD_FLAGS: Final = -2146893815  # 0x80090009
NTE_BAD_TYPE: Final = -2146893814  # 0x8009000A
NTE_BAD_HASH_STATE: Final = -2146893812  # 0x8009000C
NTE_BAD_KEYSET: Final = -2146893802  # 0x80090016
NTE_BAD_PROV_TYPE: Final = -2146893804  # 0x80090014
NTE_PROV_TYPE_NOT_DEF: Final = -2146893801  # 0x80090017
NTE_KEYSET_NOT_DEF: Final = -2146893799  # 0x80090019
NTE_PROV_TYPE_NO_MATCH: Final = -2146893797  # 0x8009001B
_MAX_PROV_TYPE: Final = 999

PROV_RSA_FULL: Final = 1
PROV_RSA_AES: Final = 24
CRYPT_VERIFYCONTEXT: Final = 0xF0000000
HP_ALGID: Final = 1
HP_HASHVAL: Final = 2
HP_HASHSIZE: Final = 4
PP_NAME: Final = 4
PP_PROVTYPE: Final = 16

_HASHES: Final = {
    CALG_MD5: "md5",
    CALG_SHA1: "sha1",
    CALG_SHA_256: "sha256",
    CALG_SHA_384: "sha384",
    CALG_SHA_512: "sha512",
}
_OFFERED: Final = {
    PROV_RSA_FULL: frozenset({CALG_MD5, CALG_SHA1}),
    PROV_RSA_AES: frozenset(_HASHES),
}
_DEFAULT_NAME: Final = {
    PROV_RSA_FULL: "Microsoft Base Cryptographic Provider v1.0",
    PROV_RSA_AES: "Microsoft Enhanced RSA and AES Cryptographic Provider",
}
_NAMES: Final = {
    "Microsoft Base Cryptographic Provider v1.0": PROV_RSA_FULL,
    "Microsoft Strong Cryptographic Provider": PROV_RSA_FULL,
    "Microsoft Enhanced Cryptographic Provider v1.0": PROV_RSA_FULL,
    "Microsoft Enhanced RSA and AES Cryptographic Provider": PROV_RSA_AES,
}


def _error(code: int, detail: str) -> Win32Error:
    return Win32Error.from_code(code, detail)


class CryptHash:
    """A hash object of a provider (HCRYPTHASH): data in, then its value."""

    def __init__(self, algorithm: int) -> None:
        self._algorithm = algorithm
        self._state: hashlib._Hash | None = hashlib.new(_HASHES[algorithm])
        self._finished = False
        self._lock = threading.Lock()

    def _live(self) -> hashlib._Hash:
        if self._state is None:
            raise _error(ERROR_INVALID_PARAMETER, "the hash has been destroyed")
        return self._state

    def hash_data(self, data: bytes) -> None:
        """Add ``data``; NTE_BAD_HASH_STATE once the value has been read."""
        with self._lock:
            state = self._live()
            if self._finished:
                raise _error(NTE_BAD_HASH_STATE, "the hash's value was read: it takes no more data")
            state.update(data)

    def parameter(self, which: int) -> int | bytes:
        """HP_ALGID, HP_HASHSIZE (ints) or HP_HASHVAL (the value, which finishes the hash)."""
        with self._lock:
            state = self._live()
            if which == HP_ALGID:
                return self._algorithm
            if which == HP_HASHSIZE:
                return state.digest_size
            if which == HP_HASHVAL:
                self._finished = True
                return state.digest()
            raise _error(NTE_BAD_TYPE, f"no hash parameter {which}")

    def duplicate(self) -> CryptHash:
        """A copy in the same state (CryptDuplicateHash)."""
        with self._lock:
            state = self._live()
            twin = CryptHash(self._algorithm)
            twin._state = state.copy()
            twin._finished = self._finished
            return twin

    def destroy(self) -> None:
        """Free the hash; a destroyed hash fails every call with ERROR_INVALID_PARAMETER."""
        with self._lock:
            self._live()
            self._state = None


class CryptProvider:
    """An acquired provider context (HCRYPTPROV) of one type, until released."""

    def __init__(self, kind: int, name: str) -> None:
        self._kind = kind
        self._name = name
        self._released = False
        self._lock = threading.Lock()

    def _check(self) -> None:
        with self._lock:
            if self._released:
                raise _error(ERROR_INVALID_PARAMETER, "the provider context was released")

    def create_hash(self, algorithm: int) -> CryptHash:
        """A new hash; NTE_BAD_ALGID for an algorithm the provider type does not offer."""
        self._check()
        if algorithm not in _OFFERED[self._kind]:
            raise _error(NTE_BAD_ALGID, f"{self._name} has no hash algorithm {algorithm:#x}")
        return CryptHash(algorithm)

    def random(self, length: int) -> bytes:
        """``length`` random bytes (CryptGenRandom)."""
        self._check()
        return os.urandom(length)

    def parameter(self, which: int) -> bytes | int:
        """PP_NAME (the provider's name, ANSI bytes as pywin32 gives them) or PP_PROVTYPE."""
        self._check()
        if which == PP_NAME:
            return self._name.encode("ascii")
        if which == PP_PROVTYPE:
            return self._kind
        raise _error(NTE_BAD_TYPE, f"no provider parameter {which}")

    def release(self, flags: int) -> None:
        """Release the context. Flags other than 0 fail with NTE_BAD_FLAGS, but release it."""
        with self._lock:
            if self._released:
                raise _error(ERROR_INVALID_PARAMETER, "the provider context was released")
            self._released = True
        if flags:
            raise _error(NTE_BAD_FLAGS, "CryptReleaseContext takes no flags")


def acquire_provider(
    container: str | None, name: str | None, kind: int, flags: int
) -> CryptProvider:
    """CryptAcquireContext: an ephemeral context (CRYPT_VERIFYCONTEXT, no container).

    Raises:
        Win32Error: NTE_BAD_PROV_TYPE (type 0, or above 999), NTE_KEYSET_NOT_DEF (a provider
            name not known), NTE_PROV_TYPE_NO_MATCH (a known provider of another type),
            NTE_PROV_TYPE_NOT_DEF (no name, and no provider of that type),
            NTE_BAD_FLAGS (a container named with CRYPT_VERIFYCONTEXT), NTE_BAD_KEYSET
            (a key container asked for: none exists), ERROR_NOT_SUPPORTED (making one).
    """
    if not 0 < kind <= _MAX_PROV_TYPE:
        raise _error(NTE_BAD_PROV_TYPE, f"{kind} is no provider type")
    if name:  # "" names the type's default provider, as None does
        if name not in _NAMES:
            raise _error(NTE_KEYSET_NOT_DEF, f"no provider {name!r}")
        if _NAMES[name] != kind:
            raise _error(NTE_PROV_TYPE_NO_MATCH, f"{name!r} is not of type {kind}")
    elif kind not in _OFFERED:
        raise _error(NTE_PROV_TYPE_NOT_DEF, f"no provider of type {kind} here")
    if flags & CRYPT_VERIFYCONTEXT:
        if container is not None:
            raise _error(NTE_BAD_FLAGS, "CRYPT_VERIFYCONTEXT takes no container name")
        return CryptProvider(kind, name or _DEFAULT_NAME[kind])
    if flags & 0x8:  # CRYPT_NEWKEYSET
        raise _error(ERROR_NOT_SUPPORTED, "key containers are not supported here")
    raise _error(
        NTE_BAD_KEYSET, "no key container: pass CRYPT_VERIFYCONTEXT to hash or draw random bytes"
    )
