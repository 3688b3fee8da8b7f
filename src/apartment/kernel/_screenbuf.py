"""A console screen buffer: a grid of cells (a character and its colours), a cursor, a window.

Windows' screen buffer is such a grid, kept by the console; programs write text at the
cursor (WriteConsole), or characters and attributes at given cells, and read them back. The
model keeps the grid in memory, so those round trips answer as on Windows. A buffer made
for a terminal also draws on it while it is the shown one: text written at the cursor, its
attribute turned into ANSI SGR colours; cursor moves, as CUP sequences; cells written or
filled, where they are (the cursor left in place). The terminal's own screen is never read
back: what was on it before reads as blanks.

Every method may be called from any thread: the buffer's lock orders them.
"""

from __future__ import annotations

import contextlib
import os
import threading
from dataclasses import dataclass

from ..errors import InvalidParameterError

__all__ = ["ScreenBuffer", "ScreenBufferInfo", "sgr_of_attribute"]

DEFAULT_ATTRIBUTE = 0x07  # light grey on black
PROCESSED_OUTPUT, WRAP_AT_EOL_OUTPUT = 0x1, 0x2
_OUTPUT_MODES = 0x1F  # PROCESSED, WRAP_AT_EOL, VIRTUAL_TERMINAL, NO_AUTO_RETURN, LVB_GRID
_MAX_COORD = 0x7FFF


@dataclass(frozen=True, slots=True)
class ScreenBufferInfo:
    """GetConsoleScreenBufferInfo's answer: sizes and positions in cells, (x, y)."""

    size: tuple[int, int]
    cursor: tuple[int, int]
    attribute: int
    window: tuple[int, int, int, int]  # left, top, right, bottom (inclusive)
    maximum_window: tuple[int, int]


def sgr_of_attribute(attribute: int) -> str:
    """The ANSI SGR sequence that draws text in a console attribute's colours."""
    if attribute & 0xFF == DEFAULT_ATTRIBUTE and not attribute & 0xC000:
        return "\x1b[0m"
    fg, bg = attribute & 0xF, (attribute >> 4) & 0xF
    codes = ["0"]
    if attribute & 0x4000:  # COMMON_LVB_REVERSE_VIDEO
        codes.append("7")
    if attribute & 0x8000:  # COMMON_LVB_UNDERSCORE
        codes.append("4")
    codes.append(str((90 if fg & 8 else 30) + _ansi(fg)))
    codes.append(str((100 if bg & 8 else 40) + _ansi(bg)))
    return f"\x1b[{';'.join(codes)}m"


def _ansi(colour: int) -> int:
    """Windows' colour bits (blue 1, green 2, red 4) as an ANSI colour number (red 1, blue 4)."""
    return (1 if colour & 4 else 0) | (colour & 2) | (4 if colour & 1 else 0)


def _check_short(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what} is an int, not {value!r}")
    return value


