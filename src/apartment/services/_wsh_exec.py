"""WshScriptExec and Run: programs WScript.Shell starts, with their pipes as TextStreams.

``Exec(command)`` starts a program with its standard streams as pipes and returns at once:
``Status`` (0 running, 1 done), ``ExitCode``, ``ProcessID``, ``Terminate()``, and ``StdOut``,
``StdErr`` (streams to read: ``ReadLine``, ``ReadAll``, ``Read(n)``, ``AtEndOfStream``,
``AtEndOfLine``, each waiting for the program as a pipe does) and ``StdIn`` (``Write``,
``WriteLine``, ``Close``). ``Run(command, style, wait)`` starts it with this process's
streams; waiting, it returns the exit code, else 0.

What maps to Linux: the command line is split as a POSIX shell splits words (quotes group,
no other shell feature), after ``%NAME%`` is expanded from the environment; the program is
looked up in PATH. ``cmd /c`` has no meaning here: a program that is not there fails, as on
Windows, with HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND) (0x80070002). The window style is
ignored (no program here has a window the style could show). Each stream takes its own lock.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import threading
from typing import IO, ClassVar

from ..com import COMException, wrap

__all__ = ["PipeStream", "ScriptExec", "expand", "run", "start"]

_FILE_NOT_FOUND = -2147024894  # HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND)
BAD_FILE_MODE = -2146828234  # 0x800A0036, VB error 54 (as scrrun's TextStream)
INPUT_PAST_END = -2146828226  # 0x800A003E, VB error 62


def vb_error(scode: int) -> COMException:
    """The exception failing a call with VB error ``scode`` (DISP_E_EXCEPTION's scode)."""
    texts = {BAD_FILE_MODE: "Bad file mode", INPUT_PAST_END: "Input past end of file"}
    return COMException(scode=scode, desc=texts.get(scode, "Permission denied"))


_STREAM_DISPIDS = {
    10004: "Read", 10005: "ReadLine", 10006: "ReadAll", 10007: "Write", 10008: "WriteLine",
    10009: "WriteBlankLines", 10010: "Skip", 10011: "SkipLine", 10012: "Close",
}  # fmt: skip


def expand(text: str) -> str:
    """``text`` with each ``%NAME%`` the environment has replaced by its value."""
    parts = str(text).split("%")
    out = [parts[0]]
    index = 1
    while index < len(parts):
        name = parts[index]
        if index + 1 < len(parts) and name and name.upper() in _upper_environ():
            out.append(_upper_environ()[name.upper()])
            out.append(parts[index + 1])
            index += 2
        else:
            out.append("%" + name)
            index += 1
    return "".join(out)


def _upper_environ() -> dict[str, str]:
    return {key.upper(): value for key, value in os.environ.items()}


def _argv(command: object) -> list[str]:
    try:
        argv = shlex.split(expand(str(command)))
    except ValueError as error:
        raise COMException(scode=-2147024809, desc=f"bad command line: {error}") from None
    if not argv:
        raise COMException(scode=_FILE_NOT_FOUND, desc="no program named")
    return argv


def start(command: object, *, pipes: bool) -> subprocess.Popen[bytes]:
    """Start ``command``; 0x80070002 if its program is not there."""
    stream = subprocess.PIPE if pipes else None
    try:
        return subprocess.Popen(_argv(command), stdin=stream, stdout=stream, stderr=stream)
    except FileNotFoundError:
        raise COMException(scode=_FILE_NOT_FOUND, desc=f"no program {command!r}") from None
    except PermissionError:
        raise COMException(scode=-2147024891, desc=f"cannot run {command!r}") from None


def run(command: object, wait: object) -> int:
    """Run ``command`` with this process's streams; its exit code if ``wait``, else 0."""
    process = start(command, pipes=False)
    if not wait:  # a thread reaps it, as Windows closes the handle Run does not return
        threading.Thread(target=process.wait, name="wsh-run-reaper", daemon=True).start()
        return 0
    return process.wait()


class PipeStream:
    """A TextStream over one of a program's pipes: read (stdout, stderr) or written (stdin)."""

    _public_methods_: ClassVar[list[str]] = list(_STREAM_DISPIDS.values())
    _public_attrs_: ClassVar[list[str]] = ["AtEndOfStream", "AtEndOfLine"]
    _readonly_attrs_: ClassVar[list[str]] = _public_attrs_
    _dispid_to_func_: ClassVar[dict[int, str]] = _STREAM_DISPIDS
    _dispid_to_get_: ClassVar[dict[int, str]] = {10002: "AtEndOfStream", 10003: "AtEndOfLine"}

    def __init__(self, pipe: IO[bytes] | None, *, writing: bool) -> None:
        self._lock = threading.Lock()
        self._pipe = pipe
        self._writing = writing
        self._buffer = ""
        self._ended = pipe is None

    def _fill(self, least: int = 1) -> None:
        """Read until ``least`` characters wait or the pipe ends (under the lock)."""
        if self._writing:
            raise vb_error(BAD_FILE_MODE)
        while len(self._buffer) < least and not self._ended:
            assert self._pipe is not None
            chunk = self._pipe.read1(4096) if hasattr(self._pipe, "read1") else b""
            if not chunk:  # the program closed it: so does the stream
                self._ended = True
                self._pipe.close()
                break
            self._buffer += chunk.decode("utf-8", errors="replace")

    @property
    def at_end_of_stream(self) -> bool:
        """Whether the program closed the pipe and all was read (waits for either)."""
        with self._lock:
            self._fill()
            return not self._buffer

    @property
    def at_end_of_line(self) -> bool:
        """Whether the next character ends a line (or there is none)."""
        with self._lock:
            self._fill()
            return not self._buffer or self._buffer[0] in "\r\n"

    def read(self, count: int) -> str:
        """The next ``count`` characters (fewer at the end); 62 at the end."""
        with self._lock:
            self._fill(int(count))
            if not self._buffer and int(count):
                raise vb_error(INPUT_PAST_END)
            taken, self._buffer = self._buffer[: int(count)], self._buffer[int(count) :]
            return taken

    def read_line(self) -> str:
        """The next line, without its end; 62 at the end."""
        with self._lock:
            while "\n" not in self._buffer and not self._ended:
                self._fill(len(self._buffer) + 1)
            if not self._buffer:
                raise vb_error(INPUT_PAST_END)
            line, found, rest = self._buffer.partition("\n")
            self._buffer = rest
            return line[:-1] if found and line.endswith("\r") else line

    def read_all(self) -> str:
        """All the program writes until it closes the pipe; 62 if nothing is left."""
        with self._lock:
            while not self._ended:
                self._fill(len(self._buffer) + 1)
            if not self._buffer:
                raise vb_error(INPUT_PAST_END)
            taken, self._buffer = self._buffer, ""
            return taken

    def skip(self, count: int) -> None:
        """Skip ``count`` characters."""
        self.Read(count)

    def skip_line(self) -> None:
        """Skip a line."""
        self.ReadLine()

    def _write(self, text: str) -> None:
        with self._lock:
            if not self._writing or self._pipe is None:
                raise vb_error(BAD_FILE_MODE)
            try:
                self._pipe.write(text.encode("utf-8", errors="replace"))
                self._pipe.flush()
            except OSError:
                raise vb_error(-2146828218) from None  # the program is gone: permission denied

    def write(self, text: object) -> None:
        """Write ``text`` to the program."""
        self._write("" if text is None else str(text))

    def write_line(self, text: object = "") -> None:
        """Write ``text`` and a line's end (CR LF)."""
        self._write(("" if text is None else str(text)) + "\r\n")

    def write_blank_lines(self, count: int) -> None:
        """Write ``count`` line ends."""
        self._write("\r\n" * int(count))

    def __del__(self) -> None:
        """Close the pipe when the last client lets the stream go (as a released handle)."""
        pipe = getattr(self, "_pipe", None)
        if pipe is not None:
            pipe.close()

    def close(self) -> None:
        """Close the pipe (the program then reads its end)."""
        with self._lock:
            pipe, self._pipe = self._pipe, None
            self._ended = True
        if pipe is not None:
            pipe.close()

    # Automation's names
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


class ScriptExec:
    """WshScriptExec: a started program, its status, exit code, id and pipes."""

    _type_info_ = ("{F935DC20-1CF0-11D0-ADB9-00C04FD58A0B}", (1, 0), "IWshExec")

    _public_methods_: ClassVar[list[str]] = ["Terminate"]
    _public_attrs_: ClassVar[list[str]] = [
        "Status", "StdIn", "StdOut", "StdErr", "ProcessID", "ExitCode",
    ]  # fmt: skip
    _readonly_attrs_: ClassVar[list[str]] = _public_attrs_

    def __init__(self, command: object) -> None:
        self._process = start(command, pipes=True)
        self._in = wrap(PipeStream(self._process.stdin, writing=True))
        self._out = wrap(PipeStream(self._process.stdout, writing=False))
        self._err = wrap(PipeStream(self._process.stderr, writing=False))
        self.ProcessID = self._process.pid

    @property
    def status(self) -> int:
        """0 while the program runs, 1 once it ended."""
        return 0 if self._process.poll() is None else 1

    @property
    def exit_code(self) -> int:
        """The program's exit code (0 while it runs)."""
        code = self._process.poll()
        return 0 if code is None else code

    @property
    def std_in(self) -> object:
        """The program's standard input, to write."""
        return self._in

    @property
    def std_out(self) -> object:
        """The program's standard output, to read."""
        return self._out

    @property
    def std_err(self) -> object:
        """The program's standard error, to read."""
        return self._err

    def terminate(self) -> None:
        """End the program (SIGTERM)."""
        if self._process.poll() is None:
            self._process.terminate()

    # Automation's names
    Status = status
    ExitCode = exit_code
    StdIn = std_in
    StdOut = std_out
    StdErr = std_err
    Terminate = terminate
