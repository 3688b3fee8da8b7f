"""The kernel layer: waitable objects, the wait engine, threads, processes, handles, files.

Everything here is Win32's kernel object model in Python spelling; nothing above this layer
is imported.

The names are re-exported from ``_exports`` and each private module is imported when one of
its names is first used (:mod:`apartment._lazy`): a short-lived process (a local server) pays
only for what it uses. The modules imported here at once are those whose import plugs
something into a shared table or a hook that must be there before they are used.
"""

from typing import TYPE_CHECKING

from . import _handles as _handles  # a gc callback that closes collected handles
from . import _inherit as _inherit  # a session death hook: a dead process's inbox
from . import _iocp as _iocp  # a thread-exit hook
from . import _procinfo as _procinfo  # a thread-exit hook: the end times of threads
from . import _records as _records  # session death and fork hooks
from . import _sectionstore as _sectionstore  # the free hook of shared sections
from . import _shared_async as _shared_async  # plugs awaited shared waits into the engine
from . import _shared_timer as _shared_timer  # a session death hook: a dead process's timers
from . import _shared_wait as _shared_wait  # plugs shared waits into the engine
from . import _wait as _wait  # the engine's single-object wait

if TYPE_CHECKING:
    from ._exports import *  # noqa: F403
    from ._exports import __all__ as __all__
else:
    from .._lazy import lazy_exports

    __getattr__, __dir__, __all__ = lazy_exports(__name__)
