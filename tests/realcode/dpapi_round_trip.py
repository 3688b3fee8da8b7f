"""Secrets kept with DPAPI: protect, store, unprotect, with and without entropy.

Source: public GitHub DPAPI helpers (search "win32crypt CryptProtectData CryptUnprotectData
protect unprotect"; e.g. a project's ``protect(data)`` returning
``CryptProtectData(data, None, None, None, None, 0)`` and ``unprotect`` returning the second
item of ``CryptUnprotectData(data, None, None, None, 0)``), rewritten with their calls and their
order: a description and optional entropy on protect, ``CRYPTPROTECT_UI_FORBIDDEN`` as flags,
the blob written to a file and read back, a wrong entropy caught as ``pywintypes.error``.
"""

import os
import tempfile

import pywintypes
import win32crypt

FLAGS = (
    win32crypt.CRYPTPROTECT_UI_FORBIDDEN if hasattr(win32crypt, "CRYPTPROTECT_UI_FORBIDDEN") else 1
)


def protect(data, description=None, entropy=None):
    return win32crypt.CryptProtectData(data, description, entropy, None, None, FLAGS)


def unprotect(blob, entropy=None):
    return win32crypt.CryptUnprotectData(blob, entropy, None, None, FLAGS)


def main():
    secret = "hunter2 ünïcode".encode()
    blob = protect(secret, "db password")
    print("blob type:", type(blob).__name__, "longer than data:", len(blob) > len(secret))
    print("blob differs from data:", secret not in blob)
    path = os.path.join(tempfile.mkdtemp(), "secret.bin")
    with open(path, "wb") as f:
        f.write(blob)
    with open(path, "rb") as f:
        stored = f.read()
    description, data = unprotect(stored)
    print("description:", repr(description))
    print("data:", ascii(data.decode("utf-8")))
    salted = protect(b"with entropy", None, b"pepper")
    description, data = unprotect(salted, b"pepper")
    print("entropy round trip:", repr(description), data)
    try:
        unprotect(salted, b"salt")
    except pywintypes.error as exc:
        print("wrong entropy:", exc.winerror, exc.funcname)
    try:
        unprotect(salted)
    except pywintypes.error as exc:
        print("no entropy:", exc.winerror, exc.funcname)
    print("two protects differ:", protect(b"x") != protect(b"x"))


main()
