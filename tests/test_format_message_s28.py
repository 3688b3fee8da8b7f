"""FormatMessage's template language (apartment.errors.format_message), as the session-28
probe (tools/probes/api_misc_probe.py) read it from Windows' FormatMessage."""

from __future__ import annotations

import pytest

from apartment.errors import format_message


@pytest.mark.parametrize(
    ("template", "inserts", "expected"),
    [
        ("hello", None, "hello"),  # no inserts needed: None is fine
        ("100%%, a%.b%!c% d%te", None, "100%, a.b!c d\te"),
        ("a%nb", None, "a\r\nb"),
        ("cut%0here", ["x"], "cut"),
        ("a\nb\rc\r\nd", [], "a\r\nb\r\nc\r\nd"),  # regular line breaks become CR LF
        ("%2-%1", ["x", "y"], "y-x"),
        ("%1 %2", ["x"], "x (null)"),
        ("[%1!-5s!][%1!05s!][%1!5.1s!][%1!.1s!][%1!3s!]", ["ab"], "[ab   ][000ab][    a][a][ ab]"),
        ("%100", ["x"] * 100, "x0"),  # two digits at most
    ],
)
def test_expansion(template: str, inserts: list[str] | None, expected: str) -> None:
    assert format_message(template, inserts, ignore_inserts=False) == expected


def test_ignored_inserts_keep_every_escape_but_line_breaks_and_the_end() -> None:
    assert format_message("%1 %2!d! %% %. %n%0x", ["a"], ignore_inserts=True) == (
        "%1 %2!d! %% %. \r\n"
    )


@pytest.mark.parametrize(
    ("template", "inserts", "why"),
    [("a%", ["v"], "lone %"), ("%1!s", ["v"], "left open"), ("x%1", None, "none were given")],
)
def test_bad_templates_and_missing_inserts_raise(
    template: str, inserts: list[str] | None, why: str
) -> None:
    with pytest.raises(ValueError, match=why):
        format_message(template, inserts, ignore_inserts=False)


@pytest.mark.parametrize(
    ("template", "width", "expected"),
    [
        ("a\r\nb\nc%nd\r\n", 0xFF, "a b c\r\nd "),  # no regular breaks; %n stays
        ("abcdef ghijkl mn", 5, "abcde\r\nf\r\nghijk\r\nl mn"),
        ("aaaa bbbb cccc", 10, "aaaa bbbb\r\ncccc"),
        ("Invalid parameter.\r\n", 10, "Invalid\r\nparameter.\r\n "),
    ],
)
def test_line_widths(template: str, width: int, expected: str) -> None:
    assert format_message(template, [], width=width) == expected
