"""pywin32's DirectSound module on a computer without a sound device (the oracle's Wine has
none either): its structures, constants, and the absence of a device."""

from __future__ import annotations

import pytest
import pythoncom
import pywintypes
import win32com.directsound.directsound as ds

from ._wine import wine_differs


@pytest.mark.parametrize(
    ("make", "type_name", "fields"),
    [
        (ds.DSBCAPS, "PyDSBCAPS", "dwFlags dwBufferBytes dwUnlockTransferRate dwPlayCpuOverhead"),
        (ds.DSCCAPS, "PyDSCCAPSType", "dwFlags dwFormats dwChannels"),
        (ds.DSCBCAPS, "PyDSCBCAPSType", "dwFlags dwBufferBytes"),
        (ds.DSCAPS, "PyDSCAPSType", "dwFlags dwPrimaryBuffers dwPlayCpuOverheadSwBuffers"),
    ],
)
def test_structures_start_at_zero_and_keep_what_is_set(
    make: object, type_name: str, fields: str
) -> None:
    assert callable(make)
    record = make()
    assert type(record).__name__ == type_name
    for value, name in enumerate(fields.split(), 1):
        assert getattr(record, name) == 0
        setattr(record, name, value)
        assert getattr(record, name) == value


@pytest.mark.parametrize("make", [ds.DSBUFFERDESC, ds.DSCBUFFERDESC])
def test_a_buffer_description_takes_only_a_waveformatex(make: object) -> None:
    assert callable(make)
    desc = make()
    assert isinstance(
        desc, ds.DSBUFFERDESCType if make is ds.DSBUFFERDESC else ds.DSCBUFFERDESCType
    )
    assert (desc.dwFlags, desc.dwBufferBytes, desc.lpwfxFormat) == (0, 0, None)
    wave = pywintypes.WAVEFORMATEX()
    wave.nChannels = 2
    desc.lpwfxFormat = wave
    assert desc.lpwfxFormat.nChannels == 2
    with pytest.raises(ValueError, match="WAVEFORMATEX"):
        desc.lpwfxFormat = 17


def test_constants_and_iids() -> None:
    assert (ds.DS_OK, ds.DSERR_NODRIVER, ds.DSBPN_OFFSETSTOP) == (0, -2005401480, -1)
    assert (ds.DSBCAPS_CTRLPOSITIONNOTIFY, ds.DSSCL_PRIORITY, ds.DSBVOLUME_MIN) == (
        256, 2, -10000,
    )  # fmt: skip
    assert ds.DSCBCAPS_WAVEMAPPED == -2147483648
    assert str(ds.IID_IDirectSound) == "{279AFA83-4981-11CE-A521-0020AF0BE560}"
    assert str(ds.IID_IDirectSoundNotify) == "{B0210783-89CD-11D0-AF08-00A0C925CD16}"


def test_no_device_is_listed() -> None:
    assert ds.DirectSoundEnumerate() == []
    assert ds.DirectSoundCaptureEnumerate() == []


@wine_differs("Wine without a sound device answers E_INVALIDARG; Windows DSERR_NODRIVER")
@pytest.mark.parametrize("create", [ds.DirectSoundCreate, ds.DirectSoundCaptureCreate])
def test_opening_the_device_is_no_driver(create: object) -> None:
    assert callable(create)
    with pytest.raises(pythoncom.com_error) as caught:
        create(None, None)
    assert caught.value.hresult == ds.DSERR_NODRIVER
