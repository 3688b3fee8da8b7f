"""What :mod:`apartment.messages` re-exports, one ``from ._module import Name as Name`` a line.

The package's ``__init__`` reads this file's text and imports each module when one of its
names is first used (:mod:`apartment._lazy`); type checkers read it through a star import.
Keep to that one-line form (and ``__all__`` to one quoted name a line): other forms are not
seen by the ``__init__``. The constant modules re-exported whole (``import *``) are imported
by the ``__init__`` itself. Importing this module imports every one of them.
"""

from ._accelerators import FALT as FALT
from ._accelerators import FCONTROL as FCONTROL
from ._accelerators import FSHIFT as FSHIFT
from ._accelerators import FVIRTKEY as FVIRTKEY
from ._accelerators import accelerator_table as accelerator_table
from ._accelerators import create_accelerator_table as create_accelerator_table
from ._accelerators import destroy_accelerator_table as destroy_accelerator_table
from ._accelerators import translate_accelerator as translate_accelerator
from ._aio import get_message_async as get_message_async
from ._aio import pump_messages_async as pump_messages_async
from ._aio import wait_all_async as wait_all_async
from ._aio import wait_any_async as wait_any_async
from ._aio import wait_async as wait_async
from ._arrange import cascade_windows as cascade_windows
from ._arrange import scroll_window_area as scroll_window_area
from ._arrange import update_layered_window as update_layered_window
from ._async_select import select_socket_messages as select_socket_messages
from ._caret import Caret as Caret
from ._caret import caret_info as caret_info
from ._caret import caret_pos as caret_pos
from ._caret import create_caret as create_caret
from ._caret import destroy_caret as destroy_caret
from ._caret import hide_caret as hide_caret
from ._caret import set_caret_pos as set_caret_pos
from ._caret import show_caret as show_caret
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
from ._clipboard_handles import HandleFormat as HandleFormat
from ._clipboard_handles import register_clipboard_handle_format as register_clipboard_handle_format
from ._clipboard_names import FIRST_REGISTERED_FORMAT as FIRST_REGISTERED_FORMAT
from ._clipboard_names import clipboard_format_name as clipboard_format_name
from ._clipboard_names import register_clipboard_format as register_clipboard_format
from ._clipboard_names import register_window_message as register_window_message
from ._clipboard_viewer import change_clipboard_chain as change_clipboard_chain
from ._clipboard_viewer import clipboard_viewer as clipboard_viewer
from ._clipboard_viewer import set_clipboard_viewer as set_clipboard_viewer
from ._console_window import CONSOLE_CLASS as CONSOLE_CLASS
from ._console_window import close_console as close_console
from ._console_window import console_window as console_window
from ._console_window import set_console_window_title as set_console_window_title
from ._cursor import clip_cursor as clip_cursor
from ._cursor import cursor_clip as cursor_clip
from ._cursor import cursor_pos as cursor_pos
from ._cursor import set_cursor_pos as set_cursor_pos
from ._defproc import def_window_proc as def_window_proc
from ._desktop import DESKTOP_CLASS as DESKTOP_CLASS
from ._desktop import SHELL_CLASS as SHELL_CLASS
from ._desktop import desktop_window as desktop_window
from ._destroy import destroy_window as destroy_window
from ._devices import DeviceRegistration as DeviceRegistration
from ._devices import announce_device_change as announce_device_change
from ._devices import register_device_notification as register_device_notification
from ._devices import wait_for_device_registration as wait_for_device_registration
from ._dialogs import DIALOG_CLASS as DIALOG_CLASS
from ._dialogs import IDCANCEL as IDCANCEL
from ._dialogs import IDOK as IDOK
from ._dialogs import DialogItem as DialogItem
from ._dialogs import DialogTemplate as DialogTemplate
from ._dialogs import create_dialog as create_dialog
from ._dialogs import def_dialog_proc as def_dialog_proc
from ._dialogs import dialog_box as dialog_box
from ._dialogs import dialog_item_int as dialog_item_int
from ._dialogs import dialog_item_text as dialog_item_text
from ._dialogs import end_dialog as end_dialog
from ._dialogs import is_dialog_message as is_dialog_message
from ._dialogs import set_dialog_item_int as set_dialog_item_int
from ._dialogs import set_dialog_item_text as set_dialog_item_text
from ._display import DISP_CHANGE_BADMODE as DISP_CHANGE_BADMODE
from ._display import DISP_CHANGE_SUCCESSFUL as DISP_CHANGE_SUCCESSFUL
from ._display import DisplayDevice as DisplayDevice
from ._display import DisplayMode as DisplayMode
from ._display import change_display_mode as change_display_mode
from ._display import display_device as display_device
from ._display import display_mode as display_mode
from ._dlgnav import edit_line as edit_line
from ._dlgnav import next_dialog_group_item as next_dialog_group_item
from ._dlgnav import next_dialog_tab_item as next_dialog_tab_item
from ._drops import WM_DROPFILES as WM_DROPFILES
from ._drops import FileDialogRequest as FileDialogRequest
from ._drops import accept_files as accept_files
from ._drops import drag_finish as drag_finish
from ._drops import drag_query_file as drag_query_file
from ._drops import drop_files as drop_files
from ._drops import file_dialog as file_dialog
from ._drops import set_file_dialog_chooser as set_file_dialog_chooser
from ._enum import child_windows as child_windows
from ._enum import find_window as find_window
from ._enum import get_class_name as get_class_name
from ._enum import thread_windows as thread_windows
from ._enum import top_level_windows as top_level_windows
from ._enum import window_thread_process_id as window_thread_process_id
from ._focus import InputState as InputState
from ._focus import active_window as active_window
from ._focus import attach_thread_input as attach_thread_input
from ._focus import capture_window as capture_window
from ._focus import enable_window as enable_window
from ._focus import focus_window as focus_window
from ._focus import foreground_window as foreground_window
from ._focus import input_state as input_state
from ._focus import is_window_enabled as is_window_enabled
from ._focus import release_capture as release_capture
from ._focus import set_active_window as set_active_window
from ._focus import set_capture as set_capture
from ._focus import set_focus as set_focus
from ._focus import set_foreground_window as set_foreground_window
from ._globalmem import alloc_global as alloc_global
from ._globalmem import free_global as free_global
from ._globalmem import global_data as global_data
from ._hotkeys import MOD_ALT as MOD_ALT
from ._hotkeys import MOD_CONTROL as MOD_CONTROL
from ._hotkeys import MOD_NOREPEAT as MOD_NOREPEAT
from ._hotkeys import MOD_SHIFT as MOD_SHIFT
from ._hotkeys import MOD_WIN as MOD_WIN
from ._hotkeys import HotKey as HotKey
from ._hotkeys import register_hotkey as register_hotkey
from ._hotkeys import unregister_hotkey as unregister_hotkey
from ._icons import IMAGE_BITMAP as IMAGE_BITMAP
from ._icons import IMAGE_CURSOR as IMAGE_CURSOR
from ._icons import IMAGE_ICON as IMAGE_ICON
from ._icons import LR_DEFAULTSIZE as LR_DEFAULTSIZE
from ._icons import LR_LOADFROMFILE as LR_LOADFROMFILE
from ._icons import LR_SHARED as LR_SHARED
from ._icons import Icon as Icon
from ._icons import copy_icon as copy_icon
from ._icons import create_icon as create_icon
from ._icons import destroy_icon as destroy_icon
from ._icons import extract_icons as extract_icons
from ._icons import icon_from_resource as icon_from_resource
from ._icons import icon_of as icon_of
from ._icons import is_icon as is_icon
from ._icons import load_image as load_image
from ._input import QueueInput as QueueInput
from ._keyboard import KEYEVENTF_EXTENDEDKEY as KEYEVENTF_EXTENDEDKEY
from ._keyboard import KEYEVENTF_KEYUP as KEYEVENTF_KEYUP
from ._keyboard import KEYEVENTF_SCANCODE as KEYEVENTF_SCANCODE
from ._keyboard import KEYEVENTF_UNICODE as KEYEVENTF_UNICODE
from ._keyboard import async_key_state as async_key_state
from ._keyboard import key_state as key_state
from ._keyboard import keyboard_state as keyboard_state
from ._keyboard import last_input_tick as last_input_tick
from ._keyboard import set_keyboard_state as set_keyboard_state
from ._keyboard import synthesize_key as synthesize_key
from ._keyboard import translate_message as translate_message
from ._keylayout import US_LAYOUT as US_LAYOUT
from ._keylayout import US_LAYOUT_NAME as US_LAYOUT_NAME
from ._keylayout import VK_PACKET as VK_PACKET
from ._keylayout import key_char as key_char
from ._keylayout import map_virtual_key as map_virtual_key
from ._keyscan import key_scan as key_scan
from ._memory import buffer_address as buffer_address
from ._memory import read_memory as read_memory
from ._memory import read_string as read_string
from ._memory import write_memory as write_memory
from ._menu_states import check_menu_item as check_menu_item
from ._menu_states import check_menu_radio_item as check_menu_radio_item
from ._menu_states import enable_menu_item as enable_menu_item
from ._menu_states import menu_default_item as menu_default_item
from ._menu_states import menu_info as menu_info
from ._menu_states import menu_item_count as menu_item_count
from ._menu_states import menu_item_id as menu_item_id
from ._menu_states import menu_state as menu_state
from ._menu_states import set_menu_default_item as set_menu_default_item
from ._menu_states import set_menu_info as set_menu_info
from ._menu_states import sub_menu as sub_menu
from ._menus import Menu as Menu
from ._menus import MenuInfo as MenuInfo
from ._menus import MenuItem as MenuItem
from ._menus import append_menu as append_menu
from ._menus import create_menu as create_menu
from ._menus import create_popup_menu as create_popup_menu
from ._menus import delete_menu as delete_menu
from ._menus import destroy_menu as destroy_menu
from ._menus import insert_menu as insert_menu
from ._menus import insert_menu_item as insert_menu_item
from ._menus import is_menu as is_menu
from ._menus import menu_item as menu_item
from ._menus import menu_of as menu_of
from ._menus import modify_menu as modify_menu
from ._menus import remove_menu as remove_menu
from ._menus import set_menu_item as set_menu_item
from ._message import Message as Message
from ._message import quit_code as quit_code
from ._message import ticks as tick_count
from ._monitors import MONITOR_DEFAULTTONEAREST as MONITOR_DEFAULTTONEAREST
from ._monitors import MONITOR_DEFAULTTONULL as MONITOR_DEFAULTTONULL
from ._monitors import MONITOR_DEFAULTTOPRIMARY as MONITOR_DEFAULTTOPRIMARY
from ._monitors import MONITORINFOF_PRIMARY as MONITORINFOF_PRIMARY
from ._monitors import PRIMARY_MONITOR as PRIMARY_MONITOR
from ._monitors import MonitorInfo as MonitorInfo
from ._monitors import display_monitors as display_monitors
from ._monitors import monitor_from_point as monitor_from_point
from ._monitors import monitor_from_rect as monitor_from_rect
from ._monitors import monitor_from_window as monitor_from_window
from ._monitors import monitor_info as monitor_info
from ._mouse import MOUSEEVENTF_ABSOLUTE as MOUSEEVENTF_ABSOLUTE
from ._mouse import MOUSEEVENTF_HWHEEL as MOUSEEVENTF_HWHEEL
from ._mouse import MOUSEEVENTF_LEFTDOWN as MOUSEEVENTF_LEFTDOWN
from ._mouse import MOUSEEVENTF_LEFTUP as MOUSEEVENTF_LEFTUP
from ._mouse import MOUSEEVENTF_MIDDLEDOWN as MOUSEEVENTF_MIDDLEDOWN
from ._mouse import MOUSEEVENTF_MIDDLEUP as MOUSEEVENTF_MIDDLEUP
from ._mouse import MOUSEEVENTF_MOVE as MOUSEEVENTF_MOVE
from ._mouse import MOUSEEVENTF_RIGHTDOWN as MOUSEEVENTF_RIGHTDOWN
from ._mouse import MOUSEEVENTF_RIGHTUP as MOUSEEVENTF_RIGHTUP
from ._mouse import MOUSEEVENTF_WHEEL as MOUSEEVENTF_WHEEL
from ._mouse import MOUSEEVENTF_XDOWN as MOUSEEVENTF_XDOWN
from ._mouse import MOUSEEVENTF_XUP as MOUSEEVENTF_XUP
from ._mouse import cursor as cursor
from ._mouse import cursor_info as cursor_info
from ._mouse import double_click_time as double_click_time
from ._mouse import move_cursor as move_cursor
from ._mouse import set_cursor as set_cursor
from ._mouse import set_double_click_time as set_double_click_time
from ._mouse import show_cursor as show_cursor
from ._mouse import synthesize_mouse as synthesize_mouse
from ._msgbox import MessageBoxRequest as MessageBoxRequest
from ._msgbox import message_box as message_box
from ._msgbox import set_message_box_chooser as set_message_box_chooser
from ._notifyicon import NIF_ICON as NIF_ICON
from ._notifyicon import NIF_INFO as NIF_INFO
from ._notifyicon import NIF_MESSAGE as NIF_MESSAGE
from ._notifyicon import NIF_STATE as NIF_STATE
from ._notifyicon import NIF_TIP as NIF_TIP
from ._notifyicon import NIM_ADD as NIM_ADD
from ._notifyicon import NIM_DELETE as NIM_DELETE
from ._notifyicon import NIM_MODIFY as NIM_MODIFY
from ._notifyicon import NIM_SETFOCUS as NIM_SETFOCUS
from ._notifyicon import NIM_SETVERSION as NIM_SETVERSION
from ._notifyicon import NotifyIcon as NotifyIcon
from ._notifyicon import click_notify_icon as click_notify_icon
from ._notifyicon import notify_icons as notify_icons
from ._notifyicon import shell_notify_icon as shell_notify_icon
from ._notifyicon import wait_for_notify_icon as wait_for_notify_icon
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
from ._rcscript import ResourceScript as ResourceScript
from ._rcscript import ResourceScriptError as ResourceScriptError
from ._rcscript import ScriptControl as ScriptControl
from ._rcscript import ScriptDialog as ScriptDialog
from ._rcscript import ScriptString as ScriptString
from ._rcscript import parse_resource_script as parse_resource_script
from ._region import COMPLEXREGION as COMPLEXREGION
from ._region import NULLREGION as NULLREGION
from ._region import SIMPLEREGION as SIMPLEREGION
from ._region import Region as Region
from ._reparent import set_parent as set_parent
from ._resources import find_resource as find_resource
from ._resources import load_cursor as load_cursor
from ._resources import load_icon as load_icon
from ._scroll import ScrollInfo as ScrollInfo
from ._scroll import scroll_info as scroll_info
from ._scroll import set_scroll_info as set_scroll_info
from ._send import in_send_message as in_send_message
from ._send import in_send_message_ex as in_send_message_ex
from ._send import reply_message as reply_message
from ._send import send_message as send_message
from ._send import send_notify_message as send_notify_message
from ._timers import TIMER_MAXIMUM as TIMER_MAXIMUM
from ._timers import TIMER_MINIMUM as TIMER_MINIMUM
from ._timers import kill_timer as kill_timer
from ._timers import set_timer as set_timer
from ._trackmenu import MenuChooser as MenuChooser
from ._trackmenu import draw_menu_bar as draw_menu_bar
from ._trackmenu import queue_menu_choice as queue_menu_choice
from ._trackmenu import set_menu_chooser as set_menu_chooser
from ._trackmenu import set_window_menu as set_window_menu
from ._trackmenu import system_menu as system_menu
from ._trackmenu import track_popup_menu as track_popup_menu
from ._trackmenu import window_menu as window_menu
from ._window import Window as Window
from ._window import create_window as create_window
from ._window import dispatch_message as dispatch_message
from ._window_table import is_window as is_window
from ._window_table import window_of as window_of
from ._windowinfo import AW_ACTIVATE as AW_ACTIVATE
from ._windowinfo import AW_HIDE as AW_HIDE
from ._windowinfo import Placement as Placement
from ._windowinfo import animate_window as animate_window
from ._windowinfo import bring_window_to_top as bring_window_to_top
from ._windowinfo import child_window_from_point as child_window_from_point
from ._windowinfo import client_to_screen as client_to_screen
from ._windowinfo import close_window as close_window
from ._windowinfo import dialog_control_id as dialog_control_id
from ._windowinfo import dialog_item as dialog_item
from ._windowinfo import flash_window as flash_window
from ._windowinfo import get_ancestor as get_ancestor
from ._windowinfo import get_parent as get_parent
from ._windowinfo import is_child as is_child
from ._windowinfo import is_iconic as is_iconic
from ._windowinfo import layered_attributes as layered_attributes
from ._windowinfo import screen_to_client as screen_to_client
from ._windowinfo import set_layered_attributes as set_layered_attributes
from ._windowinfo import set_window_placement as set_window_placement
from ._windowinfo import top_window as top_window
from ._windowinfo import window_from_point as window_from_point
from ._windowinfo import window_placement as window_placement
from ._windowpos import DESKTOP_SIZE as DESKTOP_SIZE
from ._windowpos import client_rect as client_rect
from ._windowpos import get_window as get_window
from ._windowpos import get_window_text as get_window_text
from ._windowpos import is_window_visible as is_window_visible
from ._windowpos import move_window as move_window
from ._windowpos import set_window_pos as set_window_pos
from ._windowpos import set_window_text as set_window_text
from ._windowpos import show_window as show_window
from ._windowpos import update_window as update_window
from ._windowpos import window_rect as window_rect
from ._winsta import DESKTOP as DESKTOP
from ._winsta import GR_GDIOBJECTS as GR_GDIOBJECTS
from ._winsta import GR_GDIOBJECTS_PEAK as GR_GDIOBJECTS_PEAK
from ._winsta import GR_USEROBJECTS as GR_USEROBJECTS
from ._winsta import GR_USEROBJECTS_PEAK as GR_USEROBJECTS_PEAK
from ._winsta import UOI_FLAGS as UOI_FLAGS
from ._winsta import UOI_NAME as UOI_NAME
from ._winsta import UOI_TYPE as UOI_TYPE
from ._winsta import WINDOW_STATION as WINDOW_STATION
from ._winsta import Desktop as Desktop
from ._winsta import WindowStation as WindowStation
from ._winsta import create_desktop as create_desktop
from ._winsta import create_window_station as create_window_station
from ._winsta import desktops_of as desktops_of
from ._winsta import gui_object_count as gui_object_count
from ._winsta import open_desktop as open_desktop
from ._winsta import open_window_station as open_window_station
from ._winsta import own_handle as own_handle
from ._winsta import own_handle_values as own_handle_values
from ._winsta import set_user_object_flags as set_user_object_flags
from ._winsta import thread_desktop as thread_desktop
from ._winsta import user_object_information as user_object_information
from ._winsta import window_stations as window_stations
from ._wndclass import WindowClass as WindowClass
from ._wndclass import WindowProc as WindowProc
from ._wndclass import register_class as register_class
from ._wndclass import unregister_class as unregister_class

