"""pywin32's ``win32console``: the console, its window, screen buffers and input records.

The console (whether the process has one, its title and code pages, screen and input
buffers) is :mod:`apartment.kernel`'s; its window is :mod:`apartment.messages`'s. Here
pywin32's names and shapes: PyCOORD and PySMALL_RECT (16-bit fields, equal only to
themselves, as pywin32's), PyINPUT_RECORD over a core :class:`~apartment.kernel.InputRecord`,
and PyConsoleScreenBuffer, a handle to a screen buffer or input buffer whose methods are the
console functions on it.
"""

from __future__ import annotations

from typing import Any

from .. import kernel, messages
from ..errors import InvalidHandleError, InvalidParameterError
from ._adapt import api, as_bool, dword, text
from ._handles import PyHANDLE, handle_value
from .pywintypes import error

__all__ = [
    "error", "PyCOORDType", "PySMALL_RECTType", "PyINPUT_RECORDType", "PyConsoleScreenBufferType",
    "GetConsoleWindow", "AllocConsole", "FreeConsole", "AttachConsole", "GetConsoleTitle",
    "SetConsoleTitle", "GetConsoleCP", "GetConsoleOutputCP", "SetConsoleCP", "SetConsoleOutputCP",
    "GetConsoleProcessList", "GenerateConsoleCtrlEvent", "GetStdHandle",
    "CreateConsoleScreenBuffer", "GetConsoleDisplayMode", "AddConsoleAlias", "GetConsoleAliases",
    "GetConsoleAliasExes", "GetConsoleSelectionInfo", "GetNumberOfConsoleFonts",
    "ATTACH_PARENT_PROCESS", "BACKGROUND_BLUE", "BACKGROUND_GREEN", "BACKGROUND_INTENSITY",
    "BACKGROUND_RED", "COMMON_LVB_GRID_HORIZONTAL", "COMMON_LVB_GRID_LVERTICAL",
    "COMMON_LVB_GRID_RVERTICAL", "COMMON_LVB_LEADING_BYTE", "COMMON_LVB_REVERSE_VIDEO",
    "COMMON_LVB_TRAILING_BYTE", "COMMON_LVB_UNDERSCORE", "CONSOLE_FULLSCREEN",
    "CONSOLE_FULLSCREEN_HARDWARE", "CONSOLE_FULLSCREEN_MODE", "CONSOLE_MOUSE_DOWN",
    "CONSOLE_MOUSE_SELECTION", "CONSOLE_NO_SELECTION", "CONSOLE_SELECTION_IN_PROGRESS",
    "CONSOLE_SELECTION_NOT_EMPTY", "CONSOLE_TEXTMODE_BUFFER", "CONSOLE_WINDOWED_MODE",
    "CTRL_BREAK_EVENT", "CTRL_C_EVENT", "ENABLE_ECHO_INPUT", "ENABLE_LINE_INPUT",
    "ENABLE_MOUSE_INPUT", "ENABLE_PROCESSED_INPUT", "ENABLE_PROCESSED_OUTPUT",
    "ENABLE_WINDOW_INPUT", "ENABLE_WRAP_AT_EOL_OUTPUT", "FOCUS_EVENT", "FOREGROUND_BLUE",
    "FOREGROUND_GREEN", "FOREGROUND_INTENSITY", "FOREGROUND_RED", "KEY_EVENT",
    "LOCALE_USER_DEFAULT", "MENU_EVENT", "MOUSE_EVENT", "STD_ERROR_HANDLE", "STD_INPUT_HANDLE",
    "STD_OUTPUT_HANDLE", "WINDOW_BUFFER_SIZE_EVENT",
]  # fmt: skip

