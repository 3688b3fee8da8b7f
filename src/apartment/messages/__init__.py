"""The message layer: per-thread queues, windows owned by their thread, pumping.

Built on the kernel layer: a thread's queue can be waited on beside kernel objects
(``msg_wait_any``), and both can be awaited from asyncio.
"""

from ._aio import get_message_async as get_message_async
from ._aio import pump_messages_async as pump_messages_async
from ._aio import wait_all_async as wait_all_async
from ._aio import wait_any_async as wait_any_async
from ._aio import wait_async as wait_async
from ._clipboard import clipboard as clipboard
from ._clipboard import clipboard_data as clipboard_data
from ._clipboard import clipboard_data_handle as clipboard_data_handle
from ._clipboard import clipboard_formats as clipboard_formats
from ._clipboard import clipboard_open_window as clipboard_open_window
from ._clipboard import clipboard_owner as clipboard_owner
from ._clipboard import clipboard_sequence_number as clipboard_sequence_number
from ._clipboard import close_clipboard as close_clipboard
from ._clipboard import empty_clipboard as empty_clipboard
from ._clipboard import is_clipboard_format_available as is_clipboard_format_available
from ._clipboard import next_clipboard_format as next_clipboard_format
from ._clipboard import open_clipboard as open_clipboard
from ._clipboard import priority_clipboard_format as priority_clipboard_format
from ._clipboard import set_clipboard_block as set_clipboard_block
from ._clipboard import set_clipboard_data as set_clipboard_data
from ._clipboard_formats import *  # noqa: F403
from ._clipboard_formats import __all__ as _format_names
from ._clipboard_names import FIRST_REGISTERED_FORMAT as FIRST_REGISTERED_FORMAT
from ._clipboard_names import clipboard_format_name as clipboard_format_name
from ._clipboard_names import register_clipboard_format as register_clipboard_format
from ._console_window import CONSOLE_CLASS as CONSOLE_CLASS
from ._console_window import close_console as close_console
from ._console_window import console_window as console_window
from ._console_window import set_console_window_title as set_console_window_title
from ._constants import *  # noqa: F403
from ._constants import __all__ as _constant_names
from ._defproc import def_window_proc as def_window_proc
from ._desktop import DESKTOP_CLASS as DESKTOP_CLASS
from ._desktop import SHELL_CLASS as SHELL_CLASS
from ._desktop import desktop_window as desktop_window
from ._destroy import destroy_window as destroy_window
from ._enum import child_windows as child_windows
from ._enum import find_window as find_window
from ._enum import get_class_name as get_class_name
from ._enum import thread_windows as thread_windows
from ._enum import top_level_windows as top_level_windows
from ._globalmem import alloc_global as alloc_global
from ._globalmem import free_global as free_global
from ._globalmem import global_data as global_data
from ._input import QueueInput as QueueInput
from ._keyscan import key_scan as key_scan
from ._keyscan import key_state as key_state
from ._memory import read_memory as read_memory
from ._memory import read_string as read_string
from ._message import Message as Message
from ._message import quit_code as quit_code
from ._message import register_window_message as register_window_message
from ._message import ticks as tick_count
from ._params import CreateStruct as CreateStruct
from ._params import TextBuffer as TextBuffer
from ._params import WindowPos as WindowPos
from ._params import make_lparam as make_lparam
from ._post import post_message as post_message
from ._post import post_quit_message as post_quit_message
from ._post import post_thread_message as post_thread_message
from ._pump import MAXIMUM_MSG_WAIT_OBJECTS as MAXIMUM_MSG_WAIT_OBJECTS
from ._pump import get_message as get_message
from ._pump import msg_wait_any as msg_wait_any
from ._pump import peek_message as peek_message
from ._pump import pump_messages as pump_messages
from ._pump import pump_waiting_messages as pump_waiting_messages
from ._pump import queue_status as queue_status
from ._pump import wait_message as wait_message
from ._queue import POSTED_MESSAGE_LIMIT as POSTED_MESSAGE_LIMIT
from ._queue import MessageQueue as MessageQueue
from ._queue import current_queue as current_queue
from ._queue import queue_of as queue_of
from ._region import COMPLEXREGION as COMPLEXREGION
from ._region import NULLREGION as NULLREGION
from ._region import SIMPLEREGION as SIMPLEREGION
from ._region import Region as Region
from ._resources import load_cursor as load_cursor
from ._resources import load_icon as load_icon
from ._send import in_send_message as in_send_message
from ._send import in_send_message_ex as in_send_message_ex
from ._send import reply_message as reply_message
from ._send import send_message as send_message
from ._send import send_notify_message as send_notify_message
from ._styles import *  # noqa: F403
from ._styles import __all__ as _style_names
from ._timers import TIMER_MAXIMUM as TIMER_MAXIMUM
from ._timers import TIMER_MINIMUM as TIMER_MINIMUM
from ._timers import kill_timer as kill_timer
from ._timers import set_timer as set_timer
from ._window import Window as Window
from ._window import create_window as create_window
from ._window import dispatch_message as dispatch_message
from ._window_table import is_window as is_window
from ._window_table import window_of as window_of
from ._windowpos import DESKTOP_SIZE as DESKTOP_SIZE
from ._windowpos import client_rect as client_rect
from ._windowpos import get_parent as get_parent
from ._windowpos import get_window as get_window
from ._windowpos import get_window_text as get_window_text
from ._windowpos import is_window_visible as is_window_visible
from ._windowpos import move_window as move_window
from ._windowpos import set_window_pos as set_window_pos
from ._windowpos import set_window_text as set_window_text
from ._windowpos import show_window as show_window
from ._windowpos import update_window as update_window
from ._windowpos import window_rect as window_rect
from ._wndclass import WindowClass as WindowClass
from ._wndclass import WindowProc as WindowProc
from ._wndclass import register_class as register_class
from ._wndclass import unregister_class as unregister_class

