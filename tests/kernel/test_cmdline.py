"""Command lines by Windows' rules: what joins splits back, and the rules' corners."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from apartment.kernel import join_command_line, split_command_line

# A program name cannot hold a quote, and its quotes take no backslash escapes.
PROGRAMS = st.text(st.characters(exclude_characters='"\\\0', exclude_categories=["Cs"]))
ARGUMENTS = st.lists(st.text(st.characters(exclude_characters="\0", exclude_categories=["Cs"])))


@given(PROGRAMS.filter(lambda program: program.strip(" \t") == program and program), ARGUMENTS)
def test_what_join_makes_splits_back_to_the_same_arguments(program: str, args: list[str]) -> None:
    assert split_command_line(join_command_line([program, *args])) == [program, *args]


def test_a_blank_command_line_is_the_running_program() -> None:
    assert split_command_line(" \t ") == [sys.executable]


def test_a_command_line_is_a_str() -> None:
    with pytest.raises(TypeError, match="command line is a str"):
        split_command_line(b"p a")  # type: ignore[arg-type]
