r"""Python on Windows' ``mmap``: a ``tagname`` is a file mapping object of the session.

Runs on the facade (``mmap`` is Windows' under ``install(runtime=True)``, as for programs that
``python -m apartment run`` runs) and on the oracle (Python on Windows' own ``mmap``).
"""

from __future__ import annotations

import itertools
import mmap as _mmap
import os
import tempfile
from typing import Any

import mmapfile
import pytest
import pywintypes
import win32api
import win32event
import winerror

# Python on Windows' signature (typeshed gives Linux's here)
mmap: Any = _mmap
_names = itertools.count()


def _name() -> str:
    return f"Local\\apartment-mmap-{os.getpid()}-{next(_names)}"


def test_two_maps_of_one_tagname_are_one_memory() -> None:
    name = _name()
    with mmap.mmap(-1, 4096, tagname=name) as first, mmap.mmap(-1, 4096, name) as second:
        first[0:5] = b"hello"
        assert second[0:5] == b"hello"
        assert isinstance(second, mmap.mmap) and len(second) == second.size() == 4096
        assert repr(second).startswith("<mmap.mmap closed=False")


def test_opening_an_existing_name_sets_error_already_exists() -> None:
    name = _name()
    with mmap.mmap(-1, 4096, name):
        again = mmap.mmap(-1, 4096, name)
        assert win32api.GetLastError() == winerror.ERROR_ALREADY_EXISTS
        again.close()


def test_descriptor_0_is_the_paging_file_too() -> None:
    name = _name()
    with mmap.mmap(0, 256, name) as first, mmap.mmap(-1, 256, name) as second:
        first[:3] = b"abc"
        assert second[:3] == b"abc"


def test_a_view_longer_than_the_existing_memory_is_access_denied() -> None:
    name = _name()
    with mmap.mmap(-1, 4096, name) as first:
        first[:2] = b"ok"
        with pytest.raises(PermissionError) as denied:
            mmap.mmap(-1, 8192, name)
        assert getattr(denied.value, "winerror", None) == winerror.ERROR_ACCESS_DENIED
        with mmap.mmap(-1, 100, name) as shorter:
            assert shorter[:2] == b"ok"


def test_the_memory_goes_with_the_last_map_of_its_name() -> None:
    name = _name()
    first = mmap.mmap(-1, 4096, name)
    second = mmap.mmap(-1, 4096, name)
    first[:4] = b"kept"
    first.close()
    assert second[:4] == b"kept"  # one map still holds the name
    second.close()
    with mmap.mmap(-1, 4096, name) as fresh:
        assert fresh[:4] == b"\0\0\0\0"


def test_a_paging_file_map_needs_a_length() -> None:
    for tagname in (None, _name()):
        with pytest.raises(OSError) as refused:  # noqa: PT011 - its winerror says which
            mmap.mmap(-1, 0, tagname)
        assert getattr(refused.value, "winerror", None) == winerror.ERROR_INVALID_PARAMETER


def test_bad_arguments() -> None:
    with pytest.raises(TypeError):
        mmap.mmap(-1, 100, tagname=5)
    with pytest.raises(TypeError):
        mmap.mmap(-1, 100, b"name")
    with pytest.raises(OverflowError):
        mmap.mmap(-1, -1, _name())
    with pytest.raises(OSError) as unaligned:  # noqa: PT011 - its winerror says which
        mmap.mmap(-1, 100, _name(), offset=100)
    assert getattr(unaligned.value, "winerror", None) == winerror.ERROR_MAPPED_ALIGNMENT
    with mmap.mmap(-1, 100, "") as unnamed, mmap.mmap(-1, 100, None) as other:
        unnamed[:1] = b"x"
        assert other[:1] == b"\0"


def test_access_modes_of_a_named_map() -> None:
    name = _name()
    with mmap.mmap(-1, 4096, name) as shared:
        shared[:5] = b"hello"
        with mmap.mmap(-1, 4096, name, access=mmap.ACCESS_READ) as reader:
            assert reader[:5] == b"hello"
            with pytest.raises(TypeError):
                reader[:1] = b"x"
        with mmap.mmap(-1, 4096, name, access=mmap.ACCESS_COPY) as copy:
            copy[:1] = b"X"
            assert (copy[:5], shared[:5]) == (b"Xello", b"hello")


def test_a_tagname_is_a_file_mapping_object_of_the_namespace() -> None:
    name = _name()
    with mmap.mmap(-1, 4096, name) as shared:
        shared[:3] = b"xyz"
        assert mmapfile.mmapfile(None, name, 4096).read(3) == b"xyz"
        with pytest.raises(pywintypes.error) as taken:
            win32event.CreateEvent(None, 0, 0, name)
        assert taken.value.winerror == winerror.ERROR_INVALID_HANDLE


def test_a_file_shorter_than_the_map_grows_to_it() -> None:
    fd, path = tempfile.mkstemp()
    try:
        os.write(fd, b"0123456789")
        with mmap.mmap(fd, 100) as grown:
            assert grown[:12] == b"0123456789\0\0"
        assert os.fstat(fd).st_size == 100
        with mmap.mmap(fd, 0) as whole:
            assert len(whole) == 100
    finally:
        os.close(fd)
        os.unlink(path)
