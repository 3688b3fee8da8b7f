r"""Resource scripts (``.rc`` files): the dialogs, strings, icons and bitmaps they define.

A resource script is what Windows' resource compiler (rc.exe) compiles into a program's
resources; pywin32's ``win32rcparser`` reads one at run time instead, for dialogs made with
DialogBoxIndirect. This reads the same part of the language:

* the preprocessor: ``#include "file"`` of a file beside the script (a system header such
  as ``afxres.h`` is not there and is passed over), ``#define`` (a name with an integer
  value is an id), ``#undef``, and the conditionals ``#if``/``#ifdef``/``#ifndef``/
  ``#elif``/``#else``/``#endif`` with ``defined``, ``!``, ``&&``, ``||`` and comparisons;
* ``DIALOG`` and ``DIALOGEX`` with their options and controls, ``STRINGTABLE``, and the
  ``ICON`` and ``BITMAP`` file resources. Any other resource (menus, version information,
  TEXTINCLUDE, DESIGNINFO, DLGINIT...) is passed over whole.

A control's style is rc.exe's: ``WS_CHILD | WS_VISIBLE`` and its statement's default (a
PUSHBUTTON is a tab stop, an EDITTEXT has a border...), to which a style expression adds
(``A | B``) and from which ``NOT X`` takes away, the default's bits included. A name in an
expression is one of the script's ``#define``\ s or one of the caller's ``symbols`` (the
facade passes win32con's and commctrl's constants); ``IDC_STATIC`` is -1, as ``afxres.h``
makes it; a name of ``symbols`` used as a control's id (``IDOK``) joins the script's ids.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import TYPE_CHECKING, Final

from ._styles import (
    WS_BORDER,
    WS_CAPTION,
    WS_CHILD,
    WS_POPUP,
    WS_SYSMENU,
    WS_TABSTOP,
    WS_VISIBLE,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

__all__ = [
    "ResourceScript",
    "ResourceScriptError",
    "ScriptControl",
    "ScriptDialog",
    "ScriptString",
    "parse_resource_script",
]

_DS_SETFONT: Final = 0x40
# afxres.h's IDC_STATIC: every script has it (a name of ``symbols`` used as an id, IDOK say,
# becomes one of the script's ids when it is used, as in pywin32's reader)
_STANDARD_IDS: Final = {"IDC_STATIC": -1}
# statement -> (window class, default style): rc.exe's table, as pywin32's reader has it (rc.exe
# adds WS_GROUP to the text statements and WS_BORDER to LISTBOX; pywin32's reader does not)
_WITH_TEXT: Final = {
    "LTEXT": ("Static", 0x0),  # SS_LEFT
    "CTEXT": ("Static", 0x1),  # SS_CENTER
    "RTEXT": ("Static", 0x2),  # SS_RIGHT
    "ICON": ("Static", 0x3),  # SS_ICON
    "PUSHBUTTON": ("Button", 0x0 | WS_TABSTOP),  # BS_PUSHBUTTON
    "DEFPUSHBUTTON": ("Button", 0x1 | WS_TABSTOP),  # BS_DEFPUSHBUTTON
    "CHECKBOX": ("Button", 0x2 | WS_TABSTOP),  # BS_CHECKBOX
    "AUTOCHECKBOX": ("Button", 0x3 | WS_TABSTOP),  # BS_AUTOCHECKBOX
    "RADIOBUTTON": ("Button", 0x4 | WS_TABSTOP),  # BS_RADIOBUTTON
    "STATE3": ("Button", 0x5 | WS_TABSTOP),  # BS_3STATE
    "AUTO3STATE": ("Button", 0x6 | WS_TABSTOP),  # BS_AUTO3STATE
    "GROUPBOX": ("Button", 0x7),  # BS_GROUPBOX
    "AUTORADIOBUTTON": ("Button", 0x9 | WS_TABSTOP),  # BS_AUTORADIOBUTTON
    "PUSHBOX": ("Button", 0xA | WS_TABSTOP),  # BS_PUSHBOX
}
_WITHOUT_TEXT: Final = {
    "EDITTEXT": ("Edit", 0x0 | WS_BORDER | WS_TABSTOP),  # ES_LEFT
    "COMBOBOX": ("ComboBox", 0x1 | WS_TABSTOP),  # CBS_SIMPLE
    "LISTBOX": ("ListBox", 0x1),  # LBS_NOTIFY
    "SCROLLBAR": ("ScrollBar", 0x0),  # SBS_HORZ
}
_MEMORY_OPTIONS: Final = frozenset(
    {"DISCARDABLE", "MOVEABLE", "FIXED", "PURE", "IMPURE", "PRELOAD", "LOADONCALL", "SHARED"}
)
_TOKEN: Final = re.compile(
    r'\s+|//[^\n]*|/\*.*?\*/|(?P<string>L?"(?:[^"]|"")*")|(?P<number>0[xX][0-9a-fA-F]+[lLuU]*|\d+[lLuU]*)'
    r"|(?P<name>[A-Za-z_][A-Za-z0-9_.]*)|(?P<op>&&|\|\||==|!=|<=|>=|[-+|&!~(),{}<>*/])",
    re.DOTALL,
)
_ESCAPES: Final = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "\\": "\\", '"': '"', "0": "\0"}


@dataclasses.dataclass(frozen=True)
class ScriptString:
    """One entry of a STRINGTABLE: its id's name, the id, the text."""

    name: str
    number: int
    value: str


