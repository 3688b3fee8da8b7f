"""Windows owned by their thread: the Window object, creating windows, dispatching to them.

A window belongs for life to the thread that created it: only that thread runs its window
procedure, which it does when it dispatches a posted message, when it handles a message sent
from another thread (inside its next get/peek), or directly for a send from the same thread.
A window procedure is a callable ``proc(hwnd, msg, wparam, lparam) -> int``.

A window is a real object with its class, procedure, style, text, place and size, parent
(for a WS_CHILD window) or owner (for a top-level one), children and visibility; nothing is
drawn. Creating and destroying it sends its procedure Windows' messages in Windows' order:

* creation: WM_NCCREATE, WM_CREATE, then (a child or popup window) WM_SIZE and WM_MOVE, then
  (a child) WM_PARENTNOTIFY to its parent, then (WS_VISIBLE) what ShowWindow sends. An
  overlapped window gets its first WM_SIZE and WM_MOVE from its first ShowWindow.
* destruction: (a child) WM_PARENTNOTIFY to its parent; (visible) the window is hidden; its
  owned windows are destroyed; WM_DESTROY to it and then to its children, top down;
  WM_NCDESTROY to its children and then to it, bottom up.

Showing, placing and naming a window is in ``_windowpos``; destroying it in ``_destroy``;
default handling in ``_defproc``; class registration in ``_wndclass``; posting in ``_post``;
the table of live windows in ``_window_table``.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any, final

from ..errors import (
    ERROR_INVALID_MENU_HANDLE,
    CreationRefusedError,
    InvalidWindowHandleError,
    TopLevelChildError,
    Win32Error,
    WindowOfOtherThreadError,
)
from ..kernel.lowlevel import KERNEL_LOCK, Waiter, wake_all
from ._constants import (
    HWND_MESSAGE,
    QS_PAINT,
    WM_CREATE,
    WM_NCCREATE,
    WM_NCDESTROY,
    WM_TIMER,
)
from ._destroy import destroy_window, forget, notify_parent
from ._hwnd_blocks import new_hwnd
from ._menus import is_menu
from ._params import CreateStruct
from ._post import post_message
from ._queue import THREAD_QUEUE, current_queue
from ._region import Region
from ._send import send_message
from ._styles import (
    SW_SHOW,
    WS_CAPTION,
    WS_CHILD,
    WS_CLIPSIBLINGS,
    WS_MAXIMIZE,
    WS_MINIMIZE,
    WS_POPUP,
    WS_VISIBLE,
)
from ._window_server import ensure_listening
from ._window_table import WINDOWS, window_of
from ._windowlong import edged
from ._windowpos import (
    DESKTOP_SIZE,
    client_rect,
    get_window_text,
    is_window_visible,
    move_window,
    send_size_and_move,
    set_window_pos,
    set_window_text,
    show_here,
    show_window,
    update_window,
    window_rect,
)
from ._wndclass import ensure_system_class, find_class

if TYPE_CHECKING:
    from ..kernel import ThreadHandle
    from ._queue import MessageQueue
    from ._wndclass import WindowClass

_NO_REGION = Region()  # regions are immutable: one empty one serves every window

__all__ = [
    "Window",
    "create_window",
    "dispatch_message",
]


@final
class Window:
    """A window, owned by the thread that created it. Only the runtime creates these.

    Its fields change on its own thread, under the kernel lock; other threads read them
    under the lock (or through the query functions). ``x``/``y`` are relative to the
    parent's client area; ``parent`` is the parent of a child window (0 for a top-level
    window, HWND_MESSAGE for a message-only one), ``owner`` the owner of a top-level window;
    ``children`` are the child windows, topmost first. ``menu`` is a top-level window's menu
    bar, ``user_data`` its GWL_USERDATA, ``layered`` its SetLayeredWindowAttributes values.
    """

    __slots__ = (
        "child_id",
        "children",
        "destroyed",
        "destroying",
        "ex_style",
        "height",
        "hwnd",
        "instance",
        "layered",
        "menu",
        "needs_size",
        "owner",
        "parent",
        "proc",
        "queue",
        "stamp",
        "style",
        "thread",
        "title",
        "update_region",
        "user_data",
        "wclass",
        "width",
        "x",
        "y",
    )

    def __init__(
        self,
        hwnd: int,
        wclass: WindowClass,
        title: str,
        parent: int,
        queue: MessageQueue,
    ) -> None:
        self.hwnd = hwnd
        self.wclass = wclass
        self.title = title
        self.parent = parent
        self.owner = 0
        self.style = 0
        self.ex_style = 0
        self.x = self.y = self.width = self.height = 0
        self.child_id = 0
        self.children: list[Window] = []
        self.needs_size = False
        self.proc = wclass.proc
        self.queue = queue
        self.thread: ThreadHandle = queue.thread
        self.destroyed = False
        self.destroying = False
        self.instance = 0
        self.user_data = 0  # GWL_USERDATA
        self.menu = 0  # a top-level window's menu bar (the hMenu of CreateWindowEx)
        self.layered: tuple[int, int, int] | None = None  # SetLayeredWindowAttributes' values
        self.update_region = _NO_REGION  # client coordinates; see invalidate()
        self.stamp = time.monotonic_ns()  # its place in the session's z-order (newer: higher)

    def __repr__(self) -> str:
        state = " destroyed" if self.destroyed else ""
        return (
            f"<Window {self.hwnd:#x} {self.wclass.name!r} of thread {self.thread.native_id}{state}>"
        )

    @property
    def message_only(self) -> bool:
        """True for a message-only window (created with parent HWND_MESSAGE)."""
        return self.parent == HWND_MESSAGE

    @property
    def is_child(self) -> bool:
        """True for a child window (WS_CHILD, with a parent window)."""
        return bool(self.style & WS_CHILD) and self.parent not in (0, HWND_MESSAGE)

    @property
    def visible(self) -> bool:
        """Whether it and all its ancestors have WS_VISIBLE (IsWindowVisible)."""
        return is_window_visible(self.hwnd)

    @property
    def rect(self) -> tuple[int, int, int, int]:
        """``(left, top, right, bottom)`` on the screen (GetWindowRect)."""
        return window_rect(self.hwnd)

    @property
    def client_rect(self) -> tuple[int, int, int, int]:
        """``(0, 0, width, height)`` (GetClientRect)."""
        return client_rect(self.hwnd)

    @property
    def text(self) -> str:
        """The window's text, asked of its procedure (GetWindowText); set with WM_SETTEXT."""
        with KERNEL_LOCK:
            size = len(self.title) + 1
        return get_window_text(self.hwnd, size)

    @text.setter
    def text(self, text: str) -> None:
        set_window_text(self.hwnd, text)

    def call(self, msg: int, wparam: object, lparam: object) -> int:
        """Run the window procedure now, on the calling thread (which must own the window)."""
        result = self.proc(self.hwnd, msg, wparam, lparam)
        return result if isinstance(result, int) else 0

    def post(self, msg: int, wparam: object = 0, lparam: object = 0) -> None:
        """Post a message to this window's thread (PostMessage)."""
        post_message(self.hwnd, msg, wparam, lparam)

    def send(
        self, msg: int, wparam: object = 0, lparam: object = 0, timeout: float | None = None
    ) -> int:
        """Send a message and return the window procedure's result (SendMessage)."""
        return send_message(self.hwnd, msg, wparam, lparam, timeout=timeout)

    def show(self, command: int = SW_SHOW) -> bool:
        """Show or hide the window (ShowWindow); returns whether it was visible before."""
        return show_window(self.hwnd, command)

    def move(self, x: int, y: int, width: int, height: int, repaint: bool = True) -> None:
        """Move and size the window (MoveWindow)."""
        move_window(self.hwnd, x, y, width, height, repaint)

    def set_pos(
        self, insert_after: int, x: int, y: int, width: int, height: int, flags: int
    ) -> None:
        """Move, size, show or hide the window (SetWindowPos)."""
        set_window_pos(self.hwnd, insert_after, x, y, width, height, flags)

    def update(self) -> None:
        """Send WM_PAINT now if the window needs painting (UpdateWindow)."""
        update_window(self.hwnd)

    def destroy(self) -> None:
        """Destroy the window (DestroyWindow); only its own thread may."""
        destroy_window(self.hwnd)

    def invalidate(self, rect: tuple[int, int, int, int] | None = None) -> None:
        """Add to the update region: WM_PAINT comes once nothing else is queued.

        ``rect`` (client coordinates) is clipped to the client area; None is all of it. The
        window needs painting until its update region is validated, whole (``validate()``)
        or piece by piece; a rectangle wholly outside the client area adds nothing.
        """
        woken: list[Waiter] = []
        with KERNEL_LOCK:
            self._check_alive()
            client = Region.rect(0, 0, self.width, self.height)
            added = client if rect is None else client.intersect(Region.rect(*rect))
            if rect is not None and not added:
                return
            self.update_region = self.update_region.union(added)
            self.queue.paint[self.hwnd] = None
            self.queue.raise_bits(QS_PAINT, woken)
        wake_all(woken)

    def validate(self, rect: tuple[int, int, int, int] | None = None) -> None:
        """Take ``rect`` (None: everything) out of the update region; WM_PAINT stops once empty."""
        with KERNEL_LOCK:
            if rect is not None:
                self.update_region = self.update_region.subtract(Region.rect(*rect))
                if self.update_region:
                    return
            self.update_region = _NO_REGION
            self.queue.paint.pop(self.hwnd, None)
            self.queue.settle()

    def take_update_region(self) -> Region:
        """Validate the window and return what its update region was, in one step (BeginPaint)."""
        with KERNEL_LOCK:
            region = self.update_region
            self.update_region = _NO_REGION
            self.queue.paint.pop(self.hwnd, None)
            self.queue.settle()
        return region

    @property
    def needs_paint(self) -> bool:
        """Whether WM_PAINT is due (GetUpdateRect's answer); ``update_region`` says where."""
        with KERNEL_LOCK:
            return self.hwnd in self.queue.paint

    def _check_alive(self) -> None:
        if self.destroyed:
            raise InvalidWindowHandleError(f"{self!r} has been destroyed")


