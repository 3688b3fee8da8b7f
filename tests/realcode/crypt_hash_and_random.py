"""Hashes and random bytes from the CryptoAPI provider, checked against hashlib.

Source: public GitHub and ActiveState snippets on "win32crypt CryptAcquireContext
CryptCreateHash CALG_MD5" (``win32crypt.CryptAcquireContext(None, None, PROV_RSA_AES,
CRYPT_VERIFYCONTEXT)``, ``prov.CryptGenRandom(16)``, ``prov.CryptCreateHash(CALG_SHA_256, None,
0)``, ``hash.CryptHashData(data, 0)``, ``hash.CryptGetHashParam(HP_HASHVAL, 0)``, then
``CryptDestroyHash`` and ``CryptReleaseContext``), rewritten with those calls and their
order; the hash is fed in two pieces, and a finished hash refuses more data with 0x8009000C
(NTE_BAD_HASH_STATE).
"""

import hashlib

import pywintypes
import win32crypt
import win32cryptcon


def digest(prov, alg, *pieces):
    h = prov.CryptCreateHash(alg, None, 0)
    for piece in pieces:
        h.CryptHashData(piece, 0)
    size = h.CryptGetHashParam(win32cryptcon.HP_HASHSIZE, 0)
    value = h.CryptGetHashParam(win32cryptcon.HP_HASHVAL, 0)
    h.CryptDestroyHash()
    return size, value


def main():
    prov = win32crypt.CryptAcquireContext(
        None, None, win32cryptcon.PROV_RSA_AES, win32cryptcon.CRYPT_VERIFYCONTEXT
    )
    data = b"The quick brown fox jumps over the lazy dog"
    for name, alg in (
        ("md5", win32cryptcon.CALG_MD5),
        ("sha1", win32cryptcon.CALG_SHA1),
        ("sha256", win32cryptcon.CALG_SHA_256),
    ):
        size, value = digest(prov, alg, data[:10], data[10:])
        print(name, size, value == hashlib.new(name, data).digest(), value.hex()[:16])
    h = prov.CryptCreateHash(win32cryptcon.CALG_SHA1, None, 0)
    h.CryptHashData(b"abc", 0)
    print("algid:", h.CryptGetHashParam(win32cryptcon.HP_ALGID, 0) == win32cryptcon.CALG_SHA1)
    h.CryptGetHashParam(win32cryptcon.HP_HASHVAL, 0)
    try:
        h.CryptHashData(b"more", 0)
        print("more data after the value: accepted")
    except pywintypes.error as error:
        print("more data after the value:", hex(error.winerror & 0xFFFFFFFF), error.funcname)
    h.CryptDestroyHash()
    random = prov.CryptGenRandom(16)
    print("random:", type(random).__name__, len(random))
    print("random differs:", random != prov.CryptGenRandom(16))
    prov.CryptReleaseContext(0)


main()