__all__ = [
    "FIRST_REGISTERED_FORMAT",
    "alloc_global",
    "cascade_windows",
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
    "scroll_window_area",
    "select_socket_messages",
    "set_clipboard_block",
    "set_clipboard_data",
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
    "set_parent",
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
    "buffer_address",
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
    "set_user_object_flags",
    "set_window_pos",
    "set_window_text",
    "show_window",
    "thread_windows",
    "tick_count",
    "top_level_windows",
    "unregister_class",
    "update_layered_window",
    "update_window",
    "wait_all_async",
    "wait_any_async",
    "wait_async",
    "wait_message",
    "is_window",
    "window_of",
    "window_rect",
    "clip_cursor",
    "cursor_clip",
    "cursor_pos",
    "set_cursor_pos",
    "InputState",
    "active_window",
    "attach_thread_input",
    "capture_window",
    "enable_window",
    "focus_window",
    "foreground_window",
    "input_state",
    "is_window_enabled",
    "release_capture",
    "set_active_window",
    "set_capture",
    "set_focus",
    "set_foreground_window",
    "AW_ACTIVATE",
    "AW_HIDE",
    "Placement",
    "animate_window",
    "bring_window_to_top",
    "child_window_from_point",
    "client_to_screen",
    "close_window",
    "dialog_control_id",
    "dialog_item",
    "flash_window",
    "get_ancestor",
    "is_child",
    "is_iconic",
    "layered_attributes",
    "screen_to_client",
    "set_layered_attributes",
    "set_window_placement",
    "top_window",
    "window_from_point",
    "window_placement",
    "write_memory",
    "Menu",
    "MenuInfo",
    "MenuItem",
    "append_menu",
    "create_menu",
    "create_popup_menu",
    "delete_menu",
    "destroy_menu",
    "insert_menu",
    "insert_menu_item",
    "is_menu",
    "menu_item",
    "menu_of",
    "modify_menu",
    "remove_menu",
    "set_menu_item",
    "check_menu_item",
    "check_menu_radio_item",
    "enable_menu_item",
    "menu_default_item",
    "menu_info",
    "menu_item_count",
    "menu_item_id",
    "menu_state",
    "set_menu_default_item",
    "set_menu_info",
    "sub_menu",
    "MenuChooser",
    "draw_menu_bar",
    "queue_menu_choice",
    "set_menu_chooser",
    "system_menu",
    "track_popup_menu",
    "window_menu",
    "set_window_menu",
    "IMAGE_BITMAP",
    "IMAGE_CURSOR",
    "IMAGE_ICON",
    "LR_DEFAULTSIZE",
    "LR_LOADFROMFILE",
    "LR_SHARED",
    "Icon",
    "copy_icon",
    "create_icon",
    "destroy_icon",
    "extract_icons",
    "icon_of",
    "is_icon",
    "load_image",
    "NIF_ICON",
    "NIF_INFO",
    "NIF_MESSAGE",
    "NIF_STATE",
    "NIF_TIP",
    "NIM_ADD",
    "NIM_DELETE",
    "NIM_MODIFY",
    "NIM_SETFOCUS",
    "NIM_SETVERSION",
    "NotifyIcon",
    "click_notify_icon",
    "notify_icons",
    "shell_notify_icon",
    "wait_for_notify_icon",
    "FALT",
    "FCONTROL",
    "FSHIFT",
    "FVIRTKEY",
    "accelerator_table",
    "create_accelerator_table",
    "destroy_accelerator_table",
    "translate_accelerator",
    "DIALOG_CLASS",
    "IDCANCEL",
    "IDOK",
    "DialogItem",
    "DialogTemplate",
    "create_dialog",
    "def_dialog_proc",
    "dialog_box",
    "dialog_item_int",
    "dialog_item_text",
    "end_dialog",
    "is_dialog_message",
    "set_dialog_item_text",
    "set_dialog_item_int",
    "WindowStation",
    "Desktop",
    "WINDOW_STATION",
    "DESKTOP",
    "GR_GDIOBJECTS",
    "GR_USEROBJECTS",
    "GR_GDIOBJECTS_PEAK",
    "GR_USEROBJECTS_PEAK",
    "gui_object_count",
    "set_clipboard_viewer",
    "clipboard_viewer",
    "change_clipboard_chain",
    "MessageBoxRequest",
    "message_box",
    "set_message_box_chooser",
    "PRIMARY_MONITOR",
    "MONITOR_DEFAULTTONULL",
    "MONITOR_DEFAULTTOPRIMARY",
    "MONITOR_DEFAULTTONEAREST",
    "MONITORINFOF_PRIMARY",
    "MonitorInfo",
    "monitor_from_point",
    "monitor_from_rect",
    "monitor_from_window",
    "monitor_info",
    "display_monitors",
    "UOI_FLAGS",
    "UOI_NAME",
    "UOI_TYPE",
    "open_window_station",
    "open_desktop",
    "thread_desktop",
    "window_stations",
    "desktops_of",
    "user_object_information",
    "own_handle",
    "own_handle_values",
    "COMPLEXREGION",
    "NULLREGION",
    "SIMPLEREGION",
    "Region",
    "window_thread_process_id",
    "KEYEVENTF_EXTENDEDKEY",
    "KEYEVENTF_KEYUP",
    "KEYEVENTF_SCANCODE",
    "KEYEVENTF_UNICODE",
    "async_key_state",
    "key_state",
    "keyboard_state",
    "last_input_tick",
    "set_keyboard_state",
    "synthesize_key",
    "translate_message",
    "US_LAYOUT",
    "US_LAYOUT_NAME",
    "VK_PACKET",
    "key_char",
    "map_virtual_key",
    "MOUSEEVENTF_ABSOLUTE",
    "MOUSEEVENTF_HWHEEL",
    "MOUSEEVENTF_LEFTDOWN",
    "MOUSEEVENTF_LEFTUP",
    "MOUSEEVENTF_MIDDLEDOWN",
    "MOUSEEVENTF_MIDDLEUP",
    "MOUSEEVENTF_MOVE",
    "MOUSEEVENTF_RIGHTDOWN",
    "MOUSEEVENTF_RIGHTUP",
    "MOUSEEVENTF_WHEEL",
    "MOUSEEVENTF_XDOWN",
    "MOUSEEVENTF_XUP",
    "cursor",
    "cursor_info",
    "double_click_time",
    "move_cursor",
    "set_cursor",
    "set_double_click_time",
    "show_cursor",
    "synthesize_mouse",
    "Caret",
    "caret_info",
    "caret_pos",
    "create_caret",
    "destroy_caret",
    "hide_caret",
    "set_caret_pos",
    "show_caret",
    "WM_DROPFILES",
    "FileDialogRequest",
    "accept_files",
    "drag_finish",
    "drag_query_file",
    "drop_files",
    "file_dialog",
    "set_file_dialog_chooser",
    "next_dialog_group_item",
    "next_dialog_tab_item",
    "find_resource",
    "DISP_CHANGE_BADMODE",
    "DISP_CHANGE_SUCCESSFUL",
    "DisplayDevice",
    "DisplayMode",
    "change_display_mode",
    "display_device",
    "display_mode",
    "icon_from_resource",
    "ScrollInfo",
    "scroll_info",
    "set_scroll_info",
    "MOD_ALT",
    "MOD_CONTROL",
    "MOD_NOREPEAT",
    "MOD_SHIFT",
    "MOD_WIN",
    "HotKey",
    "register_hotkey",
    "unregister_hotkey",
    "edit_line",
    "HandleFormat",
    "register_clipboard_handle_format",
    "create_desktop",
    "create_window_station",
    "ResourceScript",
    "ResourceScriptError",
    "ScriptControl",
    "ScriptDialog",
    "ScriptString",
    "parse_resource_script",
    "DeviceRegistration",
    "announce_device_change",
    "register_device_notification",
    "wait_for_device_registration",
]
