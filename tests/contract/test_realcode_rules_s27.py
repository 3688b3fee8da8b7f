"""Contract: rules that session 27's small pywin32 programs by others and known gaps found.

Found by running them on the facade and on the real pywin32 (build 312, under Wine):
``pywintypes.Time`` of a number reads it as ``int()`` does into a 32-bit C long, where -1 is
pywin32's error marker (programs pass ``-1`` for "no time" and catch the TypeError).
"""

import datetime
import decimal
import fractions

import pytest
import pywintypes


@pytest.mark.parametrize("seconds", [-1, -1.0, -1.5])
def test_time_of_minus_one_is_a_bad_argument(seconds: float) -> None:
    with pytest.raises(TypeError, match="bad argument type for built-in operation"):
        pywintypes.Time(seconds)


@pytest.mark.parametrize("seconds", [2**31, -(2**31) - 1, 10**10, 2.5e9])
def test_time_of_seconds_beyond_a_32_bit_long_overflows(seconds: float) -> None:
    with pytest.raises(OverflowError, match="too large to convert to C long"):
        pywintypes.Time(seconds)


@pytest.mark.parametrize("seconds", [-2, -2.0, -(2**31)])
def test_time_of_another_negative_is_an_invalid_timestamp(seconds: float) -> None:
    with pytest.raises(ValueError, match="invalid timestamp"):
        pywintypes.Time(seconds)


def test_time_reads_seconds_as_int_does() -> None:
    epoch = datetime.datetime.fromtimestamp(0)
    assert pywintypes.Time(-0.5) == epoch  # toward zero, so not negative
    assert pywintypes.Time(2**31 - 1) == datetime.datetime.fromtimestamp(2**31 - 1)
    assert pywintypes.Time(decimal.Decimal(5)) == datetime.datetime.fromtimestamp(5)
    assert pywintypes.Time(fractions.Fraction(5, 2)) == datetime.datetime.fromtimestamp(2)
    assert type(pywintypes.Time(decimal.Decimal(5))).__name__ == "datetime"


def test_time_of_bytes_is_a_too_short_time_tuple() -> None:
    with pytest.raises(TypeError, match="at least 9 arguments \\(1 given\\)"):
        pywintypes.Time(b"x")