def _check_int(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {value!r}")
    return value


def _initial_rect(
    style: int, x: int | None, y: int | None, width: int | None, height: int | None
) -> tuple[int, int, int, int]:
    """The rectangle a new window gets; None is CW_USEDEFAULT.

    As CreateWindowEx documents: a default position is the top left corner (and makes ``y``
    ignored), a default size is 3/4 of the desktop for an overlapped window (and makes
    ``height`` ignored); a popup or child window gets 0 for either. A negative size is 0.
    """
    overlapped = not style & (WS_CHILD | WS_POPUP)
    if x is None:
        x = y = 0
    if width is None:
        width, height = (
            (DESKTOP_SIZE[0] * 3 // 4, DESKTOP_SIZE[1] * 3 // 4) if overlapped else (0, 0)
        )
    return x, y or 0, max(width, 0), max(height or 0, 0)


def create_window(
    class_name: str | int,
    title: str = "",
    *,
    style: int = 0,
    ex_style: int = 0,
    x: int | None = None,
    y: int | None = None,
    width: int | None = None,
    height: int | None = None,
    parent: int = 0,
    owner: int = 0,
    child_id: int = 0,
    instance: int = 0,
) -> Window:
    """Create a window of a registered class, owned by the calling thread (CreateWindowEx).

    ``style`` and ``ex_style`` hold WS_* and WS_EX_* flags. A WS_CHILD window needs a
    ``parent`` (its ``x``/``y`` are then relative to the parent's client area) and is
    known to it by ``child_id``; a top-level window may have an ``owner`` (a child window
    given as owner stands for its top-level ancestor). ``parent=HWND_MESSAGE`` makes a
    message-only window. None for ``x``, ``y``, ``width`` or ``height`` lets the system
    choose (CW_USEDEFAULT). WS_VISIBLE shows the window once it is created.

    The procedure gets the creation messages (module docstring) before this returns, each
    WM_NCCREATE/WM_CREATE with a :class:`CreateStruct` as lparam; a 0 from WM_NCCREATE or
    -1 from WM_CREATE refuses the creation (the window gets WM_NCDESTROY and is gone).

    Raises:
        ClassNotFoundError: no class of that name or atom.
        TopLevelChildError: WS_CHILD (without WS_POPUP) and no parent.
        Win32Error: ERROR_INVALID_MENU_HANDLE, a top-level window's ``child_id`` (its menu)
            is not a menu.
        InvalidWindowHandleError: ``parent`` or ``owner`` is not a window.
        CreationRefusedError: the procedure refused the creation.
    """
    if not isinstance(title, str):
        raise TypeError(f"a window title is a str, not {title!r}")
    style = _check_int("style", style) & 0xFFFFFFFF
    ex_style = _check_int("ex_style", ex_style) & 0xFFFFFFFF
    for name, value in (("x", x), ("y", y), ("width", width), ("height", height)):
        if value is not None:
            _check_int(name, value)
    _check_int("parent", parent)
    _check_int("owner", owner)
    # WS_CHILD with WS_POPUP is a top-level window (Windows and Wine test the pair)
    child = style & (WS_CHILD | WS_POPUP) == WS_CHILD and parent != HWND_MESSAGE
    if not child and parent not in (0, HWND_MESSAGE):
        owner = owner or parent  # a top-level window's hWndParent is its owner
    if child and not parent:
        raise TopLevelChildError("a WS_CHILD window needs a parent window; pass parent=")
    top_level = style & (WS_CHILD | WS_POPUP) != WS_CHILD  # (under HWND_MESSAGE too)
    if top_level and child_id and not is_menu(child_id):  # its hMenu is a menu
        raise Win32Error(
            ERROR_INVALID_MENU_HANDLE,
            "",
            f"{child_id:#x} is no menu: a top-level window's "
            "child_id is its menu bar (create_menu), or 0",
        )
    rect = _initial_rect(style, x, y, width, height)
    queue = current_queue()
    hwnd_value = new_hwnd()  # unique in the session; the session's file is not read under the lock
    ensure_system_class(class_name)
    with KERNEL_LOCK:
        wclass = find_class(class_name)
        for role, hwnd in (("parent", parent if child else 0), ("owner", owner)):
            if hwnd and hwnd not in WINDOWS:
                raise InvalidWindowHandleError(f"the {role} window {hwnd:#x} does not exist")
        if not child:
            owner_window = WINDOWS.get(owner)
            while owner_window is not None and owner_window.is_child:  # its top-level ancestor
                owner_window = WINDOWS.get(owner_window.parent)
            owner = owner_window.hwnd if owner_window is not None else 0
        window = Window(
            hwnd_value, wclass, "", parent if child or parent == HWND_MESSAGE else 0, queue
        )
        window.owner = 0 if child else owner
        window.style = (style & ~WS_VISIBLE) | (0 if child else WS_CLIPSIBLINGS)
        if style & WS_MINIMIZE:  # created minimized and maximized: minimized wins (Wine)
            window.style &= ~WS_MAXIMIZE
        if not style & (WS_CHILD | WS_POPUP):
            window.style |= WS_CAPTION  # an overlapped window always has a caption
            window.needs_size = True
        window.ex_style = edged(window.style, ex_style)
        window.x, window.y, window.width, window.height = rect
        window.child_id = child_id if child else 0
        window.menu = 0 if child else child_id
        window.instance = instance
        WINDOWS[window.hwnd] = window
        queue.windows[window.hwnd] = window
    ensure_listening()  # other processes may now find it and post or send to it
    creation = CreateStruct(
        wclass.name, title, style, ex_style, rect, window.parent or window.owner, child_id, instance
    )
    try:
        _create(window, creation, x is None and not child and not style & WS_POPUP, y)
    except BaseException:
        if not window.destroyed:
            forget(window)
        raise
    return window


def _create(window: Window, creation: CreateStruct, default_place: bool, y: int | None) -> None:
    """Send the creation messages (creating thread); raise if the procedure refuses."""
    if window.call(WM_NCCREATE, 0, creation) == 0:
        _refused(window, "WM_NCCREATE")
    if window.is_child:
        with KERNEL_LOCK:  # linked in once WM_NCCREATE has accepted it, as Windows does
            parent = WINDOWS.get(window.parent)
            if parent is not None:
                parent.children.append(window)  # below its siblings, as Windows puts it
    if window.call(WM_CREATE, 0, creation) == -1:
        _refused(window, "WM_CREATE")
    if not window.needs_size:
        send_size_and_move(window, window.x, window.y, window.width, window.height)
    if window.is_child:
        notify_parent(window, WM_CREATE)
    if creation.style & WS_VISIBLE and not window.destroyed:
        # CW_USEDEFAULT as x makes y the ShowWindow command of a visible overlapped window
        show_here(window, SW_SHOW if not default_place or y is None else y)


def _refused(window: Window, message: str) -> None:
    window.call(WM_NCDESTROY, 0, 0)
    forget(window)
    raise CreationRefusedError(f"the procedure of {window.wclass!r} refused {message}")


def dispatch_message(message: tuple[Any, ...]) -> int:
    """Run the window procedure of a retrieved message and return its result (DispatchMessage).

    A thread message (hwnd 0) has no procedure and gives 0. A WM_TIMER whose lparam is a
    callable calls it instead, as a TIMERPROC.

    Raises:
        WindowOfOtherThreadError: the window belongs to another thread.
    """
    hwnd, msg, wparam, lparam = message[0], message[1], message[2], message[3]
    if msg == WM_TIMER and callable(lparam):
        lparam(hwnd, msg, wparam, message[4])
        return 0
    if not hwnd:
        return 0
    try:
        queue: MessageQueue = THREAD_QUEUE.queue  # current_queue(), written out: every dispatch
    except AttributeError:
        queue = current_queue()
    window = queue.windows.get(hwnd)  # this thread's own windows: read without the lock
    if window is None:
        window = window_of(hwnd)  # raises InvalidWindowHandleError if there is none
        raise WindowOfOtherThreadError(
            f"{window!r} belongs to thread {window.thread.native_id}; its messages are "
            "dispatched there"
        )
    handling = queue.handling  # a posted message is no receipt: the sent one stays current
    handling.append(handling[-1] if handling else None)
    try:
        result = window.proc(hwnd, msg, wparam, lparam)
    finally:
        queue.handling.pop()
    return result if isinstance(result, int) else 0
