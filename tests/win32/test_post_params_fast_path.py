"""PostThreadMessage's inline WPARAM/LPARAM check gives what pointer_param gives, or its error.

The hot call skips ``pointer_param`` when both values are ints whose OR is below 2**63 (two
non-negative ints in range); everything else goes through it. Both ways must post the same
values and refuse the same ones, with the same TypeError.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apartment.win32 import win32api, win32gui
from apartment.win32._adapt import pointer_param

WM_APP = 0x8000

_EDGES = [0, 1, 2**62, 2**63 - 1, 2**63, 2**64 - 1, 2**64, -1, -(2**63), -(2**63) - 1, 2**100]
_values = st.one_of(
    st.sampled_from(_EDGES),
    st.integers(min_value=-(2**65), max_value=2**65),
    st.booleans(),
    st.none(),
    st.floats(min_value=-(2**62), max_value=2**62, allow_nan=False),
    st.sampled_from(["text", b"bytes"]),
)


def _expected(value: object) -> tuple[str, object]:
    try:
        return "ok", pointer_param(value)
    except TypeError as error:
        return "TypeError", str(error)


def _posted(wparam: object, lparam: object) -> tuple[tuple[str, object], tuple[str, object]]:
    me = win32api.GetCurrentThreadId()
    try:
        win32api.PostThreadMessage(me, WM_APP, wparam, lparam)
    except TypeError as error:
        return ("TypeError", str(error)), ("TypeError", str(error))
    rc, msg = win32gui.GetMessage(None, 0, 0)
    assert rc == 1
    assert msg[1] == WM_APP
    return ("ok", msg[2]), ("ok", msg[3])


@pytest.fixture(autouse=True, scope="module")
def _queue() -> None:
    win32gui.PeekMessage(None, 0, 0, 0)  # this thread's queue exists


@settings(max_examples=300, deadline=None)
@given(wparam=_values, lparam=_values)
def test_posted_values_are_pointer_params(wparam: object, lparam: object) -> None:
    got_w, got_l = _posted(wparam, lparam)
    want_w, want_l = _expected(wparam), _expected(lparam)
    if "TypeError" in (want_w[0], want_l[0]):  # the first refused one's message
        assert got_w[0] == "TypeError"
        assert got_w[1] == (want_w[1] if want_w[0] == "TypeError" else want_l[1])
    else:
        assert (got_w, got_l) == (want_w, want_l)
        assert type(got_w[1]) is type(want_w[1])  # True is posted as 1, an int
        assert type(got_l[1]) is type(want_l[1])


@pytest.mark.parametrize("value", _EDGES)
def test_each_edge_value_either_way(value: int) -> None:
    for wparam, lparam in ((value, 0), (0, value), (value, value)):
        got = _posted(wparam, lparam)
        want = (_expected(wparam), _expected(lparam))
        if "TypeError" in (want[0][0], want[1][0]):
            assert got[0][0] == "TypeError"
        else:
            assert got == want


@pytest.mark.parametrize("args", [(WM_APP, 1, 2), (WM_APP, None, 2), (WM_APP, 0)], ids=repr)
def test_a_post_to_no_thread_is_error_invalid_thread_id_either_way(args: tuple[Any, ...]) -> None:
    from apartment.win32 import pywintypes

    win32api.SetLastError(0)
    with pytest.raises(pywintypes.error) as caught:
        win32api.PostThreadMessage(0x7FFFFFF0, *args)
    assert (caught.value.winerror, caught.value.funcname) == (1444, "PostThreadMessage")
    assert type(caught.value) is pywintypes.error
    assert win32api.GetLastError() == 1444
