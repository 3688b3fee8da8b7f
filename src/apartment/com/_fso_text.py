"""TextStream: a text file open for reading, writing or appending (scrrun's ITextStream).

The stream reads the whole file when it is opened for reading (a file is text a program
reads through, not a log to follow) and writes through to the file at once. Its formats:
Unicode (-1) is UTF-16LE, written with a byte-order mark when the file is new or emptied;
"ASCII" (0) is the system's code page, which is UTF-8 on Linux; the default (-2) reads a
file that starts with UTF-16's mark as Unicode and any other as ASCII. Lines are written
ending in CR LF, as on Windows; a line read ends at LF, CR LF or CR.

Errors, as scrrun's: reading past the end (an empty file's ReadAll too) is VB error 62,
reading a stream open for writing or writing one open for reading is 54 (bad file mode).
Each call holds the stream's lock: any thread may call it (threading model Both).
"""

from __future__ import annotations

import threading
from typing import BinaryIO, ClassVar

from ._vb_errors import BAD_FILE_MODE, INPUT_PAST_END, INVALID_CALL, vb_error

__all__ = ["FOR_APPENDING", "FOR_READING", "FOR_WRITING", "TextStream", "open_stream"]

FOR_READING, FOR_WRITING, FOR_APPENDING = 1, 2, 8
_UNICODE, _ASCII, _DEFAULT = -1, 0, -2
_BOM = b"\xff\xfe"


def _decode(data: bytes, fmt: int) -> str:
    if fmt == _UNICODE or (fmt == _DEFAULT and data.startswith(_BOM)):
        if data.startswith(_BOM):
            data = data[2:]
        return data.decode("utf-16-le", errors="replace")
    return data.decode("utf-8", errors="replace")


def open_stream(path: str, mode: int, fmt: int) -> TextStream:
    """Open ``path`` (which exists, or may be made) as a TextStream; OSError as it comes.

    ``mode`` is 1 (reading), 2 (writing: the file is emptied) or 8 (appending).
    """
    if mode == FOR_READING:
        with open(path, "rb") as file:
            data = file.read()
        return TextStream(None, _decode(data, fmt), unicode=False)
    if mode == FOR_WRITING:
        stream: BinaryIO = open(path, "wb")  # noqa: SIM115 - the stream owns it until Close
        unicode = fmt == _UNICODE
        if unicode:
            stream.write(_BOM)
        return TextStream(stream, "", unicode=unicode)
    stream = open(path, "ab+")  # noqa: SIM115
    stream.seek(0)
    head = stream.read(2)
    stream.seek(0, 2)
    empty = not head
    unicode = fmt == _UNICODE or (fmt == _DEFAULT and head == _BOM)
    if unicode and empty:
        stream.write(_BOM)
    return TextStream(stream, "", unicode=unicode)


