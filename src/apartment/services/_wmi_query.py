"""A subset of WQL, WMI's query language: read a SELECT and test an instance against its WHERE.

Read: ``SELECT *`` or a list of property names, ``FROM class``, an optional ``WHERE`` of
comparisons (``=``, ``<>``, ``!=``, ``<``, ``>``, ``<=``, ``>=``, ``LIKE``, ``IS NULL``,
``IS NOT NULL``) joined by ``AND``, ``OR``, ``NOT`` and parentheses. Values are strings in
``'`` or ``"`` (a backslash escapes the next character, as WQL's), numbers, ``TRUE``,
``FALSE`` and ``NULL``. Keywords and property names are matched without regard to case, as
WMI matches them, and so are strings (WMI compares strings without regard to case).

``LIKE`` reads ``%`` (any run), ``_`` (one character), ``[abc]``/``[a-z]`` and ``[^...]``
(a set), as WQL's. ``ASSOCIATORS OF``, ``REFERENCES OF`` and event queries are not read:
:class:`QueryError` with ``unsupported`` set, which the caller answers with WMI's
WBEM_E_NOT_SUPPORTED; anything else malformed is WBEM_E_INVALID_QUERY.

Pure functions: any thread may call them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

__all__ = ["Comparison", "Logical", "Query", "QueryError", "matches", "parse"]

_TOKEN = re.compile(
    r"""\s*(?:
      (?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
    | (?P<number>[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?)
    | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
    | (?P<op><>|!=|<=|>=|=|<|>|\(|\)|,|\*)
    )""",
    re.VERBOSE,
)
_OPERATORS = {"=", "<>", "!=", "<", ">", "<=", ">="}


class QueryError(ValueError):
    """A query WMI would refuse: ``unsupported`` for a kind of query not read here."""

    def __init__(self, message: str, *, unsupported: bool = False) -> None:
        super().__init__(message)
        self.unsupported = unsupported


@dataclass(frozen=True)
class Comparison:
    """``name op value`` (op also ``LIKE``, ``IS`` and ``IS NOT`` with a None value)."""

    name: str
    op: str
    value: Any


@dataclass(frozen=True)
class Logical:
    """``AND``/``OR`` of two conditions, or ``NOT`` of one (``right`` None)."""

    op: str
    left: Comparison | Logical
    right: Comparison | Logical | None = None


@dataclass(frozen=True)
class Query:
    """A SELECT: the properties (None for ``*``), the class and the condition (None: all)."""

    properties: tuple[str, ...] | None
    class_name: str
    where: Comparison | Logical | None


def _tokens(text: str) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    position = 0
    text = text.rstrip()
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None or match.end() == position:
            raise QueryError(f"cannot read {text[position:]!r}")
        kind = match.lastgroup or ""
        found.append((kind, match.group(kind)))
        position = match.end()
    return found


class _Reader:
    """A recursive-descent reader over the tokens."""

    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self._tokens = tokens
        self._at = 0

    def peek(self) -> tuple[str, str]:
        return self._tokens[self._at] if self._at < len(self._tokens) else ("end", "")

    def word(self, *words: str) -> bool:
        """Take the next token if it is one of the keywords ``words``."""
        kind, text = self.peek()
        if kind == "name" and text.upper() in words:
            self._at += 1
            return True
        return False

    def op(self, text: str) -> bool:
        if self.peek() == ("op", text):
            self._at += 1
            return True
        return False

    def take(self, kind: str, what: str) -> str:
        found, text = self.peek()
        if found != kind:
            raise QueryError(f"expected {what}, found {text or 'the end'!r}")
        self._at += 1
        return text

    def done(self) -> bool:
        return self._at >= len(self._tokens)

    def condition(self) -> Comparison | Logical:
        left = self.conjunction()
        while self.word("OR"):
            left = Logical("OR", left, self.conjunction())
        return left

    def conjunction(self) -> Comparison | Logical:
        left = self.negation()
        while self.word("AND"):
            left = Logical("AND", left, self.negation())
        return left

    def negation(self) -> Comparison | Logical:
        if self.word("NOT"):
            return Logical("NOT", self.negation())
        if self.op("("):
            inner = self.condition()
            if not self.op(")"):
                raise QueryError("a parenthesis is not closed")
            return inner
        return self.comparison()

    def comparison(self) -> Comparison:
        name = self.take("name", "a property name")
        if self.word("IS"):
            negated = self.word("NOT")
            if not self.word("NULL"):
                raise QueryError("IS takes NULL or NOT NULL")
            return Comparison(name, "IS NOT" if negated else "IS", None)
        if self.word("LIKE"):
            kind, text = self.peek()
            if kind != "string":
                raise QueryError("LIKE takes a string")
            self._at += 1
            return Comparison(name, "LIKE", _unquote(text))
        kind, text = self.peek()
        if kind != "op" or text not in _OPERATORS:
            raise QueryError(f"expected an operator after {name}, found {text or 'the end'!r}")
        self._at += 1
        return Comparison(name, "<>" if text == "!=" else text, self.value())

    def value(self) -> Any:  # noqa: ANN401 - a WQL literal
        kind, text = self.peek()
        self._at += 1
        if kind == "string":
            return _unquote(text)
        if kind == "number":
            return float(text) if any(c in text for c in ".eE") else int(text)
        if kind == "name" and text.upper() in ("TRUE", "FALSE"):
            return text.upper() == "TRUE"
        if kind == "name" and text.upper() == "NULL":
            return None
        raise QueryError(f"expected a value, found {text or 'the end'!r}")


def _unquote(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text[1:-1])


def parse(text: str) -> Query:
    """Read the WQL ``text`` into a :class:`Query`.

    Raises:
        QueryError: ``unsupported`` for ASSOCIATORS OF, REFERENCES OF and event queries; else
            not a query of the subset (the module says which).
    """
    first = str(text).strip().split(None, 1)[0].upper() if str(text).strip() else ""
    if first in ("ASSOCIATORS", "REFERENCES"):
        raise QueryError(f"{first} OF queries are not supported here", unsupported=True)
    reader = _Reader(_tokens(str(text)))
    if not reader.word("SELECT"):
        raise QueryError("a query starts with SELECT")
    properties: list[str] | None = []
    if reader.op("*"):
        properties = None
    else:
        while True:
            assert properties is not None
            properties.append(reader.take("name", "a property name"))
            if not reader.op(","):
                break
    if not reader.word("FROM"):
        raise QueryError("expected FROM")
    class_name = reader.take("name", "a class name")
    if class_name.startswith("__") or reader.word("WITHIN"):
        raise QueryError(f"event queries ({class_name}) are not supported here", unsupported=True)
    where = None
    if reader.word("WHERE"):
        where = reader.condition()
    if reader.word("WITHIN", "GROUP", "HAVING"):
        raise QueryError("event queries are not supported here", unsupported=True)
    if not reader.done():
        raise QueryError(f"cannot read {reader.peek()[1]!r} after the query")
    return Query(None if properties is None else tuple(properties), class_name, where)


def _like(pattern: str) -> re.Pattern[str]:
    out = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "%":
            out.append(".*")
        elif char == "_":
            out.append(".")
        elif char == "[" and "]" in pattern[index + 1 :]:
            end = pattern.index("]", index + 1)
            body = pattern[index + 1 : end]
            negated = body.startswith("^")
            body = body[1:] if negated else body
            out.append("[" + ("^" if negated else "") + body.replace("\\", "\\\\") + "]")
            index = end
        else:
            out.append(re.escape(char))
        index += 1
    return re.compile("".join(out), re.IGNORECASE | re.DOTALL)


def _compare(found: Any, op: str, wanted: Any) -> bool:  # noqa: ANN401
    if op == "IS":
        return found is None
    if op == "IS NOT":
        return found is not None
    if found is None or wanted is None:
        return False  # NULL compares false with anything, as in SQL
    if isinstance(found, (list, tuple)):
        return False  # WQL compares no array property
    if op == "LIKE":
        return _like(str(wanted)).fullmatch(str(found)) is not None
    left: Any = found
    right: Any = wanted
    if isinstance(found, bool) or isinstance(wanted, bool):
        left, right = _truth(found), _truth(wanted)
    elif isinstance(wanted, (int, float)) or isinstance(found, (int, float)):
        try:  # uint64 properties are strings in scripting: they compare as numbers
            left, right = float(found), float(wanted)
        except (TypeError, ValueError):
            left, right = str(found).lower(), str(wanted).lower()
    else:
        left, right = str(found).lower(), str(wanted).lower()
    if left is None or right is None:
        return False
    return bool(
        {
            "=": left == right, "<>": left != right, "<": left < right,
            ">": left > right, "<=": left <= right, ">=": left >= right,
        }[op]
    )  # fmt: skip


def _truth(value: Any) -> bool | None:  # noqa: ANN401
    if isinstance(value, str):
        return {"true": True, "false": False}.get(value.lower())
    return bool(value)


def matches(condition: Comparison | Logical | None, values: dict[str, Any]) -> bool:
    """Whether an instance's ``values`` (keyed by lower-cased name) meet ``condition``.

    Raises:
        QueryError: the condition names a property the class lacks (WMI refuses the query).
    """
    if condition is None:
        return True
    if isinstance(condition, Logical):
        if condition.op == "NOT":
            return not matches(condition.left, values)
        if condition.op == "AND":
            return matches(condition.left, values) and matches(condition.right, values)
        return matches(condition.left, values) or matches(condition.right, values)
    key = condition.name.lower()
    if key not in values:
        raise QueryError(f"no property {condition.name!r} in this class")
    return _compare(values[key], condition.op, condition.value)
