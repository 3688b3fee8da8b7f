"""Set the console title and print in colour, with the fallback for output that is no console.

Source: public GitHub helpers and answers that colour their output through pywin32
(``win32console.GetStdHandle(win32console.STD_OUTPUT_HANDLE)``,
``GetConsoleScreenBufferInfo()['Attributes']`` saved and restored around
``SetConsoleTextAttribute``) and set a window title with ``win32console.SetConsoleTitle``
(search "win32console.SetConsoleTitle" and "SetConsoleTextAttribute GetConsoleScreenBufferInfo
Attributes"). Their ``except pywintypes.error`` path is the one taken when the output is a
pipe or a file, as here: the colour calls fail with ERROR_INVALID_HANDLE and the text goes
out plain. The title is read back with ``GetConsoleTitle``.
"""

import sys

import pywintypes
import win32console

FOREGROUND_RED = win32console.FOREGROUND_RED
FOREGROUND_GREEN = win32console.FOREGROUND_GREEN


class ColorPrinter:
    def __init__(self):
        self.handle = win32console.GetStdHandle(win32console.STD_OUTPUT_HANDLE)
        try:
            self.default = self.handle.GetConsoleScreenBufferInfo()["Attributes"]
            self.console = True
        except pywintypes.error as error:
            print("not a console:", error.winerror, error.funcname)
            self.default = None
            self.console = False

    def cprint(self, text, color):
        if not self.console:
            print(text)
            return
        sys.stdout.flush()
        self.handle.SetConsoleTextAttribute(color)
        print(text)
        sys.stdout.flush()
        self.handle.SetConsoleTextAttribute(self.default)


def main():
    try:
        win32console.SetConsoleTitle("Build #42 - running")
        print("title:", win32console.GetConsoleTitle())
    except pywintypes.error as error:
        print("no console title:", error.funcname)
    printer = ColorPrinter()
    printer.cprint("PASS test_one", FOREGROUND_GREEN)
    printer.cprint("FAIL test_two", FOREGROUND_RED)
    try:
        printer.handle.SetConsoleTextAttribute(FOREGROUND_RED)
    except pywintypes.error as error:
        print("colour refused:", error.winerror, error.funcname)
    print("output cp is a number:", isinstance(win32console.GetConsoleOutputCP(), int))
    print("done")


if __name__ == "__main__":
    main()
