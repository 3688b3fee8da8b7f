"""apartment: the Win32 threading model and COM apartments for Python, on any platform.

Two faces over one core: this package's Pythonic API (``apartment.kernel`` and the names
re-exported here), and ``apartment.win32``, modules named and shaped like pywin32's.

The names here are imported when first used (:mod:`apartment._lazy`): importing a
subpackage (``apartment.com``) does not import them.
"""

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from ._exports import *  # noqa: F403
    from ._exports import __all__ as __all__
else:
    from ._lazy import lazy_exports

    __getattr__, __dir__, __all__ = lazy_exports(__name__)
