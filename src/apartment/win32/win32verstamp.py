"""pywin32's ``win32verstamp``: stamp a Windows binary with a version resource.

A pure-Python module of pywin32, written here: the builders make the bytes of a
VS_VERSION_INFO resource (a VS_FIXEDFILEINFO, a StringFileInfo of U.S. English strings in
code page 1252, a VarFileInfo with its Translation), laid out as Windows lays it out
(little-endian, 32-bit DWORDs, each block's header ``wLength, wValueLength, wType``, its
key in UTF-16 with a NUL, padded to 32 bits), and :func:`stamp` writes it into a file as
resource 16/1 through :mod:`win32api`'s BeginUpdateResource (so a PE file is changed in
place). Run as a script it takes pywin32's options: ``--version a.b.c.d``, ``--dll``,
``--debug``, ``--product``, ``--company``... and file patterns.
"""

from __future__ import annotations

import glob
import optparse
import os
import struct
import sys
from typing import Any

from .win32api import BeginUpdateResource, EndUpdateResource, UpdateResource

__all__ = [
    "BeginUpdateResource",
    "EndUpdateResource",
    "String",
    "StringFileInfo",
    "StringTable",
    "UpdateResource",
    "VOS_NT_WINDOWS32",
    "VS_FFI_FILEFLAGSMASK",
    "VS_FFI_SIGNATURE",
    "VS_FFI_STRUCVERSION",
    "VS_FIXEDFILEINFO",
    "VS_VERSION_INFO",
    "Var",
    "VarFileInfo",
    "addlen",
    "file_flags",
    "file_type",
    "null_byte",
    "nullterm",
    "pad32",
    "stamp",
]

VS_FFI_SIGNATURE = -17890115  # 0xFEEF04BD as a signed DWORD
VS_FFI_STRUCVERSION = 0x00010000
VS_FFI_FILEFLAGSMASK = 0x0000003F
VOS_NT_WINDOWS32 = 0x00040004
null_byte = b"\0"

_VS_FF_DEBUG_PRERELEASE = 3
_VFT_APP, _VFT_DLL = 1, 2
_RT_VERSION = 16
_TEXT, _BINARY = 1, 0  # a block's wType


def file_flags(debug: object) -> int:
    """VS_FF_DEBUG | VS_FF_PRERELEASE for a debug build, else 0."""
    return _VS_FF_DEBUG_PRERELEASE if debug else 0


def file_type(is_dll: object) -> int:
    """VFT_DLL or VFT_APP."""
    return _VFT_DLL if is_dll else _VFT_APP


def VS_FIXEDFILEINFO(
    maj: int, min: int, sub: int, build: int, debug: object = 0, is_dll: object = 1
) -> bytes:
    """The 52 bytes of a VS_FIXEDFILEINFO: file and product version maj.min.sub.build."""
    most, least = (maj << 16) | min, (sub << 16) | build
    return struct.pack(
        "<13l",
        VS_FFI_SIGNATURE, VS_FFI_STRUCVERSION, most, least, most, least,
        VS_FFI_FILEFLAGSMASK, file_flags(debug), VOS_NT_WINDOWS32, file_type(is_dll),
        0, 0, 0,  # subtype, date
    )  # fmt: skip


def nullterm(s: object) -> bytes:
    """``str(s)`` in UTF-16LE with its terminating NUL."""
    return (str(s) + "\0").encode("utf-16le")


def pad32(s: bytes, extra: int = 2) -> bytes:
    """``s`` padded with NULs so that ``len(s) + extra`` is a multiple of 4."""
    short = 4 - ((len(s) + extra) & 3)
    return s + null_byte * short if short < 4 else s


def addlen(s: bytes) -> bytes:
    """``s`` behind its wLength (the length of the whole block)."""
    return struct.pack("<h", len(s) + 2) + s


def _header(value_length: int, kind: int, key: str) -> bytes:
    return struct.pack("<hh", value_length, kind) + nullterm(key)


