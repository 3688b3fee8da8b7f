"""Semaphores: counts, the maximum, and release order (semantics.md §4.3)."""

from __future__ import annotations

import pytest

from apartment.errors import InvalidParameterError, TooManyPostsError
from apartment.kernel import Semaphore, start_thread
from apartment.testing import wait_until_blocked


@pytest.mark.parametrize(("initial", "maximum"), [(2, 1), (-1, 1), (0, 0), (1, -1)])
def test_bad_counts_fail_with_invalid_parameter(initial: int, maximum: int) -> None:
    with pytest.raises(InvalidParameterError) as caught:
        Semaphore(initial, maximum)
    assert caught.value.winerror == 87
    assert isinstance(caught.value, ValueError)


def test_counts_must_be_ints() -> None:
    with pytest.raises(TypeError):
        Semaphore(1.5, 2)  # type: ignore[arg-type]


def test_each_wait_takes_one_unit() -> None:
    semaphore = Semaphore(2, 5)
    assert semaphore.wait(0)
    assert semaphore.wait(0)
    assert semaphore.wait(0) is None
    assert semaphore.statistics().count == 0


def test_release_returns_the_previous_count() -> None:
    semaphore = Semaphore(1, 5)
    assert semaphore.release(2) == 1
    assert semaphore.release() == 3
    assert semaphore.statistics().count == 4


def test_release_past_the_maximum_fails_and_leaves_the_count() -> None:
    semaphore = Semaphore(1, 2)
    with pytest.raises(TooManyPostsError) as caught:
        semaphore.release(2)
    assert caught.value.winerror == 298
    assert semaphore.statistics().count == 1


@pytest.mark.parametrize("count", [0, -1])
def test_release_count_must_be_positive(count: int) -> None:
    semaphore = Semaphore(0, 2)
    with pytest.raises(InvalidParameterError) as caught:
        semaphore.release(count)
    assert caught.value.winerror == 87
    assert semaphore.statistics().count == 0


def test_release_of_n_wakes_n_waiters_each_taking_one() -> None:
    semaphore = Semaphore(0, 10)
    waiters = []
    for _ in range(3):  # one at a time: FIFO order is the order the waits began
        waiters.append(start_thread(semaphore.wait, 10.0))
        wait_until_blocked(waiters[-1], on=semaphore)
    assert semaphore.release(2) == 0
    assert waiters[0].wait(10)
    assert waiters[1].wait(10)
    assert semaphore.statistics().threads_waiting == 1
    assert semaphore.statistics().count == 0
    semaphore.release(1)
    assert waiters[2].wait(10)


def test_semaphore_is_a_context_manager() -> None:
    semaphore = Semaphore(1, 1)
    with semaphore:
        assert semaphore.statistics().count == 0
    assert semaphore.statistics().count == 1