ATTACH_PARENT_PROCESS = -1
CONSOLE_TEXTMODE_BUFFER = CONSOLE_FULLSCREEN = CONSOLE_FULLSCREEN_MODE = 1
CONSOLE_FULLSCREEN_HARDWARE = CONSOLE_WINDOWED_MODE = 2
CONSOLE_NO_SELECTION, CONSOLE_SELECTION_IN_PROGRESS, CONSOLE_SELECTION_NOT_EMPTY = 0, 1, 2
CONSOLE_MOUSE_SELECTION, CONSOLE_MOUSE_DOWN = 4, 8
ENABLE_PROCESSED_INPUT, ENABLE_LINE_INPUT, ENABLE_ECHO_INPUT = 1, 2, 4
ENABLE_WINDOW_INPUT, ENABLE_MOUSE_INPUT = 8, 16
ENABLE_PROCESSED_OUTPUT, ENABLE_WRAP_AT_EOL_OUTPUT = 1, 2
FOREGROUND_BLUE, FOREGROUND_GREEN, FOREGROUND_RED, FOREGROUND_INTENSITY = 1, 2, 4, 8
BACKGROUND_BLUE, BACKGROUND_GREEN, BACKGROUND_RED, BACKGROUND_INTENSITY = 16, 32, 64, 128
COMMON_LVB_LEADING_BYTE, COMMON_LVB_TRAILING_BYTE = 0x100, 0x200
COMMON_LVB_GRID_HORIZONTAL, COMMON_LVB_GRID_LVERTICAL, COMMON_LVB_GRID_RVERTICAL = (
    0x400,
    0x800,
    0x1000,
)
COMMON_LVB_REVERSE_VIDEO, COMMON_LVB_UNDERSCORE = 0x4000, 0x8000
LOCALE_USER_DEFAULT = 0x400
KEY_EVENT, MOUSE_EVENT, WINDOW_BUFFER_SIZE_EVENT = kernel.KEY_EVENT, kernel.MOUSE_EVENT, 4
MENU_EVENT, FOCUS_EVENT = kernel.MENU_EVENT, kernel.FOCUS_EVENT
CTRL_C_EVENT, CTRL_BREAK_EVENT = kernel.CTRL_C_EVENT, kernel.CTRL_BREAK_EVENT
STD_INPUT_HANDLE, STD_OUTPUT_HANDLE, STD_ERROR_HANDLE = -10, -11, -12
_STREAMS = {STD_INPUT_HANDLE: kernel.STD_INPUT, STD_OUTPUT_HANDLE: kernel.STD_OUTPUT}
_STREAMS[STD_ERROR_HANDLE] = kernel.STD_ERROR
_GENERIC_READ_WRITE = 0xC0000000


def _short(value: object) -> int:
    """A SHORT field: an int, kept to its low 16 bits, signed (as pywin32 stores it)."""
    if isinstance(value, float) or not hasattr(value, "__index__"):
        raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer")
    number = int(value) & 0xFFFF
    return number - 0x10000 if number & 0x8000 else number


class PyCOORD:
    """A COORD: ``X`` and ``Y`` of a cell. Equal only to itself, as pywin32's."""

    __slots__ = ("_x", "_y")

    def __init__(self, X: object = 0, Y: object = 0) -> None:
        self._x, self._y = _short(X), _short(Y)

    X = property(lambda self: self._x, lambda self, v: setattr(self, "_x", _short(v)))
    Y = property(lambda self: self._y, lambda self, v: setattr(self, "_y", _short(v)))

    def __repr__(self) -> str:
        return f"PyCOORDType(X={self._x},Y={self._y})"


class PySMALL_RECT:  # noqa: N801 (pywin32's name)
    """A SMALL_RECT: ``Left``, ``Top``, ``Right``, ``Bottom`` (inclusive) cells."""

    __slots__ = ("_edges",)

    def __init__(
        self, Left: object = 0, Top: object = 0, Right: object = 0, Bottom: object = 0
    ) -> None:
        self._edges = [_short(Left), _short(Top), _short(Right), _short(Bottom)]

    def _edge(index: int) -> Any:  # type: ignore[misc]  # noqa: N805, ANN401
        return property(
            lambda self: self._edges[index],
            lambda self, v: self._edges.__setitem__(index, _short(v)),
        )

    Left, Top, Right, Bottom = _edge(0), _edge(1), _edge(2), _edge(3)
    del _edge

    def __repr__(self) -> str:
        left, top, right, bottom = self._edges
        return f"PySMALL_RECTType(Left={left},Top={top},Right={right},Bottom={bottom})"

    def _tuple(self) -> tuple[int, int, int, int]:
        return self._edges[0], self._edges[1], self._edges[2], self._edges[3]


