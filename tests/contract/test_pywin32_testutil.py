"""pywin32's test helpers, ``pywin32_testutil`` and ``win32com.test.util``: the rules pywin32's
own tests count on (which errors are skips, the COM leak check, fixtures, the helpers).

Runs on the facade and on the oracle (pywin32's own modules).
"""

from __future__ import annotations

import io
import os
import sys
import unittest
from typing import TYPE_CHECKING

import pytest
import pythoncom
import pywin32_testutil
import pywintypes
import win32com.test.util
import winerror

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path


def _run(*tests: Callable[[unittest.TestCase], None]) -> tuple[unittest.TestResult, str]:
    """Run functions as test methods through pywin32's loader and runner."""
    case = type("Case", (unittest.TestCase,), {f"test_{i}": t for i, t in enumerate(tests)})
    suite = pywin32_testutil.TestLoader().loadTestsFromTestCase(case)
    out = io.StringIO()
    result = pywin32_testutil.TestRunner(stream=out, verbosity=0).run(suite)
    return result, out.getvalue()


def _not_registered(self: unittest.TestCase) -> None:
    raise pythoncom.com_error(winerror.REGDB_E_CLASSNOTREG, "Class not registered", None, None)


def _class_string(self: unittest.TestCase) -> None:
    raise pythoncom.com_error(winerror.CO_E_CLASSSTRING, "Invalid class string", None, None)


def _not_implemented(self: unittest.TestCase) -> None:
    raise NotImplementedError("not here")


def _other_com_error(self: unittest.TestCase) -> None:
    raise pythoncom.com_error(winerror.E_FAIL, "Unspecified error", None, None)


def _windows_error(self: unittest.TestCase) -> None:
    raise pywintypes.error(winerror.ERROR_FILE_NOT_FOUND, "CreateFile", "not found")


def test_unregistered_classes_and_not_implemented_are_skips() -> None:
    result, out = _run(_not_registered, _class_string, _not_implemented)
    assert result.wasSuccessful()
    assert (len(result.skipped), len(result.errors), result.testsRun) == (3, 0, 3)
    assert out.count("SKIPPED: 1 tests - ") == 3


def test_other_errors_stay_errors() -> None:
    result, _ = _run(_other_com_error, _windows_error)
    assert (len(result.errors), len(result.skipped)) == (2, 0)


def test_each_test_is_wrapped_for_the_leak_check() -> None:
    case = type("Case", (unittest.TestCase,), {"test_a": lambda self: None})
    suite = pywin32_testutil.TestLoader().loadTestsFromTestCase(case)
    (wrapped,) = list(suite)
    assert isinstance(wrapped, pywin32_testutil.LeakTestCase)
    assert wrapped.countTestCases() == (3 if hasattr(sys, "gettotalrefcount") else 1)
    marked = type("Marked", (unittest.TestCase,), {"no_leak_tests": True, "test_a": lambda s: None})
    (plain,) = list(pywin32_testutil.TestLoader().loadTestsFromTestCase(marked))
    assert not isinstance(plain, pywin32_testutil.LeakTestCase)


_kept: list[object] = []


def test_a_com_object_kept_after_a_test_is_a_failure() -> None:
    def leaks(self: unittest.TestCase) -> None:
        _kept.append(pythoncom.CreateBindCtx())

    result, _ = _run(leaks)
    _kept.clear()
    assert (len(result.failures), len(result.errors)) == (1, 0)
    assert "1 interface objects and 0 gateway objects leaked" in str(result.failures[0][1])


def test_a_com_object_released_in_the_test_is_fine() -> None:
    def releases(self: unittest.TestCase) -> None:
        context = pythoncom.CreateBindCtx()
        del context

    result, _ = _run(releases)
    assert result.wasSuccessful() and not result.failures


def test_non_admin_error_codes() -> None:
    assert pywin32_testutil.non_admin_error_codes == {
        winerror.ERROR_ACCESS_DENIED,
        winerror.ERROR_PRIVILEGE_NOT_HELD,
    }


def test_find_test_fixture_looks_in_extra_dir(tmp_path: Path) -> None:
    (tmp_path / "fixture.bin").write_bytes(b"x")
    found = pywin32_testutil.find_test_fixture("fixture.bin", str(tmp_path))
    assert os.path.samefile(found, tmp_path / "fixture.bin")


def test_find_test_fixture_missing_is_a_skip_or_an_error(tmp_path: Path) -> None:
    with pytest.raises((unittest.SkipTest, RuntimeError)):
        pywin32_testutil.find_test_fixture("no-such-fixture.bin", str(tmp_path))


def test_assert_raises_com_hresult() -> None:
    case = unittest.TestCase()

    def raises() -> None:
        _not_registered(case)

    win32com.test.util.assertRaisesCOM_HRESULT(case, winerror.REGDB_E_CLASSNOTREG, raises)
    with pytest.raises(AssertionError, match="HRESULT"):
        win32com.test.util.assertRaisesCOM_HRESULT(case, winerror.E_FAIL, raises)
    with pytest.raises(AssertionError):
        win32com.test.util.assertRaisesCOM_HRESULT(case, winerror.E_FAIL, lambda: None)


def test_a_class_served_by_another_dll_is_registered_afresh() -> None:
    # Scripting.Dictionary is scrrun.dll's, not pythoncom's: the file is run to register it
    # (an administrator) or the class counts as not registered (anybody else)
    with pytest.raises((RuntimeError, pythoncom.com_error)) as raised:
        win32com.test.util.RegisterPythonServer("no-such-file.py", "Scripting.Dictionary")
    if isinstance(raised.value, pythoncom.com_error):
        assert raised.value.hresult == winerror.CO_E_CLASSSTRING
    else:
        assert "Registration of engine 'no-such-file.py' failed" in str(raised.value)


def test_capture_writer_keeps_what_is_printed() -> None:
    writer = win32com.test.util.CaptureWriter()
    writer.capture()
    try:
        print("one")
        print("two", file=sys.stderr)
    finally:
        writer.release()
    assert writer.get_captured() == "one\ntwo\n"
    assert writer.get_num_lines_captured() == 3


def test_a_captured_traceback_is_an_error() -> None:
    def prints_a_traceback() -> None:
        print("Traceback (most recent call last):")

    test = win32com.test.util.CapturingFunctionTestCase(prints_a_traceback)
    result = unittest.TextTestResult(io.StringIO(), True, 0)  # type: ignore[type-var]
    test(result)
    assert len(result.errors) == 1 and "traceback" in result.errors[0][1]


def test_test_logger_keeps_win32com_records() -> None:
    import win32com

    records, previous = win32com.test.util.setup_test_logger()
    try:
        win32com.logger.warning("kept")
        assert [r.getMessage() for r in records] == ["kept"]
    finally:
        win32com.test.util.restore_test_logger(previous)
    assert not hasattr(win32com, "logger")


def test_shell_test_case_names_its_command() -> None:
    case = win32com.test.util.ShellTestCase("echo " + "x" * 40, "x")
    assert str(case) == "exec: " + ("echo " + "x" * 40)[:30] + "..."
