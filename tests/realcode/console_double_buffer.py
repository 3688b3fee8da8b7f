"""Draw frames into off-screen console buffers and flip them, as console games and TUIs do.

Source: public GitHub files that keep several ``win32console.CreateConsoleScreenBuffer()``
buffers, write a frame with ``WriteConsole`` / ``WriteConsoleOutputCharacter`` and flip with
``SetConsoleActiveScreenBuffer`` (a ``Buffers`` class with ``switch``/``flush``; a ``Screen``
class with ``PyCOORDType`` positions and ``SetConsoleCursorInfo(size, False)``; search
"win32console.CreateConsoleScreenBuffer SetConsoleActiveScreenBuffer"). Here the program
reads its frames back with ``ReadConsoleOutputCharacter`` instead of a human looking at them,
and (run with its output on a pipe, as here) first gives itself a console with ``FreeConsole`` and
``AllocConsole`` as GUI programs do.
"""

import win32con
import win32console

FG_WHITE = (
    win32console.FOREGROUND_RED | win32console.FOREGROUND_GREEN | win32console.FOREGROUND_BLUE
)


class Screen:
    def __init__(self):
        self.stdout = win32console.CreateConsoleScreenBuffer(
            DesiredAccess=win32con.GENERIC_READ | win32con.GENERIC_WRITE,
            ShareMode=0,
            SecurityAttributes=None,
            Flags=win32console.CONSOLE_TEXTMODE_BUFFER,
        )
        self.stdout.SetConsoleActiveScreenBuffer()
        cursor_size = self.stdout.GetConsoleCursorInfo()[0]
        self.stdout.SetConsoleCursorInfo(cursor_size, False)
        self.cursor_x = 0
        self.cursor_y = 0

    def write(self, string, color=None, x=None, y=None):
        pos = win32console.PyCOORDType(
            x if x is not None else self.cursor_x, y if y is not None else self.cursor_y
        )
        self.stdout.WriteConsoleOutputCharacter(string, pos)
        if color is not None:
            self.stdout.FillConsoleOutputAttribute(color, len(string), pos)
        self.cursor_x = pos.X + len(string)
        self.cursor_y = pos.Y

    def read(self, x, y, length):
        return self.stdout.ReadConsoleOutputCharacter(length, win32console.PyCOORDType(x, y))


class Buffers:
    def __init__(self, num=2):
        self.num = num
        self.buffer_list = [win32console.CreateConsoleScreenBuffer() for _ in range(self.num)]
        self.current = 0
        self.last = 0

    def write(self, text="\n"):
        return self.buffer_list[self.current].WriteConsole(text)

    def switch(self):
        self.last = self.current
        self.current = (self.current + 1) % self.num
        self.buffer_list[self.current] = win32console.CreateConsoleScreenBuffer()

    def flush(self):
        self.buffer_list[self.current].SetConsoleActiveScreenBuffer()
        self.buffer_list[self.last].Close()


def main():
    try:
        win32console.CreateConsoleScreenBuffer().Close()
    except Exception as error:  # a pythonw-style program: give it a console first
        print("no console yet:", error.winerror)
        win32console.FreeConsole()  # a half-attached one (a pipe's): start afresh
        win32console.AllocConsole()
    screen = Screen()
    info = screen.stdout.GetConsoleScreenBufferInfo()
    print("buffer keys:", sorted(info))
    print("cursor visible:", repr(screen.stdout.GetConsoleCursorInfo()[1]))
    screen.write("score: 10", FG_WHITE | win32console.FOREGROUND_INTENSITY, x=0, y=0)
    screen.write(" lives: 3")
    screen.write("@", win32console.FOREGROUND_GREEN, x=5, y=2)
    print("row 0:", repr(screen.read(0, 0, 18)))
    print("row 2:", repr(screen.read(0, 2, 7)))
    attrs = screen.stdout.ReadConsoleOutputAttribute(2, win32console.PyCOORDType(4, 2))
    print("attrs at (4,2):", [hex(a) for a in attrs])
    buffers = Buffers(num=3)
    for frame in range(4):
        buffers.switch()
        written = buffers.write(f"frame {frame}")
        buffers.flush()
        text = buffers.buffer_list[buffers.current].ReadConsoleOutputCharacter(
            7, win32console.PyCOORDType(0, 0)
        )
        print("flipped to", buffers.current, "wrote", written, repr(text))
    for buffer in buffers.buffer_list:
        buffer.Close()
    try:
        buffers.buffer_list[0].ReadConsoleOutputCharacter(1, win32console.PyCOORDType(0, 0))
    except Exception as error:
        print("closed buffer:", error.winerror, error.funcname)
    screen.stdout.Close()
    print("done")


if __name__ == "__main__":
    main()
