"""Sections (file mappings): memory shared by name between the processes of the session.

The other processes are real ones, started with ``python -c``; they talk to the test through
their standard streams (a line each way), so every step is ordered without sleeps.
"""

from __future__ import annotations

import gc
import itertools
import os
import subprocess
import sys
import textwrap
from typing import TYPE_CHECKING

import pytest

from apartment._runtime import runtime_dir
from apartment.errors import (
    ERROR_ACCESS_DENIED,
    ERROR_FILE_INVALID,
    ERROR_INVALID_HANDLE,
    ERROR_INVALID_PARAMETER,
    ERROR_MAPPED_ALIGNMENT,
    ERROR_PATH_NOT_FOUND,
    InvalidHandleError,
    NameNotFoundError,
    Win32Error,
)
from apartment.kernel import (
    ALLOCATION_GRANULARITY,
    CREATE_ALWAYS,
    GENERIC_READ,
    GENERIC_WRITE,
    PAGE_SIZE,
    Event,
    create_named,
    create_section,
    open_file,
    open_section,
    start_thread,
)

if TYPE_CHECKING:
    from pathlib import Path

_names = itertools.count()


def _name(what: str) -> str:
    return f"section-test-{os.getpid()}-{next(_names)}-{what}"


class Child:
    """A Python process running ``code`` with ``NAME`` bound; lines go both ways."""

    def __init__(self, code: str, name: str) -> None:
        prelude = "import sys\nfrom apartment.kernel import create_section, open_section\n"
        self.process = subprocess.Popen(
            [sys.executable, "-c", prelude + f"NAME = {name!r}\n" + textwrap.dedent(code)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def line(self) -> str:
        """The child's next line of output (it flushes after each)."""
        assert self.process.stdout is not None
        got = self.process.stdout.readline()
        if not got:
            self.process.wait(timeout=60)
            assert self.process.stderr is not None
            pytest.fail(f"the child ended early: {self.process.stderr.read()}")
        return got.strip()

    def say(self, text: str = "go") -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(text + "\n")
        self.process.stdin.flush()

    def finish(self) -> None:
        _, err = self.process.communicate(timeout=60)
        assert self.process.returncode == 0, err

    def kill(self) -> None:
        self.process.kill()
        self.process.communicate(timeout=60)


def _section_files() -> set[str]:
    return {p.name for p in runtime_dir().glob("section-*.shm")}


def test_two_processes_see_each_others_writes() -> None:
    name = _name("rw")
    section, existed = create_section(100, name)
    view = section.map()
    try:
        assert not existed
        view.memory[:5] = b"hello"
        child = Child(
            """
            section = open_section(NAME)
            view = section.map()
            print(bytes(view.memory[:5]).decode(), flush=True)
            view.memory[5:10] = b"world"
            print("written", flush=True)
            sys.stdin.readline()
            view.close()
            section.close()
            """,
            name,
        )
        assert child.line() == "hello"
        assert child.line() == "written"
        assert view.memory[:10] == b"helloworld"
        child.say()
        child.finish()
    finally:
        view.close()
        section.close()


def test_the_name_goes_with_the_last_section_of_the_last_process() -> None:
    name = _name("last")
    before = _section_files()
    section, _ = create_section(PAGE_SIZE, name)
    child = Child(
        """
        section, existed = create_section(1, NAME)
        print(existed, section.size, flush=True)
        sys.stdin.readline()
        section.close()
        print("closed", flush=True)
        sys.stdin.readline()
        """,
        name,
    )
    try:
        assert child.line() == f"True {PAGE_SIZE}"  # the size of the existing section
        section.close()
        again = open_section(name)  # the child still holds it
        again.close()
        child.say()
        assert child.line() == "closed"
        with pytest.raises(NameNotFoundError) as caught:
            open_section(name)
        assert caught.value.winerror == 2
        assert _section_files() <= before  # the memory went with the name
        child.say()
        child.finish()
    finally:
        child.kill()


def test_a_killed_holder_leaves_no_name_and_no_memory() -> None:
    name = _name("killed")
    before = _section_files()
    child = Child(
        """
        section, _ = create_section(100, NAME)
        section.map().memory[:4] = b"dead"
        print("ready", flush=True)
        sys.stdin.readline()
        """,
        name,
    )
    assert child.line() == "ready"
    assert len(_section_files() - before) == 1
    child.kill()
    section, existed = create_section(100, name)  # the dead one's name is free again
    try:
        assert not existed
        with section.map() as view:
            assert view.memory[:4] == bytes(4)
        assert len(_section_files() - before) == 1  # its file was replaced, not kept
    finally:
        section.close()
    assert _section_files() <= before


def test_views_keep_the_memory_and_closing_the_section_drops_the_name() -> None:
    name = _name("views")
    section, _ = create_section(100, name)
    view = section.map()
    section.close()
    with pytest.raises(NameNotFoundError):
        open_section(name)
    view.memory[:3] = b"abc"
    assert view.memory[:3] == b"abc"
    view.close()
    view.close()  # a second close does nothing
    section.close()


def test_an_unclosed_section_is_released_when_it_dies() -> None:
    name = _name("gc")
    section, _ = create_section(100, name)
    del section
    gc.collect()
    with pytest.raises(NameNotFoundError):
        open_section(name)


def test_names_share_the_namespace_of_events() -> None:
    name = _name("kinds")
    event, _ = create_named(Event, name, True, False)
    with pytest.raises(InvalidHandleError) as caught:
        create_section(100, name)
    assert caught.value.winerror == ERROR_INVALID_HANDLE
    with pytest.raises(InvalidHandleError):
        open_section(name)
    del event
    gc.collect()
    other = _name("kinds2")
    section, _ = create_section(100, other)
    try:
        with pytest.raises(InvalidHandleError):
            create_named(Event, other, True, False)
    finally:
        section.close()


def test_local_prefix_names_the_same_section_and_global_another() -> None:
    name = _name("prefix")
    section, _ = create_section(100, name)
    try:
        local, existed = create_section(100, "Local\\" + name)
        assert existed
        local.close()
        glob, existed = create_section(100, "Global\\" + name)
        assert not existed
        glob.close()
    finally:
        section.close()


@pytest.mark.parametrize(
    ("size", "name", "code"),
    [
        (0, "zero", ERROR_INVALID_PARAMETER),
        (100, "", ERROR_INVALID_PARAMETER),
        (100, "a\\b", ERROR_PATH_NOT_FOUND),
    ],
)
def test_bad_sections_fail_with_windows_codes(size: int, name: str, code: int) -> None:
    with pytest.raises(Win32Error) as caught:
        create_section(size, name)
    assert caught.value.winerror == code


def test_bad_arguments_fail_at_the_door() -> None:
    with pytest.raises(TypeError):
        create_section("100")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="negative"):
        create_section(-1)
    with pytest.raises(TypeError):
        create_section(100, 5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        create_section(100, file="x")  # type: ignore[arg-type]
    section, _ = create_section(100)
    with section:
        with pytest.raises(ValueError, match="negative"):
            section.map(-1)
        with pytest.raises(TypeError):
            section.map("0")  # type: ignore[arg-type]


def test_views_must_be_aligned_and_within_the_section() -> None:
    section, _ = create_section(ALLOCATION_GRANULARITY + 100)
    with section:
        with pytest.raises(Win32Error) as caught:
            section.map(PAGE_SIZE)
        assert caught.value.winerror == ERROR_MAPPED_ALIGNMENT
        for offset, length in ((0, 2 * ALLOCATION_GRANULARITY), (2 * ALLOCATION_GRANULARITY, 0)):
            with pytest.raises(Win32Error) as caught:
                section.map(offset, length)
            assert caught.value.winerror == ERROR_ACCESS_DENIED
        with section.map(ALLOCATION_GRANULARITY) as view:
            assert len(view) == PAGE_SIZE  # the rest, to the end of its page
        with section.map(0, 200) as view:
            assert len(view) == 200
    with pytest.raises(InvalidHandleError):
        section.map()


def test_a_file_mapping_grows_the_file_and_reaches_it(tmp_path: Path) -> None:
    path = tmp_path / "mapped.bin"
    name = _name("file")
    file = open_file(str(path), GENERIC_READ | GENERIC_WRITE, 0, CREATE_ALWAYS)
    section, _ = create_section(100, name, file=file)
    file.close()  # the section keeps the file open
    try:
        assert path.stat().st_size == 100
        with section.map() as view:
            assert len(view) == PAGE_SIZE  # the whole last page, past the end of the file
            view.memory[:6] = b"mapped"
            view.memory[200:201] = b"x"  # past the end: not in the file
            view.flush()
        assert path.read_bytes()[:6] == b"mapped"
        assert path.stat().st_size == 100
        child = Child(
            """
            section = open_section(NAME)
            print(bytes(section.map(0, 6).memory).decode(), flush=True)
            """,
            name,
        )
        assert child.line() == "mapped"
        child.finish()
    finally:
        section.close()


def test_an_empty_file_needs_a_size(tmp_path: Path) -> None:
    file = open_file(str(tmp_path / "empty"), GENERIC_READ | GENERIC_WRITE, 0, CREATE_ALWAYS)
    with file:
        with pytest.raises(Win32Error) as caught:
            create_section(0, file=file)
        assert caught.value.winerror == ERROR_FILE_INVALID
        section, _ = create_section(0 + 10, file=file)
        section.close()


def test_a_file_opened_for_reading_only_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "ro"
    path.write_bytes(b"x" * 10)
    with open_file(str(path), GENERIC_READ) as file:
        with pytest.raises(Win32Error) as caught:
            create_section(0, file=file)
        assert caught.value.winerror == ERROR_ACCESS_DENIED


def test_threads_opening_mapping_and_closing_at_once_keep_the_counts() -> None:
    name = _name("threads")
    before = _section_files()
    section, _ = create_section(PAGE_SIZE, name)

    def worker(index: int) -> int:
        for _ in range(50):
            mine = open_section(name)
            view = mine.map()
            mine.close()  # the view keeps the memory
            view.memory[index] = index
            view.close()
        return 0

    threads = [start_thread(worker, i) for i in range(8)]
    for thread in threads:
        assert thread.wait(60)
        assert thread.exit_code == 0
    with section.map(0, 8) as view:
        assert bytes(view.memory) == bytes(range(8))
    section.close()
    with pytest.raises(NameNotFoundError):
        open_section(name)
    assert _section_files() <= before


def test_where_nothing_is_shared_names_are_the_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    from apartment.kernel import _section, _sectionstore

    monkeypatch.setattr(_section, "session_or_none", lambda: None)
    monkeypatch.setattr(_sectionstore, "session_or_none", lambda: None)
    name = _name("unshared")
    section, existed = create_section(100, name)
    assert not existed
    again, existed = create_section(1, name)
    assert existed
    with section.map() as view, open_section(name).map() as other:
        view.memory[:2] = b"hi"
        assert other.memory[:2] == b"hi"
    again.close()
    section.close()
    gc.collect()
    with pytest.raises(NameNotFoundError):
        open_section(name)


_KILLED_CHILD = """
import os, signal
left = [KILL_AT]

def tracer(frame, event, arg):
    name = frame.f_code.co_filename
    if "apartment" not in name or not any(
        m in name for m in ("_section", "_records", "_namespace", "_session", "_slots")
    ):
        return None
    if event == "line":
        left[0] -= 1
        if left[0] <= 0:
            os.kill(os.getpid(), signal.SIGKILL)
    return tracer

sys.settrace(tracer)
for round in range(20):
    section, _ = create_section(100, NAME + str(round % 3))
    view = section.map()
    view.memory[:2] = b"ok"
    again = open_section(NAME + str(round % 3))
    section.close()
    again.close()
    view.close()
print("survived", flush=True)
"""


@pytest.mark.parametrize("kill_at", [3, 40, 150, 400, 900, 2000, 5000])
def test_a_process_killed_anywhere_in_sections_wedges_nothing(kill_at: int) -> None:
    from ._segment_check import problems

    name = _name(f"kill{kill_at}-")
    before = _section_files()
    child = Child(_KILLED_CHILD.replace("KILL_AT", str(kill_at)), name)
    child.process.communicate(timeout=60)
    assert child.process.returncode in (0, -9)
    for index in range(3):  # every name is usable again, fresh or kept by nobody
        section, _ = create_section(100, name + str(index))
        with section.map() as view:
            view.memory[:2] = b"me"
        section.close()
        with pytest.raises(NameNotFoundError):
            open_section(name + str(index))
    assert problems() == []
    assert _section_files() <= before
