"""win32file's backup calls (BackupRead, BackupWrite, BackupSeek) over ``kernel.backup_*``.

Re-exported by :mod:`.win32file`. A context is the int pywin32 passes around (0 starts a
sequence); what a file's backup image holds is said in ``apartment.kernel._backup``.
"""

from __future__ import annotations

from .. import kernel
from ._adapt import api, as_bool, dword
from ._buffers import data_arg, read_buffer
from ._handles import lookup

__all__ = ["BackupRead", "BackupSeek", "BackupWrite"]


def _token() -> kernel.Token:
    return kernel.effective_token(kernel.current_thread())


@api("BackupRead")
def BackupRead(
    hFile: object,
    NumberOfBytesToRead: int,
    Buffer: object,
    bAbort: object,
    bProcessSecurity: object,
    lpContext: int,
    /,
) -> tuple[int, object, int]:
    """(bytes read, the buffer, the context): a new buffer when ``Buffer`` is None."""
    file = lookup(hFile, kernel.DiskFile)
    size = dword(NumberOfBytesToRead)
    target, view = read_buffer(size if Buffer is None else Buffer)
    if len(view) < size:
        raise ValueError(f"the buffer holds {len(view)} bytes, fewer than the {size} to read")
    data, context = kernel.backup_read(
        file, size, int(lpContext), abort=as_bool(bAbort),
        process_security=as_bool(bProcessSecurity), token=_token(),
    )  # fmt: skip
    view[: len(data)] = data
    return len(data), target, context


@api("BackupWrite")
def BackupWrite(
    hFile: object,
    NumberOfBytesToWrite: int,
    Buffer: object,
    bAbort: object,
    bProcessSecurity: object,
    lpContext: int,
    /,
) -> tuple[int, int]:
    """(bytes written, the context): the first ``NumberOfBytesToWrite`` bytes of ``Buffer``."""
    file = lookup(hFile, kernel.DiskFile)
    data = data_arg(Buffer)[: dword(NumberOfBytesToWrite)]
    return kernel.backup_write(
        file, bytes(data), int(lpContext), abort=as_bool(bAbort),
        process_security=as_bool(bProcessSecurity), token=_token(),
    )  # fmt: skip


@api("BackupSeek")
def BackupSeek(hFile: object, NumberOfBytesToSeek: int, lpContext: int, /) -> int:
    """The bytes skipped of the current stream's data (ERROR_SEEK if it had fewer)."""
    return kernel.backup_seek(
        lookup(hFile, kernel.DiskFile), int(NumberOfBytesToSeek), int(lpContext)
    )