def _coord(value: object) -> tuple[int, int]:
    if not isinstance(value, PyCOORD):
        raise TypeError("Object must be a PyCOORD")
    return value._x, value._y


def _rect(value: object) -> tuple[int, int, int, int]:
    if not isinstance(value, PySMALL_RECT):
        raise TypeError("Object must be a PySMALL_RECT")
    return value._tuple()


def _int(value: object) -> int:
    return int(value)  # type: ignore[call-overload, no-any-return]


def _char(value: object) -> str:
    if not isinstance(value, str) or len(value) != 1:
        raise ValueError("Object must be a single unicode character")
    return value


# PyINPUT_RECORD attribute -> (the event type it belongs to, core field, to core, from core)
_FIELDS: dict[str, tuple[int, str, Any, Any]] = {
    "KeyDown": (KEY_EVENT, "key_down", as_bool, int),
    "RepeatCount": (KEY_EVENT, "repeat_count", _int, int),
    "VirtualKeyCode": (KEY_EVENT, "virtual_key_code", _int, int),
    "VirtualScanCode": (KEY_EVENT, "virtual_scan_code", _int, int),
    "Char": (KEY_EVENT, "char", _char, str),
    "ControlKeyState": (0, "control_key_state", _int, int),  # key and mouse events
    "MousePosition": (MOUSE_EVENT, "mouse_position", _coord, lambda p: PyCOORD(*p)),
    "ButtonState": (MOUSE_EVENT, "button_state", _int, int),
    "EventFlags": (MOUSE_EVENT, "event_flags", _int, int),
    "Size": (WINDOW_BUFFER_SIZE_EVENT, "size", _coord, lambda p: PyCOORD(*p)),
    "SetFocus": (FOCUS_EVENT, "set_focus", as_bool, int),
    "CommandId": (MENU_EVENT, "command_id", _int, int),
}
_TYPE_NAMES = {1: "KEY_EVENT", 2: "MOUSE_EVENT", 4: "WINDOW_BUFFER_SIZE_EVENT"}
_TYPE_NAMES.update({8: "MENU_EVENT", 16: "FOCUS_EVENT"})


class PyINPUT_RECORD:  # noqa: N801 (pywin32's name)
    """An INPUT_RECORD: ``EventType`` and the fields of that type of event."""

    __slots__ = ("_record",)
    _record: kernel.InputRecord

    def __init__(self, EventType: object) -> None:
        record = kernel.InputRecord.__new__(kernel.InputRecord)
        kernel.InputRecord.__init__(record, KEY_EVENT)  # then any type, as pywin32 allows
        record.event_type = dword(EventType)
        object.__setattr__(self, "_record", record)

    @classmethod
    def _of(cls, record: kernel.InputRecord) -> PyINPUT_RECORD:
        made = cls.__new__(cls)
        object.__setattr__(made, "_record", record)
        return made

    @property
    def EventType(self) -> int:
        return self._record.event_type

    def _field(self, name: str) -> tuple[str, Any, Any]:
        kind, field, to_core, from_core = _FIELDS[name]
        event_type = self._record.event_type
        if (kind and event_type != kind) or (
            not kind and event_type not in (KEY_EVENT, MOUSE_EVENT)
        ):
            raise AttributeError(f"'{name}' is only valid for type {_TYPE_NAMES[kind or 1]}")
        return field, to_core, from_core

    def __getattr__(self, name: str) -> object:
        if name not in _FIELDS:
            raise AttributeError(name)
        field, _, from_core = self._field(name)
        return from_core(getattr(self._record, field))

    def __setattr__(self, name: str, value: object) -> None:
        if name not in _FIELDS:
            raise AttributeError(name)
        field, to_core, _ = self._field(name)
        setattr(self._record, field, to_core(value))

    def __repr__(self) -> str:
        kind = _TYPE_NAMES.get(self._record.event_type, "<Unknown>")
        return f"PyINPUT_RECORD(EventType={self._record.event_type}) ({kind})"


