"""pywin32's PyCRYPTPROV and PyCRYPTHASH: a CryptoAPI provider context and its hashes.

Each method converts its arguments and calls one method of :mod:`apartment.services`'
provider or hash; the error names are pywin32's (``PyCRYPTPROV::CryptCreateHash``, ...).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._adapt import api, dword

if TYPE_CHECKING:
    from .. import services

__all__ = ["PyCRYPTHASH", "PyCRYPTPROV"]


def _data(value: object) -> bytes:
    if isinstance(value, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    try:
        return bytes(memoryview(value))  # type: ignore[arg-type]
    except TypeError:
        raise TypeError(f"a bytes-like object is required, not '{type(value).__name__}'") from None


class PyCRYPTHASH:
    """A hash object (HCRYPTHASH) made by PyCRYPTPROV.CryptCreateHash."""

    __slots__ = ("_hash",)

    def __init__(self, hash_object: services.CryptHash) -> None:
        self._hash = hash_object

    @api("CryptHashData")
    def CryptHashData(self, Data: object, Flags: object = 0) -> None:
        dword(Flags)
        self._hash.hash_data(_data(Data))

    @api("PyCRYPTHASH::CryptGetHashParam")
    def CryptGetHashParam(self, Param: object, Flags: object = 0) -> Any:  # noqa: ANN401
        dword(Flags)
        return self._hash.parameter(dword(Param))

    @api("CryptDuplicateHash")
    def CryptDuplicateHash(self, Flags: object = 0) -> PyCRYPTHASH:
        dword(Flags)
        return PyCRYPTHASH(self._hash.duplicate())

    @api("CryptDestroyHash")
    def CryptDestroyHash(self) -> None:
        self._hash.destroy()


class PyCRYPTPROV:
    """A provider context (HCRYPTPROV) from CryptAcquireContext."""

    __slots__ = ("_provider",)

    def __init__(self, provider: services.CryptProvider) -> None:
        self._provider = provider

    @api("PyCRYPTPROV::CryptCreateHash")
    def CryptCreateHash(self, Algid: object, Key: object = None, Flags: object = 0) -> PyCRYPTHASH:
        dword(Flags)
        if Key is not None:
            raise TypeError("keyed hashes are not supported: there are no keys here")
        return PyCRYPTHASH(self._provider.create_hash(dword(Algid)))

    @api("PyCRYPTPROV::CryptGenRandom")
    def CryptGenRandom(self, Len: object, SeedData: object = None) -> bytes:
        if SeedData is not None:
            _data(SeedData)  # Windows mixes it in; fresh random bytes need none of it
        return self._provider.random(dword(Len))

    @api("PyCRYPTPROV::CryptGetProvParam")
    def CryptGetProvParam(self, Param: object, Flags: object = 0) -> Any:  # noqa: ANN401
        dword(Flags)
        return self._provider.parameter(dword(Param))

    @api("CryptReleaseContext")
    def CryptReleaseContext(self, Flags: object = 0) -> None:
        self._provider.release(dword(Flags))
