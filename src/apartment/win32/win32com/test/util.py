"""pywin32's ``win32com.test.util``: the helpers pywin32's COM tests share.

Registration of a test's Python COM server on demand (:func:`RegisterPythonServer`), a check
that no COM object outlived the tests (:func:`CheckClean`), running a command and checking its
output (:func:`ExecuteShellCommand`, :class:`ShellTestCase`), capturing what a test prints
(:class:`CaptureWriter`, :func:`CapturingFunctionTestCase`), capturing ``win32com``'s log
(:func:`setup_test_logger`), and :func:`testmain` (``pywin32_testutil``'s runner, then the
check). Everything runs on the calling thread; commands run in child processes.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import unittest
from typing import TYPE_CHECKING, Any, TextIO, cast

from ... import pythoncom, pywin32_testutil, pywintypes, winerror, winreg
from ... import win32com as _win32com
from ..shell.shell import IsUserAnAdmin

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "CaptureWriter",
    "CapturingFunctionTestCase",
    "CheckClean",
    "ExecuteShellCommand",
    "LogHandler",
    "RegisterPythonServer",
    "ShellTestCase",
    "TestCase",
    "assertRaisesCOM_HRESULT",
    "restore_test_logger",
    "setup_test_logger",
    "testmain",
]

TestCase = unittest.TestCase


def CheckClean() -> None:
    """Print a warning for each kind of COM object (interfaces, gateways) still alive."""
    interfaces = pythoncom._GetInterfaceCount()
    if interfaces:
        print(f"Warning - {interfaces} com interface objects still alive")
    gateways = pythoncom._GetGatewayCount()
    if gateways:
        print(f"Warning - {gateways} com gateway objects still alive")


def _registered(progid: str) -> bool:
    """True when ``progid`` names a class served in-process by this Python's pythoncom.

    A class whose InprocServer32 names another DLL, or none, is registered afresh.
    """
    try:
        clsid = pywintypes.IID(progid)
        with winreg.OpenKey(winreg.HKEY_CLASSES_ROOT, f"CLSID\\{clsid}") as key:
            server = winreg.QueryValue(key, "InprocServer32")
    except (pythoncom.com_error, OSError):
        return False
    major, minor = sys.version_info[:2]
    ours = {os.path.basename(pythoncom.__file__ or ""), f"pythoncomloader{major}{minor}.dll"}
    return os.path.basename(server) in ours


def RegisterPythonServer(
    filename: str, progids: str | list[str] | None = None, verbose: int = 0
) -> None:
    """Register the COM server(s) the Python file ``filename`` defines.

    Unless every ProgID of ``progids`` is registered already, served by this Python's
    pythoncom.
    Registering runs the file with ``--unattended`` in a child process (on the facade, as
    ``python -m apartment run`` runs programs); a user who is not an administrator cannot
    register, and gets ``com_error`` CO_E_CLASSSTRING (pywin32's test runner counts that as
    a skip). A registration that fails raises RuntimeError.
    """
    names = [progids] if isinstance(progids, str) else list(progids or [])
    if names and all(_registered(name) for name in names):
        return
    if not IsUserAnAdmin():
        what = repr(names[0]) if names else repr(filename)
        raise pythoncom.com_error(
            winerror.CO_E_CLASSSTRING,
            f"{what} isn't registered, but I'm not an administrator who can register it.",
            None,
            -1,
        )
    command = [sys.executable, "-m", "apartment", "run", filename, "--unattended"]
    if verbose:
        print("Registering engine", filename)
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if done.returncode:
        print("Registration command was:")
        print(subprocess.list2cmdline(command))
        raise RuntimeError(f"Registration of engine '{filename}' failed")


class _Failed(Exception):
    """Why a command run by :func:`ExecuteShellCommand` did not do what was expected."""


def ExecuteShellCommand(
    cmd: str,
    testcase: unittest.TestCase,
    expected_output: str | None = None,
    tracebacks_ok: int = 0,
) -> str | None:
    """Run the shell command ``cmd``, its output and errors captured; returns the output.

    ``testcase`` fails when the command exits with a status, prints other than
    ``expected_output`` (when given; '' expects nothing) or prints a traceback (unless
    ``tracebacks_ok``). The output is returned stripped.
    """
    done = subprocess.run(
        cmd, shell=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, check=False
    )
    output = done.stdout.decode(errors="replace").strip()
    try:
        if done.returncode:
            raise _Failed(f"exit code was {done.returncode}")
        if expected_output is not None and output != expected_output:
            raise _Failed(f"Expected output {expected_output!r} (got {output!r})")
        if not tracebacks_ok and "Traceback (most recent call last)" in output:
            raise _Failed("traceback in program output")
    except _Failed as why:
        print(f"Failed to exec command '{cmd!r}'")
        print("Failed as", why)
        print("** start of program output **")
        print(output)
        print("** end of program output **")
        testcase.fail(f"Executing '{cmd}' failed as {why}")
    return output


def assertRaisesCOM_HRESULT(
    testcase: unittest.TestCase,
    hresult: int,
    func: Callable[..., object],
    *args: object,
    **kw: object,
) -> None:
    """Fail ``testcase`` unless ``func(*args, **kw)`` raises ``com_error`` with ``hresult``."""
    try:
        func(*args, **kw)
    except pythoncom.com_error as error:
        if error.hresult == hresult:
            return
    testcase.fail(f"Excepected COM exception with HRESULT 0x{hresult & 0xFFFFFFFF:x}")


class CaptureWriter:
    """Stands in for ``sys.stdout`` and ``sys.stderr`` while capturing, keeping what is written."""

    def __init__(self) -> None:
        self.old_out: TextIO | None = None
        self.old_err: TextIO | None = None
        self.captured: list[str] = []

    def capture(self) -> None:
        """Start capturing: what is printed to stdout or stderr is kept instead."""
        self.clear()
        self.old_out, self.old_err = sys.stdout, sys.stderr
        sys.stdout = sys.stderr = cast("TextIO", self)

    def release(self) -> None:
        """Stop capturing: stdout and stderr are the streams they were."""
        if self.old_out:
            sys.stdout, self.old_out = self.old_out, None
        if self.old_err:
            sys.stderr, self.old_err = self.old_err, None

    def clear(self) -> None:
        """Forget what was captured."""
        self.captured = []

    def write(self, msg: str) -> None:
        """Keep ``msg`` (the stream's write)."""
        self.captured.append(msg)

    def flush(self) -> None:
        """Nothing to flush: what is written is kept in memory."""

    def get_captured(self) -> str:
        """Everything captured, as one string."""
        return "".join(self.captured)

    def get_num_lines_captured(self) -> int:
        """The lines of :meth:`get_captured` (a trailing newline starts an empty one)."""
        return len(self.get_captured().split("\n"))


class LogHandler(logging.Handler):
    """Keeps the records logged (``emitted``) instead of printing them."""

    def __init__(self) -> None:
        super().__init__()
        self.emitted: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Keep ``record``."""
        self.emitted.append(record)


_test_logger: logging.Logger | None = None


def setup_test_logger() -> tuple[list[logging.LogRecord], object]:
    """Make ``win32com.logger`` a logger that keeps its records.

    Returns the list the records go to (emptied) and the logger it replaced, or None.
    """
    global _test_logger
    win32com_names = vars(_win32com)
    previous = win32com_names.get("logger")
    if _test_logger is None:
        _test_logger = logging.Logger("test")
        _test_logger.addHandler(LogHandler())
    win32com_names["logger"] = _test_logger
    handler = _test_logger.handlers[0]
    assert isinstance(handler, LogHandler)
    handler.emitted = []
    return handler.emitted, previous


def restore_test_logger(prev_logger: object) -> None:
    """Undo :func:`setup_test_logger` (its second result, None, is the only one expected)."""
    assert prev_logger is None, "who needs this?"
    vars(_win32com).pop("logger", None)


class _CapturingFunctionTestCase(unittest.FunctionTestCase):
    """A function test whose output is captured; a traceback in it makes the test an error."""

    def __call__(self, result: unittest.TestResult | None = None) -> None:
        if result is None:
            result = self.defaultTestResult()
        writer = CaptureWriter()
        writer.capture()
        try:
            unittest.FunctionTestCase.__call__(self, result)
        finally:
            writer.release()
        output = writer.get_captured()
        self.checkOutput(output, result)
        if getattr(result, "showAll", False):
            print(output)

    def checkOutput(self, output: str, result: unittest.TestResult) -> None:
        if "Traceback" in output:
            result.errors.append((self, f"Test output contained a traceback\n---\n{output}\n---"))


def CapturingFunctionTestCase(*args: Any, **kw: Any) -> unittest.TestCase:  # noqa: ANN401
    """A function test whose output is captured and checked for tracebacks.

    Takes unittest.FunctionTestCase's arguments; the test comes wrapped for pywin32's leak
    check.
    """
    return pywin32_testutil.LeakTestCase(_CapturingFunctionTestCase(*args, **kw))


class ShellTestCase(unittest.TestCase):
    """A test that runs a shell command and checks its output (:func:`ExecuteShellCommand`)."""

    def __init__(self, cmd: str, expected_output: str | None) -> None:
        self.__cmd = cmd
        self.__eo = expected_output
        super().__init__()

    def runTest(self) -> None:
        """Run the command; the test fails as :func:`ExecuteShellCommand` says."""
        ExecuteShellCommand(self.__cmd, self, self.__eo)

    def __str__(self) -> str:
        shown = self.__cmd if len(self.__cmd) <= 30 else self.__cmd[:30] + "..."
        return "exec: " + shown


def testmain(*args: object, **kw: object) -> None:
    """Run the tests of ``__main__`` as ``pywin32_testutil.testmain`` does, then CheckClean.

    The check is reached when the runner is told not to exit (``exit=False``).
    """
    pywin32_testutil.testmain(*args, **kw)
    CheckClean()