def _records(records: object) -> list[kernel.InputRecord]:
    if isinstance(records, (str, bytes)) or not hasattr(records, "__iter__"):
        raise TypeError("Object must be a sequence of PyINPUT_RECORDs")
    found = []
    for record in records:
        if not isinstance(record, PyINPUT_RECORD):
            raise TypeError("Object must be a PyINPUT_RECORD")
        found.append(record._record)
    return found


class PyConsoleScreenBuffer(PyHANDLE):
    """A handle to a console screen buffer (or input buffer), with the console functions."""

    __slots__ = ()

    def __init__(self, Handle: object = 0) -> None:
        value = handle_value(Handle)
        super().__init__(kernel.handles.duplicate(value) if value else 0)

    def __repr__(self) -> str:
        return f"<PyConsoleScreenBuffer:{self._value}>"

    def _screen(self) -> kernel.ScreenBuffer:
        return kernel.console_screen(self._value)

    def _input(self) -> kernel.InputBuffer:
        return kernel.console_input(self._value)

    def _either(self) -> kernel.ScreenBuffer | kernel.InputBuffer:
        try:
            return kernel.console_screen(self._value)
        except InvalidHandleError:
            return kernel.console_input(self._value)

    @api("SetConsoleActiveScreenBuffer")
    def SetConsoleActiveScreenBuffer(self) -> None:
        kernel.set_active_screen_buffer(self._screen())

    @api("GetConsoleCursorInfo")
    def GetConsoleCursorInfo(self) -> tuple[int, int]:
        size, visible = self._screen().cursor_shape()
        return size, int(visible)

    @api("SetConsoleCursorInfo")
    def SetConsoleCursorInfo(self, Size: object, Visible: object) -> None:
        self._screen().set_cursor_shape(dword(Size), as_bool(Visible))

    @api("GetConsoleMode")
    def GetConsoleMode(self) -> int:
        return self._either().mode

    @api("SetConsoleMode")
    def SetConsoleMode(self, Mode: object) -> None:
        self._either().set_mode(dword(Mode))

    @api("ReadConsole")
    def ReadConsole(self, NumberOfCharsToRead: object) -> str:
        return kernel.read_console(self._input(), dword(NumberOfCharsToRead))

    @api("WriteConsole")
    def WriteConsole(self, Buffer: object) -> int:
        if not isinstance(Buffer, str):
            raise TypeError("Buffer must be a str")
        return self._screen().write(Buffer)

    @api("FlushConsoleInputBuffer")
    def FlushConsoleInputBuffer(self) -> None:
        self._input().flush()

    @api("SetConsoleTextAttribute")
    def SetConsoleTextAttribute(self, Attributes: object) -> None:
        self._screen().set_attribute(dword(Attributes) & 0xFFFF)

    @api("SetConsoleCursorPosition")
    def SetConsoleCursorPosition(self, CursorPosition: object) -> None:
        self._screen().set_cursor(*_coord(CursorPosition))

    @api("SetConsoleScreenBufferSize")
    def SetConsoleScreenBufferSize(self, Size: object) -> None:
        self._screen().set_size(*_coord(Size))

    @api("SetConsoleWindowInfo")
    def SetConsoleWindowInfo(self, Absolute: object, ConsoleWindow: object) -> None:
        self._screen().set_window(as_bool(Absolute), _rect(ConsoleWindow))

    @api("GetConsoleScreenBufferInfo")
    def GetConsoleScreenBufferInfo(self) -> dict[str, object]:
        info = self._screen().info()
        return {
            "Size": PyCOORD(*info.size),
            "CursorPosition": PyCOORD(*info.cursor),
            "Attributes": info.attribute,
            "Window": PySMALL_RECT(*info.window),
            "MaximumWindowSize": PyCOORD(*info.maximum_window),
        }

    @api("GetLargestConsoleWindowSize")
    def GetLargestConsoleWindowSize(self) -> PyCOORD:
        return PyCOORD(*self._screen().largest_window())

    @api("FillConsoleOutputAttribute")
    def FillConsoleOutputAttribute(
        self, Attribute: object, Length: object, WriteCoord: object
    ) -> int:
        return self._screen().fill_attributes(
            dword(Attribute) & 0xFFFF, dword(Length), *_coord(WriteCoord)
        )

    @api("FillConsoleOutputCharacter")
    def FillConsoleOutputCharacter(
        self, Character: object, Length: object, WriteCoord: object
    ) -> int:
        return self._screen().fill_characters(_char(Character), dword(Length), *_coord(WriteCoord))

    @api("ReadConsoleOutputCharacter")
    def ReadConsoleOutputCharacter(self, Length: object, ReadCoord: object) -> str:
        return self._screen().read_characters(dword(Length), *_coord(ReadCoord))

    @api("ReadConsoleOutputAttribute")
    def ReadConsoleOutputAttribute(self, Length: object, ReadCoord: object) -> tuple[int, ...]:
        return tuple(self._screen().read_attributes(dword(Length), *_coord(ReadCoord)))

    @api("WriteConsoleOutputCharacter")
    def WriteConsoleOutputCharacter(self, Characters: object, WriteCoord: object) -> int:
        if not isinstance(Characters, str):
            raise TypeError("Characters must be a str")
        return self._screen().write_characters(Characters, *_coord(WriteCoord))

    @api("WriteConsoleOutputAttribute")
    def WriteConsoleOutputAttribute(self, Attributes: object, WriteCoord: object) -> int:
        if not isinstance(Attributes, (tuple, list)):
            raise TypeError("Attributes must be a sequence of ints")
        values = [dword(a) & 0xFFFF for a in Attributes]
        return self._screen().write_attributes(values, *_coord(WriteCoord))

    @api("ScrollConsoleScreenBuffer")
    def ScrollConsoleScreenBuffer(
        self,
        ScrollRectangle: object,
        ClipRectangle: object,
        DestinationOrigin: object,
        FillCharacter: object,
        FillAttribute: object,
    ) -> None:
        clip = None if ClipRectangle is None else _rect(ClipRectangle)
        fill = (_char(FillCharacter), dword(FillAttribute) & 0xFFFF)
        self._screen().scroll(_rect(ScrollRectangle), _coord(DestinationOrigin), fill, clip)

    @api("SetStdHandle")
    def SetStdHandle(self, StdHandle: object) -> None:
        stream = _STREAMS.get(_short(StdHandle), -1)
        kernel.set_std_handle(stream, self._value)

    @api("WriteConsoleInput")
    def WriteConsoleInput(self, Buffer: object) -> int:
        records = _records(Buffer)
        return self._input().write(records)

    @api("ReadConsoleInput")
    def ReadConsoleInput(self, Length: object) -> tuple[PyINPUT_RECORD, ...]:
        return tuple(PyINPUT_RECORD._of(r) for r in self._input().read(dword(Length)))

    @api("PeekConsoleInput")
    def PeekConsoleInput(self, Length: object) -> tuple[PyINPUT_RECORD, ...]:
        return tuple(PyINPUT_RECORD._of(r) for r in self._input().peek(dword(Length)))

    @api("GetNumberOfConsoleInputEvents")
    def GetNumberOfConsoleInputEvents(self) -> int:
        return self._input().count()