@dataclasses.dataclass(frozen=True)
class ScriptControl:
    """A dialog's control: class, text, id, place, style and extended style.

    The text of an icon or a bitmap control is the resource's number (or name); the place is
    ``(x, y, cx, cy)`` in dialog units.
    """

    class_name: str
    text: str | int
    id: int
    rect: tuple[int, int, int, int]
    style: int
    ex_style: int


@dataclasses.dataclass
class ScriptDialog:
    """A DIALOG or DIALOGEX resource: what a dialog template holds, and its font and menu."""

    caption: str
    rect: tuple[int, int, int, int]
    style: int
    ex_style: int = 0
    font: tuple[int, str] | None = None
    menu: str | int | None = None
    class_name: str | None = None
    items: list[ScriptControl] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class ResourceScript:
    """What a resource script defines.

    ``ids`` maps each name with an integer value to it and ``names`` each value to its
    (last) name; resources are keyed by their name as written (a number if it is one).
    """

    ids: dict[str, int] = dataclasses.field(default_factory=dict)
    names: dict[int, str] = dataclasses.field(default_factory=dict)
    dialogs: dict[str | int, ScriptDialog] = dataclasses.field(default_factory=dict)
    strings: dict[str, ScriptString] = dataclasses.field(default_factory=dict)
    icons: dict[str | int, str] = dataclasses.field(default_factory=dict)
    bitmaps: dict[str | int, str] = dataclasses.field(default_factory=dict)


class ResourceScriptError(ValueError):
    """A resource script the reader does not understand (the file and the cause named)."""


def parse_resource_script(
    path: str | Path, symbols: Mapping[str, int] = {}, header: str | Path | None = None
) -> ResourceScript:
    """Read the resource script at ``path`` (``header``, an include file, read first).

    Raises:
        ResourceScriptError: the script has a statement this reader cannot parse.
        OSError: the script (or ``header``) cannot be read.
    """
    script = ResourceScript()
    for name, value in _STANDARD_IDS.items():
        _define_id(script, name, value)
    pre = _Preprocessor(script)
    if header is not None:
        pre.read(Path(header))
    text = pre.read(Path(path))
    _Parser(script, symbols, pre.macros, _tokens(text, path)).parse()
    return script


def _define_id(script: ResourceScript, name: str, value: int) -> None:
    script.ids[name] = value
    script.names.setdefault(value, name)  # a number's first name is its name


