"""Our stand-in for pywin32's ``win32com.test.util``, which pywin32's own tests import.

pywin32's module finds a test server's registration through ``winreg`` in
HKEY_CLASSES_ROOT\\CLSID (here COM classes live in the class registry, which ``winreg``'s
HKEY_CURRENT_USER does not show), and registers one by running it with ``--unattended`` through
``os.system`` into ``nul``; it also imports ``IsUserAnAdmin`` from ``win32com.shell.shell``,
which the facade lacks. ``import winreg`` itself works now (``apartment.win32.winreg``), but
the rest keeps this stand-in. It offers the
same names with the same meaning over the apartment facade: a server is registered in the
class registry ``$APARTMENT_REGISTRY``, as ``python -m apartment register`` does.
Only the names pywin32's tests use are here.
"""

from __future__ import annotations

import logging
import sys
import unittest
from typing import Any

import pythoncom
import win32com

__all__ = [
    "CheckClean",
    "RegisterPythonServer",
    "assertRaisesCOM_HRESULT",
    "CaptureWriter",
    "setup_test_logger",
    "restore_test_logger",
    "TestCase",
    "CapturingFunctionTestCase",
    "testmain",
]

TestCase = unittest.TestCase


def CheckClean() -> None:  # noqa: N802 - pywin32's name
    """Warn about COM objects still alive, as pywin32's helper does."""
    for what, count in (
        ("interface", pythoncom._GetInterfaceCount()),
        ("gateway", pythoncom._GetGatewayCount()),
    ):
        if count:
            print(f"Warning - {count} com {what} objects still alive")


def RegisterPythonServer(filename: str, progids: object = None, verbose: int = 0) -> None:  # noqa: N802
    """Register the COM classes a server file defines (``python -m apartment register``)."""
    from apartment import _registry_cli

    if _registry_cli.register_main([filename]) != 0:
        raise RuntimeError(f"registration of {filename!r} failed")


def assertRaisesCOM_HRESULT(  # noqa: N802
    testcase: unittest.TestCase, hresult: int, func: Any, *args: Any, **kw: Any
) -> None:
    """Fail ``testcase`` unless ``func`` raises com_error with ``hresult``."""
    try:
        func(*args, **kw)
    except pythoncom.com_error as details:
        if details.hresult == hresult:
            return
    testcase.fail(f"Expected a COM exception with HRESULT {hresult:#x}")


class CaptureWriter:
    """Capture what is written to stdout and stderr between capture() and release()."""

    def __init__(self) -> None:
        self.old_out: Any = None
        self.old_err: Any = None
        self.captured: list[str] = []

    def capture(self) -> None:
        self.clear()
        self.old_out, self.old_err = sys.stdout, sys.stderr
        sys.stdout = sys.stderr = self

    def release(self) -> None:
        if self.old_out is not None:
            sys.stdout, self.old_out = self.old_out, None
        if self.old_err is not None:
            sys.stderr, self.old_err = self.old_err, None

    def clear(self) -> None:
        self.captured = []

    def write(self, msg: str) -> None:
        self.captured.append(msg)

    def flush(self) -> None:
        return None

    def get_captured(self) -> str:
        return "".join(self.captured)

    def get_num_lines_captured(self) -> int:
        return len(self.get_captured().split("\n"))


class _RecordHandler(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.emitted: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.emitted.append(record)


_test_logger: logging.Logger | None = None


def setup_test_logger() -> tuple[list[logging.LogRecord], Any]:
    """Point ``win32com.logger`` at a logger that records; return (records, previous)."""
    global _test_logger
    previous = getattr(win32com, "logger", None)
    if _test_logger is None:
        _test_logger = logging.Logger("test")
        _test_logger.addHandler(_RecordHandler())
    win32com.logger = _test_logger
    handler = _test_logger.handlers[0]
    assert isinstance(handler, _RecordHandler)
    handler.emitted = []
    return handler.emitted, previous


def restore_test_logger(previous: Any) -> None:
    """Undo setup_test_logger."""
    if previous is None:
        del win32com.logger
    else:
        win32com.logger = previous


class _CapturingFunctionTestCase(unittest.FunctionTestCase):
    """A function test that fails when its output holds a traceback."""

    def __call__(self, result: Any = None) -> Any:
        if result is None:
            result = self.defaultTestResult()
        writer = CaptureWriter()
        writer.capture()
        try:
            unittest.FunctionTestCase.__call__(self, result)
        finally:
            writer.release()
        output = writer.get_captured()
        if "Traceback" in output:
            result.errors.append((self, f"Test output contained a traceback\n---\n{output}\n---"))
        return result


def CapturingFunctionTestCase(*args: Any, **kw: Any) -> unittest.TestCase:  # noqa: N802
    return _CapturingFunctionTestCase(*args, **kw)


def testmain(*args: Any, **kw: Any) -> None:
    """Run the calling module's tests (unittest.main), then CheckClean."""
    kw["exit"] = False
    program = unittest.main(*args, **kw)
    CheckClean()
    if not program.result.wasSuccessful():
        raise SystemExit(1)