__all__ = [
    *_constant_names,
    *_format_names,
    "FIRST_REGISTERED_FORMAT",
    "alloc_global",
    "clipboard",
    "clipboard_data",
    "clipboard_data_handle",
    "clipboard_format_name",
    "clipboard_formats",
    "clipboard_open_window",
    "clipboard_owner",
    "clipboard_sequence_number",
    "close_clipboard",
    "empty_clipboard",
    "free_global",
    "global_data",
    "is_clipboard_format_available",
    "next_clipboard_format",
    "open_clipboard",
    "priority_clipboard_format",
    "register_clipboard_format",
    "set_clipboard_block",
    "set_clipboard_data",
    *_style_names,
    "CONSOLE_CLASS",
    "DESKTOP_CLASS",
    "DESKTOP_SIZE",
    "MAXIMUM_MSG_WAIT_OBJECTS",
    "POSTED_MESSAGE_LIMIT",
    "SHELL_CLASS",
    "TIMER_MAXIMUM",
    "TIMER_MINIMUM",
    "CreateStruct",
    "Message",
    "MessageQueue",
    "QueueInput",
    "TextBuffer",
    "Window",
    "WindowClass",
    "WindowPos",
    "WindowProc",
    "child_windows",
    "client_rect",
    "close_console",
    "console_window",
    "create_window",
    "current_queue",
    "def_window_proc",
    "desktop_window",
    "destroy_window",
    "dispatch_message",
    "find_window",
    "get_class_name",
    "get_message",
    "get_message_async",
    "get_parent",
    "get_window",
    "get_window_text",
    "in_send_message",
    "in_send_message_ex",
    "is_window_visible",
    "kill_timer",
    "make_lparam",
    "move_window",
    "msg_wait_any",
    "peek_message",
    "post_message",
    "post_quit_message",
    "post_thread_message",
    "pump_messages",
    "pump_messages_async",
    "pump_waiting_messages",
    "queue_of",
    "quit_code",
    "key_scan",
    "load_cursor",
    "load_icon",
    "key_state",
    "read_memory",
    "read_string",
    "queue_status",
    "register_class",
    "register_window_message",
    "reply_message",
    "send_message",
    "send_notify_message",
    "set_console_window_title",
    "set_timer",
    "set_window_pos",
    "set_window_text",
    "show_window",
    "thread_windows",
    "tick_count",
    "top_level_windows",
    "unregister_class",
    "update_window",
    "wait_all_async",
    "wait_any_async",
    "wait_async",
    "wait_message",
    "is_window",
    "window_of",
    "window_rect",
    "COMPLEXREGION",
    "NULLREGION",
    "SIMPLEREGION",
    "Region",
]
