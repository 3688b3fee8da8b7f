"""The message layer: per-thread queues, windows owned by their thread, pumping.

Built on the kernel layer: a thread's queue can be waited on beside kernel objects
(``msg_wait_any``), and both can be awaited from asyncio.

The names are re-exported from ``_exports`` and each private module is imported when one of
its names is first used (:mod:`apartment._lazy`): a short-lived process (a local server) pays
only for what it uses. Imported here at once: the constant modules re-exported whole, and the
modules whose import plugs something into a hook or a table that must be there before they
are used.
"""

from typing import TYPE_CHECKING

from . import _caret as _caret  # a queue-end hook
from . import _clipboard as _clipboard  # thread-exit and window hooks: the clipboard's owner
from . import _clipboard_viewer as _clipboard_viewer  # a window-gone hook: the viewer chain
from . import _destroy as _destroy  # a queue-end hook: a dead thread's windows
from . import _dialogs as _dialogs  # the dialog box's system classes ("Button", "Edit"...)
from . import _focus as _focus  # queue-end and window-gone hooks
from . import _hotkeys as _hotkeys  # queue-end and window-gone hooks
from . import _notifyicon as _notifyicon  # a window-gone hook
from . import _post as _post  # post_thread_message's way to other processes
from . import _scroll as _scroll  # a window-gone hook
from . import _trackmenu as _trackmenu  # a window-gone hook
from ._clipboard_formats import *  # noqa: F403
from ._clipboard_formats import __all__ as _format_names
from ._constants import *  # noqa: F403
from ._constants import __all__ as _constant_names
from ._gui_constants import *  # noqa: F403
from ._gui_constants import __all__ as _gui_constant_names
from ._menu_constants import *  # noqa: F403
from ._menu_constants import __all__ as _menu_constant_names
from ._styles import *  # noqa: F403
from ._styles import __all__ as _style_names
from ._windowlong import *  # noqa: F403
from ._windowlong import __all__ as _window_long_names

if TYPE_CHECKING:
    from ._exports import *  # noqa: F403
    from ._exports import __all__ as _lazy_names
else:
    from .._lazy import lazy_exports

    __getattr__, __dir__, _lazy_names = lazy_exports(__name__)

__all__ = [
    *_constant_names,
    *_format_names,
    *_style_names,
    *_gui_constant_names,
    *_window_long_names,
    *_menu_constant_names,
    *_lazy_names,
]
