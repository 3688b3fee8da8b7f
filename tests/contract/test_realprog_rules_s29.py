"""Rules the session-29 real programs (tests/realcode) found: SIDs and SDDL, version resources.

Each test passes on the facade and on the real pywin32 (``make oracle``).
"""

from __future__ import annotations

from typing import Any

import pytest
import pywintypes
import win32security

SDDL_REVISION_1 = 1


def _error_of(call: Any, *args: object) -> tuple[int, str]:
    with pytest.raises(pywintypes.error) as caught:
        call(*args)
    return caught.value.winerror, caught.value.funcname


def test_a_string_sid_or_an_alias_else_invalid_sid() -> None:
    # ConvertStringSidToSid takes "S-1-..." or an SDDL alias; anything else is 1337
    # (ERROR_INVALID_SID), as a pywintypes.error, never a Python ValueError.
    to_text = win32security.ConvertSidToStringSid
    assert to_text(win32security.ConvertStringSidToSid("S-1-5-32-544")) == "S-1-5-32-544"
    assert to_text(win32security.ConvertStringSidToSid("WD")) == "S-1-1-0"
    assert to_text(win32security.ConvertStringSidToSid("BA")) == "S-1-5-32-544"
    for text in ("S-1-x-0", "not a sid", "S-2-5-18"):
        assert _error_of(win32security.ConvertStringSidToSid, text) == (
            1337,
            "ConvertStringSidToSid",
        )


def test_is_valid_is_an_int_on_descriptors_and_acls() -> None:
    # pywin32 hands IsValidSecurityDescriptor's and IsValidAcl's BOOL back as an int (1);
    # PySID.IsValid is a bool.
    sd = win32security.ConvertStringSecurityDescriptorToSecurityDescriptor(
        "O:BAD:(A;;FA;;;SY)", SDDL_REVISION_1
    )
    for value in (
        sd.IsValid(),
        sd.GetSecurityDescriptorDacl().IsValid(),
        win32security.ACL().IsValid(),
    ):
        assert type(value) is int and value == 1
    assert sd.GetSecurityDescriptorOwner().IsValid() is True


@pytest.mark.parametrize("text", ["D:(A;;FA;;;SY", "D:(A;;FA;;SY)", "D:(A;;FA;;;SY;)"])
def test_a_malformed_ace_is_an_invalid_acl(text: str) -> None:
    # An ACE left open, or with other than six fields, fails the whole string with 1336
    # (ERROR_INVALID_ACL); it is not skipped.
    assert _error_of(
        win32security.ConvertStringSecurityDescriptorToSecurityDescriptor, text, SDDL_REVISION_1
    ) == (1336, "ConvertStringSecurityDescriptorToSecurityDescriptor")


def test_find_window_sees_message_only_windows_too() -> None:
    # Windows: FindWindowEx with no parent and no child-after searches the top-level windows
    # and then the message-only ones (FindWindow likewise); the desktop's children are the
    # top-level windows only, HWND_MESSAGE's the message-only ones.
    import win32con
    import win32gui

    name = "RealprogS29MessageOnly"
    hwnd = win32gui.CreateWindowEx(
        0, "STATIC", name, 0, 0, 0, 0, 0, win32con.HWND_MESSAGE, 0, 0, None
    )
    try:
        assert win32gui.FindWindow("STATIC", name) == hwnd
        assert win32gui.FindWindow(None, name) == hwnd
        assert win32gui.FindWindowEx(0, 0, None, name) == hwnd
        assert win32gui.FindWindowEx(win32con.HWND_MESSAGE, 0, None, name) == hwnd
        assert win32gui.FindWindowEx(win32gui.GetDesktopWindow(), 0, None, name) == 0
    finally:
        win32gui.DestroyWindow(hwnd)


def _nte(call: Any, *args: object) -> tuple[int, str]:
    code, name = _error_of(call, *args)
    return code & 0xFFFFFFFF, name