def _decode(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _tokens(text: str, where: object) -> list[tuple[str, str]]:
    """The script as (kind, text) tokens: string, number, name or op; comments dropped."""
    tokens: list[tuple[str, str]] = []
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            raise ResourceScriptError(f"{where}: cannot read {text[position : position + 20]!r}")
        position = match.end()
        if match.lastgroup is not None:
            tokens.append((match.lastgroup, match.group()))
    return tokens


def _string(token: str) -> str:
    """A quoted string's text: ``""`` is one quote, and C's escapes are read."""
    body = token[token.index('"') + 1 : -1].replace('""', '"')
    out: list[str] = []
    chars = iter(range(len(body)))
    for index in chars:
        char = body[index]
        if char != "\\" or index + 1 == len(body):
            out.append(char)
            continue
        escape = body[index + 1]
        next(chars, None)
        if escape in ("x", "X"):
            digits = re.match(r"[0-9a-fA-F]{1,4}", body[index + 2 :])
            if digits:
                out.append(chr(int(digits.group(), 16)))
                for _ in digits.group():
                    next(chars, None)
                continue
        out.append(_ESCAPES.get(escape, "\\" + escape))
    return "".join(out)


def _number(token: str) -> int:
    return int(token.rstrip("lLuU"), 0)


class _Preprocessor:
    """The C preprocessor's part that resource scripts use (see the module's docstring)."""

    def __init__(self, script: ResourceScript) -> None:
        self.script = script
        self.macros: dict[str, str] = {"RC_INVOKED": "1", "_WIN32": "1"}

    def read(self, path: Path) -> str:
        lines: list[str] = []
        active: list[tuple[bool, bool]] = []  # per open conditional: (on now, any branch on)
        text = _decode(path.read_bytes()).replace("\r\n", "\n").replace("\\\n", "")
        for number, line in enumerate(text.split("\n"), 1):
            stripped = line.strip()
            live = all(on for on, _ in active)
            if not stripped.startswith("#"):
                lines.append(line if live else "")
                continue
            lines.append("")  # keeps the line numbers of what follows
            word, _, rest = stripped[1:].strip().replace("\t", " ").partition(" ")
            rest = re.sub(r"//.*|/\*.*?\*/", "", rest).strip()
            if word in ("if", "ifdef", "ifndef"):
                on = live and self._condition(word, rest, path, number)
                active.append((on, on))
            elif word in ("elif", "else"):
                if not active:
                    raise ResourceScriptError(f"{path}:{number}: #{word} without #if")
                _, taken = active.pop()
                outer = all(on for on, _ in active)
                on = (
                    outer
                    and not taken
                    and (word == "else" or self._condition("if", rest, path, number))
                )
                active.append((on, taken or on))
            elif word == "endif":
                if not active:
                    raise ResourceScriptError(f"{path}:{number}: #endif without #if")
                active.pop()
            elif live and word == "define":
                self._define(rest)
            elif live and word == "undef":
                self.macros.pop(rest, None)
            elif live and word == "include":
                included = path.parent / rest.strip('"<>')
                if included.is_file():
                    self.read(included)
            # #pragma, #error (in a branch not taken) and the rest: nothing to do
        return "\n".join(lines)

    def _define(self, rest: str) -> None:
        name, _, value = rest.partition(" ")
        if "(" in name:  # a function-like macro: no id
            return
        value = value.strip()
        self.macros[name] = value
        if not value:
            return
        try:
            number = self._value(value)
        except (KeyError, RecursionError, ResourceScriptError, ValueError):
            return  # not an integer: a macro, no id
        _define_id(self.script, name, number)

    def _value(self, text: str) -> int:
        tokens = _tokens(text, "a #define")
        return _Expression(tokens, lambda name: self._value(self.macros[name])).value()

    def _condition(self, word: str, rest: str, path: Path, number: int) -> bool:
        if word == "ifdef":
            return rest in self.macros
        if word == "ifndef":
            return rest not in self.macros
        tokens = _tokens(rest, f"{path}:{number}")
        resolved: list[tuple[str, str]] = []
        index = 0
        while index < len(tokens):  # defined(X) and defined X become 1 or 0 first
            kind, text = tokens[index]
            if kind == "name" and text == "defined":
                bracketed = tokens[index + 1][1] == "("
                name = tokens[index + 2 if bracketed else index + 1][1]
                resolved.append(("number", "1" if name in self.macros else "0"))
                index += 4 if bracketed else 2
                continue
            resolved.append((kind, text))
            index += 1

        def macro(name: str) -> int:
            try:
                return self._value(self.macros[name])
            except (KeyError, RecursionError, ResourceScriptError, ValueError):
                return 0  # as C's preprocessor: an unknown name is 0

        return _Expression(resolved, macro).value() != 0


class _Expression:
    """An integer expression of the preprocessor.

    ``| & + - ! ~``, comparisons, ``&& ||`` and brackets (a style's ``NOT`` is the style
    reader's: it removes bits).
    """

    def __init__(self, tokens: list[tuple[str, str]], lookup: Callable[[str], int]) -> None:
        self.tokens = tokens
        self.index = 0
        self.lookup = lookup

    def value(self) -> int:
        result = self._or()
        if self.index != len(self.tokens):
            raise ResourceScriptError(f"cannot read {self.tokens[self.index][1]!r} here")
        return result

    def _peek(self) -> str | None:
        return self.tokens[self.index][1] if self.index < len(self.tokens) else None

    def _binary(
        self, ops: Mapping[str, Callable[[int, int], object]], inner: Callable[[], int]
    ) -> int:
        left = inner()
        while (token := self._peek()) is not None and token in ops:
            self.index += 1
            left = int(ops[token](left, inner()))  # type: ignore[call-overload]
        return left

    def _or(self) -> int:
        return self._binary({"||": lambda a, b: bool(a or b)}, self._and)

    def _and(self) -> int:
        return self._binary({"&&": lambda a, b: bool(a and b)}, self._compare)

    def _compare(self) -> int:
        ops = {
            "==": int.__eq__, "!=": int.__ne__, "<": int.__lt__, ">": int.__gt__,
            "<=": int.__le__, ">=": int.__ge__,
        }  # fmt: skip
        return self._binary(ops, self._bits)

    def _bits(self) -> int:
        return self._binary({"|": int.__or__, "&": int.__and__}, self._sum)

    def _sum(self) -> int:
        return self._binary({"+": int.__add__, "-": int.__sub__}, self._unary)

    def _unary(self) -> int:
        token = self._peek()
        if token is None:
            raise ResourceScriptError("an expression ends early")
        self.index += 1
        kind = self.tokens[self.index - 1][0]
        if token == "!":
            return int(not self._unary())
        if token == "~":
            return ~self._unary()
        if token == "-":
            return -self._unary()
        if token == "(":
            inner = self._or()
            if self._peek() != ")":
                raise ResourceScriptError("a bracket is not closed")
            self.index += 1
            return inner
        if kind == "number":
            return _number(token)
        if kind == "name":
            return self.lookup(token)
        raise ResourceScriptError(f"cannot read {token!r} in an expression")


class _Parser:
    """The statements of a preprocessed script."""

    def __init__(
        self,
        script: ResourceScript,
        symbols: Mapping[str, int],
        macros: Mapping[str, str],
        tokens: list[tuple[str, str]],
    ) -> None:
        self.script = script
        self.symbols = symbols
        self.macros = macros
        self.tokens = tokens
        self.index = 0

    # tokens
    def _peek(self, ahead: int = 0) -> tuple[str, str]:
        at = self.index + ahead
        return self.tokens[at] if at < len(self.tokens) else ("end", "")

    def _next(self) -> tuple[str, str]:
        token = self._peek()
        if token[0] == "end":
            raise ResourceScriptError("the script ends inside a statement")
        self.index += 1
        return token

    def _expect(self, text: str) -> None:
        _, got = self._next()
        if got.upper() != text:
            raise ResourceScriptError(f"expected {text!r}, found {got!r}")

    def _comma(self) -> bool:
        """Take a comma if one is next."""
        if self._peek()[1] == ",":
            self.index += 1
            return True
        return False

    def _begin(self) -> None:
        _, text = self._next()
        if text.upper() not in ("BEGIN", "{"):
            raise ResourceScriptError(f"expected BEGIN, found {text!r}")

    def _at_end(self) -> bool:
        return self._peek()[1].upper() in ("END", "}")

    # values
    def _symbol(self, name: str) -> int:
        if name in self.script.ids:
            return self.script.ids[name]
        if name in self.symbols:
            return self.symbols[name]
        raise ResourceScriptError(f"{name!r} is not defined")

    def _term(self) -> int:
        kind, text = self._next()
        if text == "(":
            value = self._expression()
            self._expect(")")
            return value
        if text in ("-", "~"):
            inner = self._term()
            return -inner if text == "-" else ~inner
        if kind == "number":
            return _number(text)
        if kind == "name":
            return self._symbol(text)
        raise ResourceScriptError(f"expected a number, found {text!r}")

    def _expression(self) -> int:
        value = self._term()
        while self._peek()[1] in ("|", "+", "-", "&"):
            op = self._next()[1]
            other = self._term()
            value = {
                "|": value | other, "+": value + other, "-": value - other, "&": value & other
            }[op]  # fmt: skip
        return value

    def _style(self, default: int) -> int:
        """A style expression over ``default``: ``A | B`` adds, ``NOT X`` removes."""
        style = default
        while True:
            if self._peek()[1].upper() == "NOT":
                self.index += 1
                style &= ~self._term()
            else:
                style |= self._term()
            if self._peek()[1] != "|":
                return style & 0xFFFFFFFF
            self.index += 1

    def _text_or_id(self) -> str | int:
        """A control's text or a resource's name: a string, a number, or a name.

        A name that is an id gives its number.
        """
        kind, text = self._next()
        if kind == "string":
            return _string(text)
        if kind == "number":
            return _number(text)
        return self.script.ids.get(text, text)

    def _name(self) -> str | int:
        kind, text = self._next()
        return _number(text) if kind == "number" else text

    def _id(self) -> int:
        kind, name = self._peek()
        if kind == "name" and name not in self.script.ids and name in self.symbols:
            _define_id(self.script, name, self.symbols[name])
        return self._expression()

    # statements
    def parse(self) -> None:
        while self._peek()[0] != "end":
            kind, text = self._peek()
            word = text.upper()
            if word == "LANGUAGE":
                self.index += 1
                self._expression()
                self._comma()
                self._expression()
            elif word == "STRINGTABLE":
                self.index += 1
                self._string_table()
            elif kind in ("name", "number", "string"):
                self._resource()
            else:
                raise ResourceScriptError(f"cannot read {text!r} here")

    def _options(self) -> None:
        while self._peek()[1].upper() in _MEMORY_OPTIONS:
            self.index += 1

    def _string_table(self) -> None:
        while self._peek()[1].upper() not in ("BEGIN", "{"):
            self.index += 1  # memory options, LANGUAGE, CHARACTERISTICS, VERSION
        self._begin()
        while not self._at_end():
            written, name = self._peek()
            number = self._id()
            self._comma()
            kind, text = self._next()
            if kind != "string":
                raise ResourceScriptError(f"a string table's entry {name} has no string")
            label = name if written == "name" else str(number)
            self.script.strings[label] = ScriptString(label, number, _string(text))
        self.index += 1

    def _resource(self) -> None:
        name = self._name()
        _, text = self._next()
        word = text.upper()
        if word in ("DIALOG", "DIALOGEX"):
            self._dialog(name, extended=word == "DIALOGEX")
            return
        self._options()
        if self._peek()[0] == "string":  # a resource from a file
            path = _string(self._next()[1])
            if word == "ICON":
                self.script.icons[name] = path
            elif word == "BITMAP":
                self.script.bitmaps[name] = path
            return
        self._skip_resource()

    def _skip_resource(self) -> None:
        """Pass over a resource this reader does not keep: up to its BEGIN ... END."""
        while self._peek()[1].upper() not in ("BEGIN", "{"):
            self._next()
        depth = 0
        while True:
            text = self._next()[1].upper()
            if text in ("BEGIN", "{"):
                depth += 1
            elif text in ("END", "}"):
                depth -= 1
                if depth == 0:
                    return

    def _dialog(self, name: str | int, extended: bool) -> None:
        self._options()
        x = self._expression()
        self._comma()
        y = self._expression()
        self._comma()
        cx = self._expression()
        self._comma()
        cy = self._expression()
        if extended and self._comma():
            self._expression()  # the help id
        dialog = ScriptDialog("", (x, y, cx, cy), WS_POPUP | WS_BORDER | WS_SYSMENU)
        captioned = False
        while self._peek()[1].upper() not in ("BEGIN", "{"):
            option = self._next()[1].upper()
            if option == "STYLE":
                dialog.style = self._style(0)
            elif option == "EXSTYLE":
                dialog.ex_style = self._style(0)
            elif option == "CAPTION":
                dialog.caption = str(self._text_or_id())
                captioned = True
            elif option == "FONT":
                size = self._expression()
                self._comma()
                dialog.font = (size, str(self._text_or_id()))
                while self._comma():  # weight, italic, charset
                    self._expression()
            elif option == "MENU":
                dialog.menu = self._name()
            elif option == "CLASS":
                dialog.class_name = str(self._text_or_id())
            elif option in ("LANGUAGE",):
                self._expression()
                self._comma()
                self._expression()
            elif option in ("CHARACTERISTICS", "VERSION"):
                self._expression()
            else:
                raise ResourceScriptError(f"dialog {name}: cannot read the option {option!r}")
        if captioned:
            dialog.style |= WS_CAPTION
        if dialog.font is not None:
            dialog.style |= _DS_SETFONT
        self._begin()
        while not self._at_end():
            dialog.items.append(self._control(extended))
        self.index += 1
        self.script.dialogs[name] = dialog

    def _control(self, extended: bool) -> ScriptControl:
        statement = self._next()[1].upper()
        if statement == "CONTROL":
            text = self._text_or_id()
            self._comma()
            control_id = self._id()
            self._comma()
            class_name = self._text_or_id()
            self._comma()
            style = self._style(WS_CHILD | WS_VISIBLE)
            self._comma()
            rect = self._rect()
            ex_style = self._style(0) if self._comma() else 0
            return ScriptControl(str(class_name), text, control_id, rect, style, ex_style)
        if statement in _WITH_TEXT:
            class_name, default = _WITH_TEXT[statement]
            text = self._text_or_id()
            self._comma()
        elif statement in _WITHOUT_TEXT:
            class_name, default = _WITHOUT_TEXT[statement]
            text = ""
        else:
            raise ResourceScriptError(f"cannot read the control statement {statement!r}")
        control_id = self._id()
        self._comma()
        rect = self._rect(optional_size=statement == "ICON")
        style = WS_CHILD | WS_VISIBLE | default
        ex_style = 0
        if self._comma():
            style = self._style(style)
            if self._comma():
                ex_style = self._style(0)
        if extended and self._comma():
            self._expression()  # a DIALOGEX control's help id
        return ScriptControl(class_name, text, control_id, rect, style, ex_style)

    def _rect(self, optional_size: bool = False) -> tuple[int, int, int, int]:
        x = self._expression()
        self._comma()
        y = self._expression()
        if optional_size and self._peek()[1] != ",":
            return x, y, 0, 0
        self._comma()
        cx = self._expression()
        self._comma()
        cy = self._expression()
        return x, y, cx, cy
