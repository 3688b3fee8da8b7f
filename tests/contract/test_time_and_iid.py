"""Contract: pywintypes.Time, TimeStamp and IID, as pywin32's test_pywintypes.py uses them."""

import datetime
import pickle
import time
from typing import Any

import pytest
import pywintypes

GUID = "{00020400-0000-0000-C000-000000000046}"
GUID_BYTES = b"\x00\x04\x02\x00\x00\x00\x00\x00\xc0\x00\x00\x00\x00\x00\x00F"


# --- Time --------------------------------------------------------------------------------


def test_time_from_seconds_is_naive_local_time_without_fractions() -> None:
    t = pywintypes.Time(100.5)
    assert isinstance(t, datetime.datetime)
    assert isinstance(t, pywintypes.TimeType)
    assert t.tzinfo is None
    assert t == datetime.datetime.fromtimestamp(100)
    assert pywintypes.Time(True) == datetime.datetime.fromtimestamp(1)


def test_time_of_a_negative_timestamp_is_refused() -> None:
    with pytest.raises(ValueError, match="invalid timestamp"):
        pywintypes.Time(-2)


def test_time_from_a_time_tuple_of_nine_or_ten_items() -> None:
    expected = datetime.datetime(2020, 1, 2, 3, 4, 5)
    assert pywintypes.Time((2020, 1, 2, 3, 4, 5, 0, 0, 0)) == expected
    assert pywintypes.Time([2020, 1, 2, 3, 4, 5, 0, 0, 0]) == expected
    # the tenth item is milliseconds, and carries into the seconds
    assert pywintypes.Time((2020, 1, 2, 3, 4, 5, 0, 0, 0, 123)) == expected.replace(
        microsecond=123000
    )
    assert pywintypes.Time((2020, 1, 2, 3, 4, 5, 0, 0, 0, 1500)) == expected.replace(
        second=6, microsecond=500000
    )
    assert pywintypes.Time((2020, 13, 2, 3, 4, 5, 0, 0, 0)) == expected.replace(year=2021)
    assert pywintypes.Time(time.localtime(100)) == datetime.datetime.fromtimestamp(100)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ((2020, 1, 2, 3, 4, 5), "at least 9 arguments \\(6 given\\)"),
        ("2020", "at least 9 arguments \\(4 given\\)"),
        ((2020, 1, 2, 3, 4, 5, 0, 0, 0, 1, 2), "at most 10 arguments \\(11 given\\)"),
        (None, "Objects of type 'NoneType' can not be used as a time object"),
        (("2020", 1, 2, 3, 4, 5, 0, 0, 0), "cannot be interpreted as an integer"),
    ],
)
def test_time_refuses_what_is_no_time(value: Any, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        pywintypes.Time(value)


def test_time_keeps_a_datetime_and_reads_a_date() -> None:
    now = datetime.datetime(2020, 1, 2)
    assert pywintypes.Time(now) is now
    t = pywintypes.Time(1)
    assert pywintypes.Time(t) is t
    assert pywintypes.Time(datetime.date(2020, 1, 2)) == now
    assert isinstance(pywintypes.Time(datetime.date(2020, 1, 2)), pywintypes.TimeType)


def test_time_formats_compares_and_hashes() -> None:
    t = pywintypes.Time(100)
    assert t.Format() == t.Format("%c") == time.strftime("%c", time.localtime(100))
    assert hash(pywintypes.Time(1)) == hash(pywintypes.Time(1))
    assert t != None  # noqa: E711
    with pytest.raises(TypeError):
        _ = t < None


# --- TimeStamp ---------------------------------------------------------------------------


def test_timestamp_is_an_aware_utc_time_to_the_millisecond() -> None:
    t = pywintypes.TimeStamp(132223104000000000)
    assert t.utcoffset() == datetime.timedelta(0)
    assert t.replace(tzinfo=None) == datetime.datetime(2020, 1, 1)
    assert pywintypes.TimeStamp(1).replace(tzinfo=None) == datetime.datetime(1601, 1, 1)
    last = pywintypes.TimeStamp(2650467743999999999)
    assert last.replace(tzinfo=None) == datetime.datetime(9999, 12, 31, 23, 59, 59, 999000)


@pytest.mark.parametrize("value", [0x7FFFFFFFFFFFFFFF, 0x7FFFFFFFFFFFFFFE, 2650467744000000000])
def test_timestamp_past_the_year_9999_is_datetime_max(value: int) -> None:
    assert pywintypes.TimeStamp(value) == datetime.datetime.max


def test_timestamp_refuses_negative_and_non_ints() -> None:
    with pytest.raises(pywintypes.error) as caught:
        pywintypes.TimeStamp(-1)
    assert caught.value.args[:2] == (87, "FileTimeToSystemTime")
    with pytest.raises(OverflowError):
        pywintypes.TimeStamp(2**64)
    with pytest.raises(TypeError):
        pywintypes.TimeStamp()


# --- IID ---------------------------------------------------------------------------------


def test_an_iid_is_a_guid_buffer() -> None:
    iid = pywintypes.IID(GUID)
    view = memoryview(iid)
    assert view.nbytes == 16
    assert bytes(view) == bytes(iid) == GUID_BYTES
    assert pywintypes.IID(view, True) == iid
    assert pywintypes.IID(GUID_BYTES + b"xyz", True) == iid  # the first 16 bytes
    assert pywintypes.IID(bytearray(GUID_BYTES), True) == iid
    assert repr(pywintypes.IID(GUID_BYTES, True)) == f"IID('{GUID}')"


def test_iid_from_bytes_refuses_short_buffers_and_non_buffers() -> None:
    with pytest.raises(ValueError, match="must be at least 16 bytes \\(got 2\\)"):
        pywintypes.IID(b"00", True)
    with pytest.raises(TypeError, match="a bytes-like object is required, not 'int'"):
        pywintypes.IID(0, True)
    with pytest.raises(TypeError, match="a bytes-like object is required, not 'str'"):
        pywintypes.IID(GUID, True)
    with pytest.raises(TypeError, match="can not be converted to Unicode"):
        pywintypes.IID(GUID_BYTES)


def test_iid_compares_and_hashes_by_value_and_has_no_order_or_pickle() -> None:
    iid = pywintypes.IID(GUID)
    assert {"item": iid}["item"] == pywintypes.IID(GUID)
    assert hash(iid) == hash(pywintypes.IID(GUID))
    assert iid != None  # noqa: E711
    with pytest.raises(TypeError):
        _ = iid < pywintypes.IID(GUID)
    with pytest.raises(TypeError):
        pickle.dumps(iid)
    with pytest.raises(TypeError):
        len(iid)
