"""The core's Win32Error and ComError print as pywin32's classes and pickle without the facade.

They *are* ``pywintypes.error`` and ``pywintypes.com_error`` in the facade, so ``type(e)`` and
tracebacks name them so (as pywin32's programs print them); a pickle names them by where they
live in :mod:`apartment.errors`, so a process that never imported the facade loads it.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
import traceback

from apartment import errors


def test_the_plain_classes_print_as_pywintypes() -> None:
    assert repr(errors.Win32Error) == "<class 'pywintypes.error'>"
    assert repr(errors.ComError) == "<class 'pywintypes.com_error'>"
    error = errors.Win32Error(6, "CloseHandle", "The handle is invalid.")
    assert traceback.format_exception_only(type(error), error)[0].startswith("pywintypes.error: (6")


def test_the_named_subclasses_keep_their_own_names() -> None:
    assert repr(errors.InvalidHandleError) == "<class 'apartment.errors.InvalidHandleError'>"
    assert errors.NotInitializedError.__module__ == "apartment.errors"


def test_a_pickle_loads_in_a_process_without_the_facade() -> None:
    pickled = pickle.dumps(
        [
            errors.Win32Error(6, "CloseHandle", "The handle is invalid."),
            errors.ComError(-2147221164, "Class not registered", None, None),
            errors.InvalidHandleError("a closed handle"),
        ]
    )
    script = (
        "import pickle, sys\n"
        "loaded = pickle.loads(sys.stdin.buffer.read())\n"
        "print([(type(e).__name__, e.args) for e in loaded])\n"
        "print('pywintypes' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], input=pickled, capture_output=True, check=True, timeout=60
    )
    printed = done.stdout.decode().splitlines()
    assert printed == [
        "[('error', (6, 'CloseHandle', 'The handle is invalid.')), "
        "('com_error', (-2147221164, 'Class not registered', None, None)), "
        "('InvalidHandleError', (6, '', 'The handle is invalid.'))]",
        "False",
    ]