PyCOORDType = PyCOORD
PySMALL_RECTType = PySMALL_RECT
PyINPUT_RECORDType = PyINPUT_RECORD
PyConsoleScreenBufferType = PyConsoleScreenBuffer


def GetConsoleWindow() -> int:
    """The console's window, 0 when the process has no console."""
    return messages.console_window()


@api("AllocConsole")
def AllocConsole() -> None:
    """Give the process a console (ERROR_ACCESS_DENIED if it has one)."""
    kernel.alloc_console()


@api("FreeConsole")
def FreeConsole() -> None:
    """Leave the console, whose window hides (nothing happens without one)."""
    messages.close_console()


@api("AttachConsole")
def AttachConsole(ProcessId: object) -> None:
    """Attach to another process's console (ATTACH_PARENT_PROCESS: the parent's)."""
    kernel.attach_console(dword(ProcessId))


@api("GetConsoleTitle")
def GetConsoleTitle() -> str:
    return kernel.console_title()


@api("SetConsoleTitle")
def SetConsoleTitle(ConsoleTitle: object) -> None:
    if not isinstance(ConsoleTitle, str):
        raise TypeError("ConsoleTitle must be a str")
    messages.set_console_window_title(ConsoleTitle)


def GetConsoleCP() -> int:
    return kernel.console_code_page()


