"""pywin32's ``pywin32_testutil``: the unittest runner pywin32's own tests run under.

pywin32 installs this module beside ``win32api`` (its ``win32/lib``); its test files end with
``testmain()``. What the runner adds to unittest's, and pywin32's tests count on:

* every test case runs wrapped (:class:`LeakTestCase`): after it passed, the process must hold
  no more COM interface objects and gateways than before it (after a collection), or the test
  fails with the numbers leaked. A debug build of Python (``sys.gettotalrefcount``) also
  reruns it to look for lost references; a release build runs it once.
* a few errors are *skips*, not errors (:class:`TestResult`): ``pywintypes.error`` with
  ERROR_ACCESS_DENIED or ERROR_PRIVILEGE_NOT_HELD for a user who is not an administrator,
  ``com_error`` with CO_E_CLASSSTRING, REGDB_E_CLASSNOTREG or TYPE_E_LIBNOTREGISTERED (a
  class or type library not registered), and NotImplementedError; the run ends with one
  ``SKIPPED: N tests - reason`` line per reason.

Everything here runs on the thread that runs the tests.
"""

from __future__ import annotations

import gc
import os
import site
import sys
import unittest
from collections import Counter
from typing import TYPE_CHECKING, Any, TypeAlias, cast

from . import pythoncom, pywintypes, winerror
from .win32com.shell.shell import IsUserAnAdmin

if TYPE_CHECKING:
    from types import ModuleType, TracebackType

__all__ = [
    "LeakTestCase",
    "TestLoader",
    "TestProgram",
    "TestResult",
    "TestRunner",
    "find_test_fixture",
    "non_admin_error_codes",
    "testmain",
]

_Test: TypeAlias = "unittest.TestCase | unittest.TestSuite"
_ExcInfo: TypeAlias = (
    "tuple[type[BaseException], BaseException, TracebackType] | tuple[None, None, None]"
)

non_admin_error_codes = {winerror.ERROR_ACCESS_DENIED, winerror.ERROR_PRIVILEGE_NOT_HELD}
"""Windows errors that mean "run me elevated": a skip for a user who is not an administrator."""

_NOT_REGISTERED = frozenset(
    {winerror.CO_E_CLASSSTRING, winerror.REGDB_E_CLASSNOTREG, winerror.TYPE_E_LIBNOTREGISTERED}
)
_LEAK_RERUNS = 2  # reruns of a passed test in a debug build, to see references lost per run


class LeakTestCase(unittest.TestCase):
    """Runs another test, then fails it if COM objects or (debug builds) references leaked.

    The test runner wraps every test in one; a test with a true ``no_leak_tests``
    attribute is left unwrapped (:meth:`TestLoader._getTestWrapper`).
    """

    def __init__(self, real_test: unittest.TestCase) -> None:
        super().__init__()
        self.real_test = real_test
        self.num_leak_iters = _LEAK_RERUNS
        self.num_test_cases = 1 + (_LEAK_RERUNS if hasattr(sys, "gettotalrefcount") else 0)

    def countTestCases(self) -> int:
        """1, or 1 + the reruns of a debug build."""
        return self.num_test_cases

    def __call__(self, result: unittest.TestResult | None = None) -> None:
        """Run the wrapped test into ``result``; a pass that leaked adds a failure."""
        if result is None:
            result = self.defaultTestResult()
        gc.collect()
        interfaces, gateways = pythoncom._GetInterfaceCount(), pythoncom._GetGatewayCount()
        self.real_test(result)
        if result.shouldStop or not result.wasSuccessful():
            return  # a failure says enough; leak figures would only add noise
        self._do_leak_tests(result)
        gc.collect()
        lost_interfaces = pythoncom._GetInterfaceCount() - interfaces
        lost_gateways = pythoncom._GetGatewayCount() - gateways
        if lost_interfaces or lost_gateways:
            leaked = AssertionError(
                f"{lost_interfaces} interface objects and {lost_gateways} gateway objects "
                "leaked: release every COM object the test made (del it, or close it) "
                "before the test ends"
            )
            result.addFailure(self.real_test, (AssertionError, leaked, None))  # type: ignore[arg-type]

    def runTest(self) -> None:
        """Not used: calling the case runs the test it wraps."""
        raise NotImplementedError("a LeakTestCase runs the test it wraps, not one of its own")

    def _do_leak_tests(self, result: unittest.TestResult) -> None:
        total_refcount = getattr(sys, "gettotalrefcount", None)
        if total_refcount is None:
            return  # a release build counts no references
        gc.collect()
        before = total_refcount()
        for _ in range(self.num_leak_iters):
            self.real_test(result)
            if result.shouldStop:
                break
        gc.collect()
        # Whole references per run: a stray reference or two does not fail the test.
        lost = (total_refcount() - before) // self.num_leak_iters
        if lost:
            what = f"lost {lost}" if lost > 0 else f"appeared to gain {-lost}"
            leak = AssertionError(f"LeakTest: {self.real_test} {what} references")
            result.addFailure(self.real_test, (AssertionError, leak, None))  # type: ignore[arg-type]