def test_a_verify_context_provider_hashes_and_draws_random_bytes() -> None:
    # CryptAcquireContext(None, None, type, CRYPT_VERIFYCONTEXT): PROV_RSA_FULL hashes with
    # MD5 and SHA-1 but has no SHA-256 (NTE_BAD_ALGID 0x80090008); PROV_RSA_AES has it. A hash
    # whose value was read takes no more data (NTE_BAD_HASH_STATE 0x8009000C); an unknown
    # parameter is NTE_BAD_TYPE (0x8009000A); a destroyed hash is ERROR_INVALID_PARAMETER.
    import hashlib

    import win32crypt
    import win32cryptcon as c

    full = win32crypt.CryptAcquireContext(None, None, c.PROV_RSA_FULL, c.CRYPT_VERIFYCONTEXT)
    assert _nte(full.CryptCreateHash, c.CALG_SHA_256, None, 0) == (
        0x80090008,
        "PyCRYPTPROV::CryptCreateHash",
    )
    aes = win32crypt.CryptAcquireContext(None, None, c.PROV_RSA_AES, c.CRYPT_VERIFYCONTEXT)
    assert (
        aes.CryptGetProvParam(c.PP_NAME, 0)
        == b"Microsoft Enhanced RSA and AES Cryptographic Provider"
    )
    h = aes.CryptCreateHash(c.CALG_SHA_256, None, 0)
    h.CryptHashData(b"abc", 0)
    assert h.CryptGetHashParam(c.HP_HASHSIZE, 0) == 32
    assert h.CryptGetHashParam(c.HP_ALGID, 0) == c.CALG_SHA_256
    assert h.CryptGetHashParam(c.HP_HASHVAL, 0) == hashlib.sha256(b"abc").digest()
    assert h.CryptGetHashParam(c.HP_HASHVAL, 0) == hashlib.sha256(b"abc").digest()
    assert _nte(h.CryptHashData, b"more", 0) == (0x8009000C, "CryptHashData")
    assert _nte(h.CryptGetHashParam, 99, 0) == (0x8009000A, "PyCRYPTHASH::CryptGetHashParam")
    with pytest.raises(TypeError):
        h.CryptHashData("text", 0)
    h.CryptDestroyHash()
    assert _error_of(h.CryptHashData, b"x", 0) == (87, "CryptHashData")
    assert _error_of(h.CryptDestroyHash) == (87, "CryptDestroyHash")
    assert aes.CryptGenRandom(0) == b"" and len(aes.CryptGenRandom(24)) == 24


def test_acquiring_and_releasing_provider_contexts() -> None:
    # A type out of range (0, above 999): NTE_BAD_PROV_TYPE (0x80090014); a provider name not known:
    # NTE_KEYSET_NOT_DEF (0x80090019); a container with CRYPT_VERIFYCONTEXT: NTE_BAD_FLAGS.
    # CryptReleaseContext with flags fails with NTE_BAD_FLAGS but releases the context
    # (Microsoft documents it): a second release, or a use, is ERROR_INVALID_PARAMETER.
    import win32crypt
    import win32cryptcon as c

    acquire = win32crypt.CryptAcquireContext
    verify = c.CRYPT_VERIFYCONTEXT
    assert _nte(acquire, None, None, 9999, verify) == (0x80090014, "CryptAcquireContext")
    assert _nte(acquire, None, "No Such Provider", c.PROV_RSA_FULL, verify) == (
        0x80090019,
        "CryptAcquireContext",
    )
    assert _nte(acquire, "c29", None, c.PROV_RSA_FULL, verify) == (
        0x80090009,
        "CryptAcquireContext",
    )
    # A type no provider is installed for: NTE_PROV_TYPE_NOT_DEF (0x80090017); a provider
    # that is of another type: NTE_PROV_TYPE_NO_MATCH (0x8009001B); "" names the default.
    assert _nte(acquire, None, None, 999, verify) == (0x80090017, "CryptAcquireContext")
    base = "Microsoft Base Cryptographic Provider v1.0"
    assert _nte(acquire, None, base, c.PROV_RSA_AES, verify) == (0x8009001B, "CryptAcquireContext")
    acquire(None, base, c.PROV_RSA_FULL, verify).CryptReleaseContext(0)
    acquire(None, "", c.PROV_RSA_AES, verify).CryptReleaseContext(0)
    prov = acquire(None, None, c.PROV_RSA_FULL, verify)
    assert _nte(prov.CryptReleaseContext, 1) == (0x80090009, "CryptReleaseContext")
    assert _error_of(prov.CryptReleaseContext, 0) == (87, "CryptReleaseContext")
    assert _error_of(prov.CryptGenRandom, 4) == (87, "PyCRYPTPROV::CryptGenRandom")