def String(key: str, value: object) -> bytes:
    """A String block: ``key`` = ``value`` (its length counted in UTF-16 units)."""
    text = nullterm(value)
    return addlen(pad32(_header(len(text) // 2, _TEXT, key)) + text)


def StringTable(key: str, data: dict[str, Any]) -> bytes:
    """A StringTable block (``key`` = language and code page) of one String per item."""
    block = _header(0, _TEXT, key)
    for name, value in data.items():
        block = pad32(block + String(name, value))
    return addlen(block)


def StringFileInfo(data: dict[str, Any]) -> bytes:
    """The StringFileInfo block: one table, U.S. English in code page 1252 (040904E4)."""
    return addlen(pad32(_header(0, _TEXT, "StringFileInfo")) + StringTable("040904E4", data))


def Var(key: str, value: bytes) -> bytes:
    """A Var block: ``key`` with binary ``value``."""
    return addlen(pad32(_header(len(value), _BINARY, key)) + value)


def VarFileInfo(data: dict[str, bytes]) -> bytes:
    """The VarFileInfo block: one Var per item."""
    block = pad32(_header(0, _TEXT, "VarFileInfo"))
    for name, value in data.items():
        block += Var(name, value)
    return addlen(block)


def VS_VERSION_INFO(
    maj: int,
    min: int,
    sub: int,
    build: int,
    sdata: dict[str, Any],
    vdata: dict[str, bytes],
    debug: object = 0,
    is_dll: object = 1,
) -> bytes:
    """The whole version resource: fixed info, strings ``sdata``, variables ``vdata``."""
    fixed = VS_FIXEDFILEINFO(maj, min, sub, build, debug, is_dll)
    block = pad32(pad32(_header(len(fixed), _BINARY, "VS_VERSION_INFO")) + fixed)
    return addlen(block + StringFileInfo(sdata) + VarFileInfo(vdata))


def stamp(pathname: str, options: Any) -> None:  # noqa: ANN401 (optparse's Values)
    """Write a version resource built from ``options`` (the script's) into ``pathname``."""
    try:
        with open(pathname, "a+b"):
            pass
    except OSError as why:
        print(f"WARNING: File {pathname} could not be opened - {why}")
    version = options.version
    try:
        major, minor, sub, build = (int(part) for part in version.split("."))
    except (AttributeError, TypeError, ValueError):
        raise ValueError(f"--version must be a.b.c.d (all integers) - got {version!r}") from None
    base = os.path.basename(pathname)
    strings = {
        "Comments": options.comments,
        "CompanyName": options.company,
        "FileDescription": options.description,
        "FileVersion": version,
        "InternalName": options.internal_name or base,
        "LegalCopyright": options.copyright,
        "LegalTrademarks": options.trademarks,
        "OriginalFilename": base
        if options.original_filename is None
        else options.original_filename,
        "ProductName": options.product,
        "ProductVersion": version,
    }
    strings = {name: "" if value is None else value for name, value in strings.items()}
    variables = {"Translation": struct.pack("<hh", 0x409, 1252)}
    stem, extension = os.path.splitext(pathname)
    is_dll = options.dll
    if is_dll is None:
        is_dll = extension.lower() in (".dll", ".pyd")
    is_debug = options.debug
    if is_debug is None:
        is_debug = stem.lower().endswith("_d")
    resource = VS_VERSION_INFO(major, minor, sub, build, strings, variables, is_debug, is_dll)
    update = BeginUpdateResource(pathname, 0)
    UpdateResource(update, _RT_VERSION, 1, resource)
    EndUpdateResource(update, 0)
    if options.verbose:
        print("Stamped:", pathname)


def _parser() -> optparse.OptionParser:
    parser = optparse.OptionParser("%prog [options] filespec ...", description=__doc__)
    parser.add_option("-q", "--quiet", action="store_false", dest="verbose", default=True,
                      help="don't print status messages to stdout")  # fmt: skip
    parser.add_option("", "--version", default="0.0.0.0", help="The version number as m.n.s.b")
    parser.add_option("", "--dll", help="Stamp the file as a DLL (default: by its extension).")
    parser.add_option("", "--debug", help="Stamp the file as a debug binary.")
    for option, what in (("product", "product name"), ("company", "company name"),
                         ("trademarks", "trademark string"), ("comments", "comments string"),
                         ("copyright", "copyright message")):  # fmt: skip
        parser.add_option("", f"--{option}", help=f"The {what} to embed.")
    parser.add_option("", "--description", metavar="DESC", help="The description to embed.")
    default = " (default: the file's name)"
    parser.add_option("", "--internal-name", metavar="NAME",
                      help="The internal filename to embed" + default)  # fmt: skip
    parser.add_option("", "--original-filename",
                      help="The original filename to embed" + default)  # fmt: skip
    return parser


def main(argv: list[str] | None = None) -> None:
    """The script: stamp every file that the patterns of ``argv`` name."""
    parser = _parser()
    options, patterns = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if not patterns:
        parser.error("You must supply a file to stamp.  Use --help for details.")
    for pattern in patterns:
        for path in glob.glob(pattern):
            stamp(path, options)


if __name__ == "__main__":
    main()
