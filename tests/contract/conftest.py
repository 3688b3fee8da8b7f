"""The contract tests import pywin32's module names; here they load the apartment facade.

The same files run on the real pywin32 under Wine with ``make oracle``, where this conftest
is replaced by a minimal one. The oracle copies the other ``*.py`` files of this folder too,
so the helpers the test files share live in ``_kernel.py`` and ``_messages.py``; fixtures
among them are imported by each test module that uses them, since no conftest holds them there.
"""

from apartment.win32 import install

install(runtime=True)
