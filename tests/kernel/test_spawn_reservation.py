"""A child that never starts gives back the session slot reserved for it.

A Python child that inherits handles (or gets start-up hooks) has a process slot of the
session reserved before it starts, holding what it inherits; the slot lives while the child
runs. A start that fails must give it back at once, or the objects it holds stay alive while
the parent lives. Each test counts the slots this process reserved before and after.
"""

from __future__ import annotations

import pytest

from apartment.kernel import _session
from apartment.kernel._segment import P_RESERVER, P_STATE, PROCS, RESERVED, proc_word
from apartment.kernel._spawn import start_process


def _reserved_by_us() -> int:
    s = _session.session()
    w = s.w
    return sum(
        1
        for n in range(PROCS)
        if w[proc_word(n) + P_STATE] == RESERVED and w[proc_word(n) + P_RESERVER] == s.slot + 1
    )


@pytest.mark.parametrize("suspended", [False, True])
def test_a_program_that_is_not_there_leaves_no_slot_reserved(
    suspended: bool, tmp_path: object
) -> None:
    before = _reserved_by_us()
    with pytest.raises(FileNotFoundError):
        start_process(
            ["python3"],
            executable=f"{tmp_path}/no-such-dir/python3",
            suspended=suspended,
            python_path=[str(tmp_path)],
        )
    assert _reserved_by_us() == before


def test_a_program_that_cannot_run_leaves_no_slot_reserved(tmp_path: object) -> None:
    import pathlib

    program = pathlib.Path(str(tmp_path)) / "python3"
    program.write_text("not a program\n")  # there, but not executable
    before = _reserved_by_us()
    with pytest.raises(PermissionError):
        start_process(
            ["python3"], executable=str(program), suspended=True, python_path=[str(tmp_path)]
        )
    assert _reserved_by_us() == before