class TestLoader(unittest.TestLoader):
    """unittest's loader, wrapping each test case it loads in a :class:`LeakTestCase`.

    A module with a ``suite()`` function is loaded through it (pywin32's COM tests pick
    their tests so).
    """

    def loadTestsFromTestCase(self, testCaseClass: type[unittest.TestCase]) -> unittest.TestSuite:
        """A suite of the class's tests, each wrapped."""
        names = self.getTestCaseNames(testCaseClass)
        return self.suiteClass([self._getTestWrapper(testCaseClass(name)) for name in names])

    def fixupTestsForLeakTests(self, test: _Test) -> _Test:
        """Wrap ``test``, or each test of a suite (in place), for the leak check."""
        if isinstance(test, unittest.TestSuite):
            setattr(test, "_tests", [self.fixupTestsForLeakTests(t) for t in test])  # noqa: B010
            return test
        return self._getTestWrapper(test)

    def _getTestWrapper(self, test: unittest.TestCase) -> unittest.TestCase:
        if getattr(test, "no_leak_tests", False):
            print("Test says it doesn't want leak tests!")
            return test
        return LeakTestCase(test)

    def loadTestsFromModule(
        self, module: ModuleType, *args: object, **kwargs: object
    ) -> unittest.TestSuite:
        """The module's tests (its ``suite()`` when it has one), each wrapped."""
        suite = getattr(module, "suite", None)
        tests = suite() if suite is not None else super().loadTestsFromModule(module)
        return cast("unittest.TestSuite", self.fixupTestsForLeakTests(tests))

    def loadTestsFromName(  # type: ignore[override]
        self, name: str, module: ModuleType | None = None
    ) -> _Test:
        """Unittest's test by name, as unittest loads it; a single test case comes wrapped."""
        test = super().loadTestsFromName(name, module)
        if isinstance(test, unittest.TestCase):
            return self._getTestWrapper(test)
        return test  # a suite (or what a callable returned) is run as it is


def find_test_fixture(basename: str, extra_dir: str = ".") -> str:
    """The path of a test's data file: beside the running script, in ``extra_dir``, or here.

    Missing from an installed pywin32 (tests run from site-packages), the test is skipped;
    missing from a source tree, that is an error (RuntimeError).
    """
    places = (os.path.dirname(sys.argv[0]), extra_dir, ".")
    for place in places:
        candidate = os.path.join(place, basename)
        if os.path.isfile(candidate):
            return candidate
    script = os.path.normcase(os.path.abspath(sys.argv[0]))
    installed = [*site.getsitepackages(), *([site.USER_SITE] if site.USER_SITE else [])]
    for folder in map(os.path.normcase, installed):
        if os.path.commonpath([script, folder]) == folder:
            raise unittest.SkipTest(f"Can't find test fixture '{candidate}'")
    raise RuntimeError(
        f"Can't find test fixture '{candidate}': put {basename} beside the test "
        f"({places[0] or '.'}) or pass its folder as extra_dir"
    )


class TestResult(unittest.TextTestResult):
    """unittest's text result, counting the errors named in the module's docstring as skips."""

    def addError(self, test: unittest.TestCase, err: _ExcInfo) -> None:
        """Record an error, or a skip for the errors that mean "cannot run here"."""
        if _is_a_skip(err[1]):
            self.addSkip(test, str(err[1]))
            return
        super().addError(test, err)

    def printErrors(self) -> None:
        """Report failures as unittest does, then one line per reason tests were skipped."""
        super().printErrors()
        for reason, count in Counter(reason for _, reason in self.skipped).items():
            self.stream.writeln(f"SKIPPED: {count} tests - {reason}")


def _is_a_skip(error: BaseException | None) -> bool:
    if isinstance(error, pywintypes.error) and not isinstance(error, pywintypes.com_error):
        return error.winerror in non_admin_error_codes and not IsUserAnAdmin()
    if isinstance(error, pywintypes.com_error):
        return error.hresult in _NOT_REGISTERED
    return isinstance(error, NotImplementedError)


class TestRunner(unittest.TextTestRunner):
    """unittest's text runner with :class:`TestResult`."""

    def _makeResult(self) -> unittest.TextTestResult:
        return TestResult(self.stream, self.descriptions, self.verbosity)


class TestProgram(unittest.TestProgram):
    """unittest's main program with :class:`TestRunner` (whatever runner it was given)."""

    def runTests(self) -> None:
        """Run with :class:`TestRunner`, at the verbosity asked."""
        self.testRunner = TestRunner(verbosity=self.verbosity)
        super().runTests()


def testmain(*args: object, **kwargs: object) -> None:
    """Run the tests of ``__main__`` as pywin32's tests run.

    :class:`TestLoader` (leak checks) unless ``testLoader`` is given, through ``testProgram``
    (default :class:`TestProgram`); exits the process with unittest's status, as
    ``unittest.main`` does.
    """
    options = dict(kwargs)
    options.setdefault("testLoader", TestLoader())
    program: Any = options.pop("testProgram", TestProgram)
    program(*args, **options)