class TextStream:
    """ITextStream: Line, Column, AtEndOfStream/Line; Read*, Write*, Skip*, Close."""

    _type_info_ = ("{420B2830-E718-11CF-893D-00A0C9054228}", (1, 0), "ITextStream")

    _public_methods_: ClassVar[list[str]] = [
        "Read", "ReadLine", "ReadAll", "Write", "WriteLine", "WriteBlankLines", "Skip",
        "SkipLine", "Close",
    ]  # fmt: skip
    _public_attrs_: ClassVar[list[str]] = ["Line", "Column", "AtEndOfStream", "AtEndOfLine"]
    _readonly_attrs_: ClassVar[list[str]] = _public_attrs_
    _dispid_to_get_: ClassVar[dict[int, str]] = {
        10000: "Line", -529: "Column", 10002: "AtEndOfStream", 10003: "AtEndOfLine",
    }  # fmt: skip
    _dispid_to_func_: ClassVar[dict[int, str]] = {
        10004: "Read", 10005: "ReadLine", 10006: "ReadAll", 10007: "Write", 10008: "WriteLine",
        10009: "WriteBlankLines", 10010: "Skip", 10011: "SkipLine", 10012: "Close",
    }  # fmt: skip

    def __init__(self, file: BinaryIO | None, text: str, *, unicode: bool) -> None:
        self._lock = threading.Lock()
        self._file = file  # a binary file open for writing, or None: reading ``text``
        self._text = text
        self._at = 0
        self._unicode = unicode
        self._line = 1
        self._column = 1

    def _reading(self) -> None:
        if self._file is not None:
            raise vb_error(BAD_FILE_MODE)

    def _advance(self, count: int) -> str:
        """The next ``count`` characters, the position past them (called under the lock)."""
        taken = self._text[self._at : self._at + count]
        self._at += len(taken)
        self._count(taken)
        return taken

    def _count(self, text: str) -> None:
        lines = text.count("\n")
        if lines:
            self._line += lines
            self._column = len(text) - text.rfind("\n")
        else:
            self._column += len(text)

    @property
    def line(self) -> int:
        """The line the stream is at, from 1."""
        with self._lock:
            return self._line

    @property
    def column(self) -> int:
        """The character of its line the stream is at, from 1."""
        with self._lock:
            return self._column

    @property
    def at_end_of_stream(self) -> bool:
        """Whether everything was read (bad file mode on a stream open for writing)."""
        with self._lock:
            self._reading()
            return self._at >= len(self._text)

    @property
    def at_end_of_line(self) -> bool:
        """Whether the next character ends a line (or there is none)."""
        with self._lock:
            self._reading()
            return self._at >= len(self._text) or self._text[self._at] in "\r\n"

    def read(self, count: int) -> str:
        """The next ``count`` characters (fewer at the end); error 62 at the end."""
        count = int(count)
        if count < 0:
            raise vb_error(INVALID_CALL)
        with self._lock:
            self._reading()
            if self._at >= len(self._text) and count:
                raise vb_error(INPUT_PAST_END)
            return self._advance(count)

    def read_line(self) -> str:
        """The rest of the line, without its end; error 62 at the end."""
        with self._lock:
            self._reading()
            if self._at >= len(self._text):
                raise vb_error(INPUT_PAST_END)
            return self._read_line()

    def _read_line(self) -> str:
        text, start = self._text, self._at
        end = start
        while end < len(text) and text[end] not in "\r\n":
            end += 1
        line = text[start:end]
        if text.startswith("\r\n", end):
            end += 2
        elif end < len(text):
            end += 1
        self._at = end
        self._line += 1 if end > start + len(line) else 0
        self._column = 1 if end > start + len(line) else self._column + len(line)
        return line

    def read_all(self) -> str:
        """The rest of the file; error 62 at the end (an empty file's too)."""
        with self._lock:
            self._reading()
            if self._at >= len(self._text):
                raise vb_error(INPUT_PAST_END)
            return self._advance(len(self._text))

    def skip(self, count: int) -> None:
        """Skip ``count`` characters."""
        self.Read(count)

    def skip_line(self) -> None:
        """Skip the rest of the line and its end."""
        self.ReadLine()

    def _write(self, text: str) -> None:
        with self._lock:
            if self._file is None:
                raise vb_error(BAD_FILE_MODE)
            data = text.encode("utf-16-le" if self._unicode else "utf-8", errors="replace")
            self._file.write(data)
            self._file.flush()
            self._count(text.replace("\r\n", "\n"))

    def write(self, text: object) -> None:
        """Write ``text`` as it is."""
        self._write("" if text is None else str(text))

    def write_line(self, text: object = "") -> None:
        """Write ``text`` and a line's end (CR LF)."""
        self._write(("" if text is None else str(text)) + "\r\n")

    def write_blank_lines(self, count: int) -> None:
        """Write ``count`` line ends."""
        self._write("\r\n" * int(count))

    def close(self) -> None:
        """Close the file; the stream then holds nothing to read."""
        with self._lock:
            file, self._file = self._file, None
            self._text, self._at = "", 0
        if file is not None:
            file.close()

    # Automation's names
    Line = line
    Column = column
    AtEndOfStream = at_end_of_stream
    AtEndOfLine = at_end_of_line
    Read = read
    ReadLine = read_line
    ReadAll = read_all
    Skip = skip
    SkipLine = skip_line
    Write = write
    WriteLine = write_line
    WriteBlankLines = write_blank_lines
    Close = close
