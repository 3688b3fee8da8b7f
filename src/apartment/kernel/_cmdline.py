"""Command lines as Windows reads and writes them: one string, split by its C runtime's rules.

On Windows a process gets one command-line string (GetCommandLine), and the program splits it
into arguments itself (CommandLineToArgvW, the C runtime). Programs written for Windows build
their command lines for those rules (``subprocess.list2cmdline`` is them), so CreateProcess
here splits a command line by them too, and GetCommandLine joins this process's arguments so
that they split back to the same list.

The rules, for every argument but the first: spaces and tabs separate arguments outside
quotes; a double quote starts or ends a quoted part; backslashes are literal unless they come
before a double quote, where each pair of them is one backslash and an odd one out makes the
quote literal; inside a quoted part, a quote that follows a closing quote is a literal quote.
The first argument, the program, is read more simply: up to the closing quote if it starts
with one, else up to the first space or tab, with no backslash rule.
"""

from __future__ import annotations

import subprocess
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["ARGV0_ENV", "join_command_line", "split_command_line"]

_BLANKS = " \t"

ARGV0_ENV = "APARTMENT_ARGV0"
"""Set by CreateProcess for a Python child started as its image's full path while its command
line names it otherwise (``python -c ...``): "PARENT_PID:NAME". CPython finds its prefix from
argv[0] (a bare name is looked up on PATH, maybe another Python), Windows from the image; the
child runs as the image and GetCommandLine still shows NAME. The parent's pid keeps a
grandchild that inherited the variable from reading it as its own."""


def split_command_line(text: str) -> list[str]:
    """Split ``text`` into arguments by Windows' rules (CommandLineToArgvW).

    An empty command line (or one of blanks only) is the running program alone, as Windows
    gives its module's path.

    Raises:
        TypeError: ``text`` is not a str.
    """
    if not isinstance(text, str):
        raise TypeError(f"a command line is a str, not {type(text).__name__}")
    if not text.strip(_BLANKS):
        return [sys.executable]
    program, at = _program(text)
    args = [program]
    size = len(text)
    while at < size and text[at] in _BLANKS:
        at += 1
    while at < size:
        arg, at = _argument(text, at)
        args.append(arg)
        while at < size and text[at] in _BLANKS:
            at += 1
    return args


def _program(text: str) -> tuple[str, int]:
    """The first argument (the program) and where it ends: quotes only, no escapes."""
    if text[0] == '"':
        end = text.find('"', 1)
        if end < 0:
            return text[1:], len(text)
        return text[1:end], end + 1
    end = 0
    while end < len(text) and text[end] not in _BLANKS:
        end += 1
    return text[:end], end


def _argument(text: str, at: int) -> tuple[str, int]:
    """One argument after the first, from ``at``; and where the next one may start."""
    out: list[str] = []
    quotes = 0  # quotes seen in this quoted run: odd while inside quotes
    backslashes = 0
    size = len(text)
    while at < size:
        char = text[at]
        if char in _BLANKS and not quotes:
            break
        if char == "\\":
            out.append(char)
            backslashes += 1
            at += 1
            continue
        if char != '"':
            out.append(char)
            backslashes = 0
            at += 1
            continue
        # a quote: the backslashes before it are halved; an odd one out makes it literal
        if backslashes % 2 == 0:
            del out[len(out) - backslashes // 2 :]
            quotes += 1
        else:
            del out[len(out) - backslashes // 2 - 1 :]
            out.append('"')
        backslashes = 0
        at += 1
        # quotes that follow: every third is a literal quote, counting the ones before
        while at < size and text[at] == '"':
            quotes += 1
            if quotes == 3:
                out.append('"')
                quotes = 0
            at += 1
        if quotes == 2:
            quotes = 0
    return "".join(out), at


def join_command_line(args: Sequence[str]) -> str:
    """Join ``args`` into one command line that :func:`split_command_line` splits back.

    As Python on Windows builds the command line it passes to CreateProcess.
    """
    return subprocess.list2cmdline(list(args))
