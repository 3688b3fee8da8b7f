"""The contract tests import pywin32's module names; here they load the apartment facade.

The same files run on the real pywin32 under Wine with ``make oracle``, where this conftest
is replaced by a minimal one. The oracle copies only the ``test_*.py`` files, so each file
carries its own helpers: the repetition between the message files cannot move to a shared
module.
"""

from apartment.win32 import install

install()