def GetConsoleOutputCP() -> int:
    return kernel.console_code_page(output=True)


@api("SetConsoleCP")
def SetConsoleCP(CodePageId: object) -> None:
    kernel.set_console_code_page(dword(CodePageId))


@api("SetConsoleOutputCP")
def SetConsoleOutputCP(CodePageID: object) -> None:
    kernel.set_console_code_page(dword(CodePageID), output=True)


@api("GetConsoleProcessList")
def GetConsoleProcessList() -> tuple[int, ...]:
    return tuple(kernel.console_processes())


@api("GenerateConsoleCtrlEvent")
def GenerateConsoleCtrlEvent(CtrlEvent: object, ProcessGroupId: object = 0) -> None:
    kernel.send_console_ctrl_event(dword(CtrlEvent), dword(ProcessGroupId))


@api("GetStdHandle")
def GetStdHandle(StdHandle: object) -> PyConsoleScreenBuffer:
    """A new handle to a standard handle's object (pywin32 duplicates it)."""
    stream = _STREAMS.get(_short(StdHandle))
    if stream is None:
        raise InvalidHandleError(f"{StdHandle!r} names no standard handle")
    return PyConsoleScreenBuffer(kernel.std_handle(stream))


@api("CreateConsoleScreenBuffer")
def CreateConsoleScreenBuffer(
    DesiredAccess: object = _GENERIC_READ_WRITE,
    ShareMode: object = 0,
    SecurityAttributes: object = None,
    Flags: object = CONSOLE_TEXTMODE_BUFFER,
) -> PyConsoleScreenBuffer:
    """A new screen buffer of the console (CONSOLE_TEXTMODE_BUFFER is the one kind)."""
    if dword(Flags) != CONSOLE_TEXTMODE_BUFFER:
        raise InvalidParameterError(f"{Flags!r} is no screen buffer kind")
    buffer = PyConsoleScreenBuffer()
    buffer._value = kernel.handles.insert(kernel.create_screen_buffer())
    return buffer


def GetConsoleDisplayMode() -> int:
    """0: the console is windowed (Windows' answer for a console window)."""
    return 0


@api("AddConsoleAlias")
def AddConsoleAlias(Source: object, Target: object, ExeName: object) -> None:
    """Make Source stand for Target in ExeName's console lines (Target None removes it)."""
    kernel.add_console_alias(text(Source), None if Target is None else text(Target), text(ExeName))


@api("GetConsoleAliases")
def GetConsoleAliases(ExeName: object) -> str:
    """ExeName's aliases as pywin32 gives them: 'source=target' and a NUL each, '' for none."""
    return "".join(
        f"{source}={target}\0" for source, target in kernel.console_aliases(text(ExeName))
    )


@api("GetConsoleAliasExes")
def GetConsoleAliasExes() -> str:
    """The executables that have aliases, each followed by a NUL ('' for none)."""
    return "".join(f"{name}\0" for name in kernel.console_alias_exes())


@api("GetConsoleSelectionInfo")
def GetConsoleSelectionInfo() -> dict[str, Any]:
    """{'Flags', 'SelectionAnchor' (PyCOORD), 'Selection' (PySMALL_RECT)} of the console."""
    selection = kernel.console_selection()
    return {
        "Flags": selection.flags,
        "SelectionAnchor": PyCOORD(*selection.anchor),
        "Selection": PySMALL_RECT(*selection.rect),
    }


def GetNumberOfConsoleFonts() -> int:
    return kernel.console_font_count()
