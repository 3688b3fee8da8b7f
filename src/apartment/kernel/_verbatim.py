r"""Win32's verbatim paths: ``\\?\C:\x`` is ``C:\x``, ``\\?\UNC\srv\share`` ``\\srv\share``.

Windows passes a path behind the ``\\?\`` prefix to the file system without parsing it (no
``MAX_PATH`` limit, no ``.`` or ``..`` folding, no ``/`` turned into ``\``); the file it
names is the one the path without the prefix names. Here the file system takes paths as
given, so the prefix is dropped where a path meets the file system; the calls that give a
path back (GetLongPathName, GetFullPathName) give it with the prefix, as Windows does.
"""

from __future__ import annotations

__all__ = ["local_path"]

_VERBATIM = "\\\\?\\"
_VERBATIM_UNC = "\\\\?\\UNC\\"


def local_path(path: str) -> str:
    r"""``path`` without its verbatim prefix (``\\?\``; ``\\?\UNC\`` becomes ``\\``)."""
    if not path.startswith(_VERBATIM):
        return path
    if path[: len(_VERBATIM_UNC)].upper() == _VERBATIM_UNC.upper():
        return "\\\\" + path[len(_VERBATIM_UNC) :]
    return path[len(_VERBATIM) :]