class ScreenBuffer:
    """One screen buffer of a console (a cell grid with a cursor and a window on it).

    Args:
        size: columns and rows.
        window: the visible part's columns and rows (at the top left).
        largest: the largest window the screen could show.
        terminal: a descriptor of a terminal that shows this buffer, or None.
    """

    def __init__(
        self,
        size: tuple[int, int] = (80, 300),
        window: tuple[int, int] = (80, 25),
        *,
        largest: tuple[int, int] = (128, 46),
        terminal: int | None = None,
    ) -> None:
        self._lock = threading.Lock()
        self._width, self._height = size
        self._chars = [[" "] * self._width for _ in range(self._height)]
        self._attrs = [[DEFAULT_ATTRIBUTE] * self._width for _ in range(self._height)]
        self._cursor = (0, 0)
        self._attribute = DEFAULT_ATTRIBUTE
        self._window = (0, 0, window[0] - 1, window[1] - 1)
        self._largest = largest
        self._mode = PROCESSED_OUTPUT | WRAP_AT_EOL_OUTPUT
        self._cursor_shape = (25, True)
        self._terminal = terminal
        self._drawn_attribute = DEFAULT_ATTRIBUTE
        self.active = False
        """Whether the console shows this buffer (only the shown one draws on a terminal)."""

    def __repr__(self) -> str:
        return f"<ScreenBuffer {self._width}x{self._height}>"

    # -- what Windows reports -------------------------------------------------------------

    def info(self) -> ScreenBufferInfo:
        """Sizes, cursor, attribute and window (GetConsoleScreenBufferInfo)."""
        with self._lock:
            return ScreenBufferInfo(
                (self._width, self._height), self._cursor, self._attribute, self._window,
                (min(self._width, self._largest[0]), min(self._height, self._largest[1])),
            )  # fmt: skip

    def largest_window(self) -> tuple[int, int]:
        """The largest window the screen could show (GetLargestConsoleWindowSize)."""
        return self._largest

    @property
    def mode(self) -> int:
        """The ENABLE_* output mode bits (GetConsoleMode)."""
        return self._mode

    def set_mode(self, mode: int) -> None:
        """Set the output mode bits (SetConsoleMode); ERROR_INVALID_PARAMETER for others."""
        if _check_short(mode, "a mode") & ~_OUTPUT_MODES or mode < 0:
            raise InvalidParameterError(f"{mode:#x} holds no output mode")
        self._mode = mode

    def cursor_shape(self) -> tuple[int, bool]:
        """The cursor's size (percent of a cell) and visibility (GetConsoleCursorInfo)."""
        return self._cursor_shape

    def set_cursor_shape(self, size: int, visible: bool) -> None:
        """Set the cursor's size, 1 to 100, and visibility (SetConsoleCursorInfo)."""
        if not 1 <= _check_short(size, "a cursor size") <= 100:
            raise InvalidParameterError(f"a cursor size is 1 to 100, not {size}")
        self._cursor_shape = (size, bool(visible))
        self._draw("\x1b[?25h" if visible else "\x1b[?25l")

    # -- text at the cursor ---------------------------------------------------------------

    def set_attribute(self, attribute: int) -> None:
        """Set the attribute of the text written from now on (SetConsoleTextAttribute)."""
        self._attribute = _check_short(attribute, "an attribute") & 0xFFFF

    def set_cursor(self, x: int, y: int) -> None:
        """Move the cursor (SetConsoleCursorPosition); ERROR_INVALID_PARAMETER off the grid."""
        with self._lock:
            self._check_cell(x, y)
            self._cursor = (x, y)
            self._follow_cursor()
            left, top = self._window[:2]
            self._draw(f"\x1b[{y - top + 1};{x - left + 1}H")

    def write(self, text: str) -> int:
        """Write ``text`` at the cursor, as WriteConsole does; return the characters written.

        With ENABLE_PROCESSED_OUTPUT, backspace, tab, carriage return and line feed move the
        cursor; with ENABLE_WRAP_AT_EOL_OUTPUT a full line goes on at the next one; at the
        last row the buffer scrolls up.
        """
        if not isinstance(text, str):
            raise TypeError(f"the text is a str, not {text!r}")
        with self._lock:
            processed = self._mode & PROCESSED_OUTPUT
            for char in text:
                if processed and char in "\b\t\r\n\a":
                    self._control(char)
                else:
                    self._put(char)
            self._follow_cursor()
            if self._terminal is not None and self.active:
                prefix = ""
                if self._attribute != self._drawn_attribute:
                    prefix = sgr_of_attribute(self._attribute)
                    self._drawn_attribute = self._attribute
                self._draw(prefix + text)
        return len(text)

    def _put(self, char: str) -> None:
        x, y = self._cursor
        self._chars[y][x] = char
        self._attrs[y][x] = self._attribute
        x += 1
        if x == self._width:
            if self._mode & WRAP_AT_EOL_OUTPUT:
                self._newline()
                return
            x = self._width - 1
        self._cursor = (x, y)

    def _control(self, char: str) -> None:
        x, y = self._cursor
        if char == "\n":
            self._newline()
        elif char == "\r":
            self._cursor = (0, y)
        elif char == "\b":
            self._cursor = (max(x - 1, 0), y)
        elif char == "\t":
            for _ in range(8 - x % 8):
                self._put(" ")

    def _newline(self) -> None:
        y = self._cursor[1] + 1
        if y == self._height:  # the buffer scrolls up a line
            del self._chars[0], self._attrs[0]
            self._chars.append([" "] * self._width)
            self._attrs.append([self._attribute] * self._width)
            y -= 1
        self._cursor = (0, y)

    def _follow_cursor(self) -> None:
        """Scroll the window to show the cursor, as the console does when text is written."""
        left, top, right, bottom = self._window
        y = self._cursor[1]
        if y > bottom:
            top, bottom = y - (bottom - top), y
        elif y < top:
            top, bottom = y, y + (bottom - top)
        self._window = (left, top, right, bottom)

    def _redraw(self, cells: list[tuple[int, int]]) -> None:
        """Draw changed cells on the terminal, runs of one row at a time, the cursor kept."""
        if self._terminal is None or not self.active or not cells:
            return
        left, top, right, bottom = self._window
        parts = ["\x1b7"]  # save the cursor
        row: int | None = None
        drawn = -1
        for x, y in cells:
            if not (left <= x <= right and top <= y <= bottom):
                row = None
                continue
            if row != y or x == left:
                parts.append(f"\x1b[{y - top + 1};{x - left + 1}H")
                row = y
            if self._attrs[y][x] != drawn:
                drawn = self._attrs[y][x]
                parts.append(sgr_of_attribute(drawn))
            parts.append(self._chars[y][x])
        parts.append(sgr_of_attribute(self._drawn_attribute) + "\x1b8")  # and restore it
        self._draw("".join(parts))

    def _draw(self, text: str) -> None:
        if self._terminal is None or not self.active:
            return
        with contextlib.suppress(OSError):  # the terminal went away: the model goes on
            os.write(self._terminal, text.encode("utf-8", "replace"))

    # -- cells ----------------------------------------------------------------------------

    def _check_cell(self, x: int, y: int) -> None:
        if not (
            0 <= _check_short(x, "X") < self._width and 0 <= _check_short(y, "Y") < self._height
        ):
            raise InvalidParameterError(
                f"({x}, {y}) is outside the {self._width}x{self._height} buffer"
            )

    def _cells(self, x: int, y: int, count: int) -> list[tuple[int, int]]:
        """The cells from (x, y) on, row after row, at most ``count``, up to the buffer's end.

        None from a cell outside the buffer (Windows reads and writes nothing there).
        """
        if _check_short(count, "a length") < 0:
            raise InvalidParameterError(f"a length is not negative ({count})")
        if not (
            0 <= _check_short(x, "X") < self._width and 0 <= _check_short(y, "Y") < self._height
        ):
            return []
        start = y * self._width + x
        stop = min(start + count, self._width * self._height)
        return [divmod(index, self._width)[::-1] for index in range(start, stop)]

    def fill_characters(self, char: str, count: int, x: int, y: int) -> int:
        """Write ``char`` in ``count`` cells from (x, y) on; return how many (the grid ends)."""
        if not isinstance(char, str) or len(char) != 1:
            raise TypeError(f"a character is a str of length 1, not {char!r}")
        with self._lock:
            cells = self._cells(x, y, count)
            for cx, cy in cells:
                self._chars[cy][cx] = char
            self._redraw(cells)
        return len(cells)

    def fill_attributes(self, attribute: int, count: int, x: int, y: int) -> int:
        """Give ``count`` cells from (x, y) on ``attribute``; return how many."""
        attribute = _check_short(attribute, "an attribute") & 0xFFFF
        with self._lock:
            cells = self._cells(x, y, count)
            for cx, cy in cells:
                self._attrs[cy][cx] = attribute
            self._redraw(cells)
        return len(cells)

    def write_characters(self, text: str, x: int, y: int) -> int:
        """Write ``text`` in the cells from (x, y) on (no control characters); return how many."""
        if not isinstance(text, str):
            raise TypeError(f"the characters are a str, not {text!r}")
        with self._lock:
            cells = self._cells(x, y, len(text))
            for char, (cx, cy) in zip(text, cells, strict=False):
                self._chars[cy][cx] = char
            self._redraw(cells)
        return len(cells)

    def write_attributes(self, attributes: list[int], x: int, y: int) -> int:
        """Give the cells from (x, y) on these attributes; return how many cells."""
        values = [_check_short(a, "an attribute") & 0xFFFF for a in attributes]
        with self._lock:
            cells = self._cells(x, y, len(values))
            for value, (cx, cy) in zip(values, cells, strict=False):
                self._attrs[cy][cx] = value
            self._redraw(cells)
        return len(cells)

    def read_characters(self, count: int, x: int, y: int) -> str:
        """The characters of ``count`` cells from (x, y) on (fewer where the grid ends)."""
        with self._lock:
            return "".join(self._chars[cy][cx] for cx, cy in self._cells(x, y, count))

    def read_attributes(self, count: int, x: int, y: int) -> list[int]:
        """The attributes of ``count`` cells from (x, y) on (fewer where the grid ends)."""
        with self._lock:
            return [self._attrs[cy][cx] for cx, cy in self._cells(x, y, count)]

    def scroll(
        self,
        rect: tuple[int, int, int, int],
        origin: tuple[int, int],
        fill: tuple[str, int],
        clip: tuple[int, int, int, int] | None = None,
    ) -> None:
        """Move the cells of ``rect`` to ``origin`` (ScrollConsoleScreenBuffer).

        The cells of ``rect`` left behind get ``fill`` (a character and an attribute); only
        the cells inside ``clip`` (the whole buffer if None) change. Rectangles are (left,
        top, right, bottom), inclusive, cut to the buffer.
        """
        char, attribute = fill
        if not isinstance(char, str) or len(char) != 1:
            raise TypeError(f"a character is a str of length 1, not {char!r}")
        for value in (*rect, *origin, *(clip or ()), attribute):
            _check_short(value, "a coordinate")
        with self._lock:
            left, top, right, bottom = self._cut(rect)
            c_left, c_top, c_right, c_bottom = self._cut(clip or (0, 0, self._width, self._height))
            if right < left or bottom < top:
                return

            def inside(x: int, y: int) -> bool:
                return c_left <= x <= c_right and c_top <= y <= c_bottom

            source = {
                (x, y): (self._chars[y][x], self._attrs[y][x])
                for y in range(top, bottom + 1)
                for x in range(left, right + 1)
            }
            changed = [cell for cell in source if inside(*cell)]
            for x, y in changed:
                self._chars[y][x], self._attrs[y][x] = char, attribute & 0xFFFF
            dx, dy = origin[0] - left, origin[1] - top
            for (x, y), (cell_char, cell_attr) in source.items():
                tx, ty = x + dx, y + dy
                if 0 <= tx < self._width and 0 <= ty < self._height and inside(tx, ty):
                    self._chars[ty][tx], self._attrs[ty][tx] = cell_char, cell_attr
                    changed.append((tx, ty))
            self._redraw(sorted(set(changed), key=lambda cell: (cell[1], cell[0])))

    def _cut(self, rect: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
        left, top, right, bottom = rect
        return max(left, 0), max(top, 0), min(right, self._width - 1), min(bottom, self._height - 1)

    # -- sizes ----------------------------------------------------------------------------

    def set_size(self, width: int, height: int) -> None:
        """Resize the grid (SetConsoleScreenBufferSize), keeping what fits.

        Raises:
            InvalidParameterError: smaller than the window, or larger than 32767.
        """
        _check_short(width, "X")
        _check_short(height, "Y")
        with self._lock:
            left, top, right, bottom = self._window
            if (
                width < right - left + 1
                or height < bottom - top + 1
                or max(width, height) > _MAX_COORD
            ):
                raise InvalidParameterError(f"{width}x{height} does not hold the window")
            self._chars = [
                (row[:width] + [" "] * (width - len(row)))
                for row in self._chars[:height]
            ] + [[" "] * width for _ in range(height - self._height)]  # fmt: skip
            self._attrs = [
                (row[:width] + [DEFAULT_ATTRIBUTE] * (width - len(row)))
                for row in self._attrs[:height]
            ] + [[DEFAULT_ATTRIBUTE] * width for _ in range(height - self._height)]  # fmt: skip
            self._width, self._height = width, height
            if right >= width or bottom >= height:  # the window moves back inside
                self._window = (0, 0, right - left, bottom - top)
            x, y = self._cursor
            self._cursor = (min(x, width - 1), min(y, height - 1))

    def set_window(self, absolute: bool, rect: tuple[int, int, int, int]) -> None:
        """Move or resize the window (SetConsoleWindowInfo); relative edges are added.

        Raises:
            InvalidParameterError: the window leaves the buffer, is empty, or is larger
                than the largest window.
        """
        for edge in rect:
            _check_short(edge, "an edge")
        with self._lock:
            if absolute:
                left, top, right, bottom = rect
            else:
                left, top, right, bottom = (a + b for a, b in zip(self._window, rect, strict=True))
            if (
                left < 0 or top < 0 or right >= self._width or bottom >= self._height
                or right < left or bottom < top
                or right - left + 1 > self._largest[0] or bottom - top + 1 > self._largest[1]
            ):  # fmt: skip
                raise InvalidParameterError(f"{(left, top, right, bottom)} is no window here")
            self._window = (left, top, right, bottom)
