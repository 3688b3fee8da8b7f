r"""Python on Windows' ``mmap``: ``tagname`` names memory that every process of the session shares.

On Windows ``mmap.mmap(fileno, length, tagname=None, access=ACCESS_DEFAULT, offset=0)`` is a
file mapping object (CreateFileMapping) and a view of it (MapViewOfFile). A program that
shares memory between its processes writes ``mmap.mmap(-1, 4096, "Local\\shared")`` in each
(often ``mmap.mmap(0, ...)``: descriptor 0 means the paging file there too) and hands off
with named events or a named mutex. Linux's ``mmap`` has no ``tagname`` (its third argument
is ``flags``). ``python -m apartment run`` puts this module in place of ``mmap`` for the
programs it runs: the name is a section of the kernel's (``apartment.kernel.create_section``),
the same object as a ``CreateFileMapping`` or ``mmapfile`` of that name, in any process.

Windows' rules, as Python 3.13 on Windows gives them: a length of 0 maps the whole file,
and is ``OSError`` (WinError 87) for the paging file; a negative one is ``OverflowError``; a
``tagname`` that is not a str or None is ``TypeError`` ("" is none); a name that exists is
opened (``GetLastError()`` is ERROR_ALREADY_EXISTS after it) and a view longer than it is
``PermissionError`` (WinError 5); an ``offset`` not a multiple of 64 KiB is ``OSError``
(WinError 1132); a file shorter than ``offset + length`` grows to it; the memory of a name
lives while a mapping of it is open in any process, so a name whose last mapping closed
starts again from zeros. Errors carry Windows' code in ``winerror``.

A call shaped for Linux (``flags`` or ``prot`` given, or an int third argument) is Linux's:
the libraries a program imports look at ``sys.platform`` and call ``mmap`` that way (and
the two agree on the rest, but that Linux refuses a file shorter than the map). Not
modelled: ``resize()`` of a named mapping (refused: WinError 1224, as Windows refuses it
while another view is open), a ``tagname`` with a file (the file is mapped; the name is not
published), and Windows' seek of the descriptor to 0 before mapping a file.
"""

from __future__ import annotations

import errno
import mmap as _linux
import os
from typing import TYPE_CHECKING, Any

from .. import kernel
from ..errors import ERROR_ALREADY_EXISTS, Win32Error
from ._adapt import set_last_error

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = [name for name in dir(_linux) if not name.startswith("_")]

globals().update({name: getattr(_linux, name) for name in __all__ if name != "mmap"})

_ERROR_INVALID_PARAMETER = 87
_ERROR_ACCESS_DENIED = 5
_ERROR_USER_MAPPED_FILE = 1224
_ERRNO_OF = {_ERROR_ACCESS_DENIED: errno.EACCES, 6: errno.EBADF, 8: errno.ENOMEM, 183: errno.EEXIST}
"""Windows' codes -> the errno Python on Windows gives them (any other: EINVAL)."""


def _os_error(winerror: int, message: str) -> OSError:
    """An OSError as Python on Windows raises it for ``winerror`` (with ``winerror`` set)."""
    error = OSError(_ERRNO_OF.get(winerror, errno.EINVAL), message)
    error.winerror = winerror  # type: ignore[attr-defined]
    return error


def _linux_shaped(args: tuple[Any, ...], kwargs: dict[str, Any]) -> bool:
    return "flags" in kwargs or "prot" in kwargs or (len(args) > 2 and isinstance(args[2], int))


class mmap(_linux.mmap):  # noqa: N801 - the stdlib's name
    """A memory map, made as Windows makes it (see the module's docstring).

    Its methods are the stdlib's; :meth:`close` also closes the file mapping object.
    """

    __module__ = "mmap"
    _section: kernel.Section | None = None

    def __new__(cls, *args: Any, **kwargs: Any) -> Self:  # noqa: ANN401
        if _linux_shaped(args, kwargs):
            return super().__new__(cls, *args, **kwargs)
        return cls._windows(*args, **kwargs)

    @classmethod
    def _windows(
        cls,
        fileno: int,
        length: int,
        tagname: str | None = None,
        access: int = _linux.ACCESS_DEFAULT,
        offset: int = 0,
        **kwargs: Any,  # noqa: ANN401 - trackfd (3.13)
    ) -> Self:
        fileno, length, offset = int(fileno), int(length), int(offset)
        if length < 0:
            raise OverflowError("memory mapped length must be positive")
        if tagname is not None and not isinstance(tagname, str):
            raise TypeError(f"expected str or None for 'tagname', not {type(tagname).__name__}")
        if offset < 0:
            raise OverflowError("memory mapped offset must be positive")
        if fileno > 0:  # a file: mapped by the stdlib, grown first as Windows does
            if length and os.fstat(fileno).st_size < offset + length:
                os.ftruncate(fileno, offset + length)
            return super().__new__(cls, fileno, length, access=access, offset=offset, **kwargs)
        if length == 0:
            raise _os_error(_ERROR_INVALID_PARAMETER, "The parameter is incorrect")
        if not tagname and fileno == -1:  # the process's own memory: Linux's is the same
            return super().__new__(cls, -1, length, access=access, offset=offset, **kwargs)
        try:
            section, existed = kernel.create_section(offset + length, tagname or None)
        except Win32Error as exc:
            raise _os_error(exc.winerror, exc.strerror or str(exc)) from None
        try:
            if offset % kernel.ALLOCATION_GRANULARITY:
                raise _os_error(
                    1132,
                    "The base address or the file offset specified does not have the proper "
                    "alignment",
                )
            if offset + length > section.size:
                raise _os_error(_ERROR_ACCESS_DENIED, "Access is denied")
            self = super().__new__(
                cls, section.fileno(), length, access=access, offset=offset, **kwargs
            )
        except BaseException:
            section.close()
            raise
        self._section = section
        set_last_error(ERROR_ALREADY_EXISTS if existed else 0)
        return self

    def close(self) -> None:
        """Unmap the memory, then close the file mapping object (its name may go)."""
        super().close()
        section, self._section = self._section, None
        if section is not None:
            section.close()

    def resize(self, newsize: int, /) -> None:
        """Resize the map (the stdlib's); a named mapping is refused, as Windows refuses it."""
        if self._section is not None:
            raise _os_error(_ERROR_USER_MAPPED_FILE, "a named memory mapping cannot be resized")
        super().resize(newsize)

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        text = super().__repr__()  # the stdlib's names the class by its short name
        return "<mmap.mmap" + text[5:] if text.startswith("<mmap ") else text
