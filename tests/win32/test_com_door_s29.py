"""The COM door of the facade (``_com_door``): pywin32's classes out, the core's kept inside.

The contract tests (``tests/contract/test_error_types_s29.py``) pin what a pywin32 program
sees; these pin the door's own rules: the core still raises its named classes, the facade's
error keeps the detail as its note, and only pywin32's (capitalized) methods are wrapped.
"""

from __future__ import annotations

import pytest

from apartment import com
from apartment.errors import E_NOINTERFACE, ComError, NoInterfaceError
from apartment.win32._com_door import com_api, guard_methods


def test_plain_gives_com_error_itself_with_the_same_args_and_the_detail() -> None:
    named = ComError.from_hresult(E_NOINTERFACE, "Echo does not implement IStream")
    assert type(named) is NoInterfaceError  # the core's class, for the core's callers
    plain = named.plain()
    assert type(plain) is ComError
    assert plain.args == named.args
    assert plain.detail == named.detail
    assert plain.__notes__ == ["Echo does not implement IStream"]
    assert plain.plain() is plain


def test_com_api_translates_the_cores_classes_and_lets_others_through() -> None:
    other = ValueError("kept")

    @com_api
    def fail(error: BaseException) -> None:
        raise error

    with pytest.raises(ComError) as caught:
        fail(NoInterfaceError("why"))
    assert type(caught.value) is ComError
    assert caught.value.hresult == E_NOINTERFACE
    with pytest.raises(TypeError) as caught_type:
        fail(com.VariantTypeError("must be real number, not set"))
    assert type(caught_type.value) is TypeError
    assert caught_type.value.args == ("must be real number, not set",)
    with pytest.raises(ValueError, match="kept") as caught_value:
        fail(other)
    assert caught_value.value is other
    assert com_api(fail) is fail  # wrapped once


def test_guard_methods_wraps_only_pywin32s_plain_methods() -> None:
    class Face:
        def Read(self) -> None:  # noqa: N802 - pywin32's name
            raise NoInterfaceError("x")

        def read(self) -> None:
            raise NoInterfaceError("x")

        @staticmethod
        def Make() -> int:  # noqa: N802 - pywin32's name
            return 1

    guard_methods(Face)
    with pytest.raises(ComError) as caught:
        Face().Read()
    assert type(caught.value) is ComError
    with pytest.raises(NoInterfaceError):
        Face().read()
    assert Face.Make() == 1  # a staticmethod stays one
