"""The appendix's programs, run as the book runs them, with the thread relations it explains."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .._subprocess import run_python

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CALL = re.compile(r"Thread is (\d+), and object is on thread (\d+)")


def _run(script: str, registry: Path) -> str:
    return run_python(
        "-m", "apartment", "run", str(EXAMPLES / script), registry=registry, cwd=registry.parent
    )


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("book") / "registry.sqlite3"
    output = _run("ThreadingModelsServer.py", path)
    assert "Registered: PythonThreadDemo.Apartment" in output
    return path


def _section(output: str, title: str) -> str:
    start = output.index(title)
    end = output.find("Running ", start + len(title))
    return output[start : end if end != -1 else len(output)]


def _ids(section: str) -> tuple[int, int, list[tuple[int, int]]]:
    creator = int(re.search(r"Thread (\d+) creating object", section).group(1))  # type: ignore[union-attr]
    created = int(re.search(r"created on thread (\d+)", section).group(1))  # type: ignore[union-attr]
    calls = [(int(a), int(b)) for a, b in CALL.findall(section)]
    return creator, created, calls


def test_simple_threads_runs_three_threads_to_the_end() -> None:
    output = run_python("-m", "apartment", "run", str(EXAMPLES / "SimpleThreads.py"))
    assert output.rstrip().endswith("All threads finished")
    # three threads print five lines each; their writes may interleave within a line
    assert len(re.findall(r"<SimpleThread\(", output)) == 15


def test_an_apartment_object_sees_every_call_on_the_thread_that_created_it(
    registry: Path,
) -> None:
    output = _run("SingleThreadedApartment.py", registry)
    creator, created, calls = _ids(_section(output, "Running with Apartment Threaded object"))
    assert created == creator
    assert len(calls) == 3
    assert {home for _, home in calls} == {creator}
    assert len({caller for caller, _ in calls} | {creator}) == 4  # three other threads
    pumps = re.search(r"Pumped messages (\d+) times", output)
    assert pumps is not None
    assert int(pumps.group(1)) >= 1  # the main thread pumped while it waited


def test_a_free_object_created_from_an_sta_lives_on_another_thread(registry: Path) -> None:
    output = _run("SingleThreadedApartment.py", registry)
    creator, created, calls = _ids(_section(output, "Running with Free Threaded object"))
    assert created != creator
    assert len(calls) == 3
    for caller, home in calls:
        assert home not in (caller, creator)  # an MTA thread, not the caller's STA


def test_in_the_free_threaded_program_each_call_runs_on_its_callers_thread(
    registry: Path,
) -> None:
    output = _run("FreeThreadedApartment.py", registry)
    creator, created, calls = _ids(output)
    assert created == creator
    assert len(calls) == 3
    assert all(caller == home for caller, home in calls)
    assert "Demo of PythonThreadDemo.Free finished." in output
