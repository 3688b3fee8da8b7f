"""pywin32's ``win32comext.directsound.directsound``: DirectSound, with no sound device.

This machine model has no audio device (Linux's sound servers are not DirectSound's
drivers): ``DirectSoundEnumerate`` and ``DirectSoundCaptureEnumerate`` list no device, and
``DirectSoundCreate``/``DirectSoundCaptureCreate`` fail with DSERR_NODRIVER, what Windows
answers on a computer without a sound card (pywin32's tests skip their playing and recording
on it). The structures (``DSCAPS``, ``DSBUFFERDESC``...) and every constant and IID are
pywin32's, so programs that build them, or check for a device first, run.
"""

from __future__ import annotations

from typing import Any

from ....errors import ComError
from ..._pywintypes_more import PyWAVEFORMATEX
from ...pywintypes import IID

DS3DMODE_DISABLE = 2
DS3DMODE_HEADRELATIVE = 1
DS3DMODE_NORMAL = 0
DSBCAPS_CTRL3D = 16
DSBCAPS_CTRLFREQUENCY = 32
DSBCAPS_CTRLPAN = 64
DSBCAPS_CTRLPOSITIONNOTIFY = 256
DSBCAPS_CTRLVOLUME = 128
DSBCAPS_GETCURRENTPOSITION2 = 65536
DSBCAPS_GLOBALFOCUS = 32768
DSBCAPS_LOCHARDWARE = 4
DSBCAPS_LOCSOFTWARE = 8
DSBCAPS_MUTE3DATMAXDISTANCE = 131072
DSBCAPS_PRIMARYBUFFER = 1
DSBCAPS_STATIC = 2
DSBCAPS_STICKYFOCUS = 16384
DSBFREQUENCY_MAX = 200000
DSBFREQUENCY_MIN = 100
DSBFREQUENCY_ORIGINAL = 0
DSBLOCK_ENTIREBUFFER = 2
DSBLOCK_FROMWRITECURSOR = 1
DSBPAN_CENTER = 0
DSBPAN_LEFT = -10000
DSBPAN_RIGHT = 10000
DSBPLAY_LOOPING = 1
DSBPN_OFFSETSTOP = -1
DSBSIZE_MAX = 268435455
DSBSIZE_MIN = 4
DSBSTATUS_BUFFERLOST = 2
DSBSTATUS_LOOPING = 4
DSBSTATUS_PLAYING = 1
DSBVOLUME_MAX = 0
DSBVOLUME_MIN = -10000
DSCAPS_CERTIFIED = 64
DSCAPS_CONTINUOUSRATE = 16
DSCAPS_EMULDRIVER = 32
DSCAPS_PRIMARY16BIT = 8
DSCAPS_PRIMARY8BIT = 4
DSCAPS_PRIMARYMONO = 1
DSCAPS_PRIMARYSTEREO = 2
DSCAPS_SECONDARY16BIT = 2048
DSCAPS_SECONDARY8BIT = 1024
DSCAPS_SECONDARYMONO = 256
DSCAPS_SECONDARYSTEREO = 512
DSCBCAPS_WAVEMAPPED = -2147483648
DSCBLOCK_ENTIREBUFFER = 1
DSCBSTART_LOOPING = 1
DSCBSTATUS_CAPTURING = 1
DSCBSTATUS_LOOPING = 2
DSCCAPS_EMULDRIVER = 32
DSERR_ACCESSDENIED = -2147024891
DSERR_ALLOCATED = -2005401590
DSERR_ALREADYINITIALIZED = -2005401470
DSERR_BADFORMAT = -2005401500
DSERR_BADSENDBUFFERGUID = -2005401390
DSERR_BUFFERLOST = -2005401450
DSERR_BUFFERTOOSMALL = -2005401420
DSERR_CONTROLUNAVAIL = -2005401570
DSERR_DS8_REQUIRED = -2005401410
DSERR_FXUNAVAILABLE = -2005401380
DSERR_GENERIC = -2147467259
DSERR_INVALIDCALL = -2005401550
DSERR_INVALIDPARAM = -2147024809
DSERR_NOAGGREGATION = -2147221232
DSERR_NODRIVER = -2005401480
DSERR_NOINTERFACE = -2147467262
DSERR_OBJECTNOTFOUND = -2005397151
DSERR_OTHERAPPHASPRIO = -2005401440
DSERR_OUTOFMEMORY = -2147024882
DSERR_PRIOLEVELNEEDED = -2005401530
DSERR_SENDLOOP = -2005401400
DSERR_UNINITIALIZED = -2005401430
DSERR_UNSUPPORTED = -2147467263
DSSCL_EXCLUSIVE = 3
DSSCL_NORMAL = 1
DSSCL_PRIORITY = 2
DSSCL_WRITEPRIMARY = 4
DSSPEAKER_GEOMETRY_MAX = 180
DSSPEAKER_GEOMETRY_MIN = 5
DSSPEAKER_GEOMETRY_NARROW = 10
DSSPEAKER_GEOMETRY_WIDE = 20
DSSPEAKER_HEADPHONE = 1
DSSPEAKER_MONO = 2
DSSPEAKER_QUAD = 3
DSSPEAKER_STEREO = 4
DSSPEAKER_SURROUND = 5
DS_NO_VIRTUALIZATION = 142082058
DS_OK = 0

IID_IDirectSound = IID("{279AFA83-4981-11CE-A521-0020AF0BE560}")
IID_IDirectSoundBuffer = IID("{279AFA85-4981-11CE-A521-0020AF0BE560}")
IID_IDirectSoundCapture = IID("{B0210781-89CD-11D0-AF08-00A0C925CD16}")
IID_IDirectSoundCaptureBuffer = IID("{B0210782-89CD-11D0-AF08-00A0C925CD16}")
IID_IDirectSoundNotify = IID("{B0210783-89CD-11D0-AF08-00A0C925CD16}")


class _Record:
    """A DirectSound structure: its DWORD fields, 0 until set."""

    __slots__: tuple[str, ...] = ()
    _fields: tuple[str, ...] = ()

    def __init__(self) -> None:
        for name in self._fields:
            object.__setattr__(self, name, 0)

    def __setattr__(self, name: str, value: Any) -> None:  # noqa: ANN401
        if name not in self._fields:
            raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")
        if name == "lpwfxFormat":
            if value is not None and not isinstance(value, PyWAVEFORMATEX):
                raise ValueError("lpwfxFormat must be a WAVEFORMATEX instance")
        elif not isinstance(value, int):
            raise TypeError(f"{name} must be an integer, not {type(value).__name__}")
        object.__setattr__(self, name, value)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} object at {id(self):#x}>"


def _record(type_name: str, fields: str, *, with_format: bool = False) -> type[_Record]:
    names = tuple(fields.split()) + (("lpwfxFormat",) if with_format else ())

    def init(self: _Record) -> None:
        _Record.__init__(self)
        if with_format:
            object.__setattr__(self, "lpwfxFormat", None)

    return type(type_name, (_Record,), {"__slots__": names, "_fields": names, "__init__": init})


DSCAPSType = _record(
    "PyDSCAPSType",
    "dwFlags dwMinSecondarySampleRate dwMaxSecondarySampleRate dwPrimaryBuffers "
    "dwMaxHwMixingAllBuffers dwMaxHwMixingStaticBuffers dwMaxHwMixingStreamingBuffers "
    "dwFreeHwMixingAllBuffers dwFreeHwMixingStaticBuffers dwFreeHwMixingStreamingBuffers "
    "dwMaxHw3DAllBuffers dwMaxHw3DStaticBuffers dwMaxHw3DStreamingBuffers "
    "dwFreeHw3DAllBuffers dwFreeHw3DStaticBuffers dwFreeHw3DStreamingBuffers "
    "dwTotalHwMemBytes dwFreeHwMemBytes dwMaxContigFreeHwMemBytes "
    "dwUnlockTransferRateHwBuffers dwPlayCpuOverheadSwBuffers",
)
DSBCAPSType = _record("PyDSBCAPS", "dwFlags dwBufferBytes dwUnlockTransferRate dwPlayCpuOverhead")
DSCCAPSType = _record("PyDSCCAPSType", "dwFlags dwFormats dwChannels")
DSCBCAPSType = _record("PyDSCBCAPSType", "dwFlags dwBufferBytes")
DSBUFFERDESCType = _record("PyDSBUFFERDESC", "dwFlags dwBufferBytes", with_format=True)
DSCBUFFERDESCType = _record("PyDSCBUFFERDESC", "dwFlags dwBufferBytes", with_format=True)


def DSCAPS() -> _Record:
    """A new DSCAPS (a device's capabilities), every field 0."""
    return DSCAPSType()


def DSBCAPS() -> _Record:
    """A new DSBCAPS (a buffer's capabilities), every field 0."""
    return DSBCAPSType()


def DSCCAPS() -> _Record:
    """A new DSCCAPS (a capture device's capabilities), every field 0."""
    return DSCCAPSType()


def DSCBCAPS() -> _Record:
    """A new DSCBCAPS (a capture buffer's capabilities), every field 0."""
    return DSCBCAPSType()


def DSBUFFERDESC() -> _Record:
    """A new DSBUFFERDESC (a sound buffer to make): flags, size, and a WAVEFORMATEX or None."""
    return DSBUFFERDESCType()


def DSCBUFFERDESC() -> _Record:
    """A new DSCBUFFERDESC (a capture buffer to make), as DSBUFFERDESC."""
    return DSCBUFFERDESCType()


def DirectSoundEnumerate() -> list[tuple[Any, str, str]]:
    """The sound devices, (GUID, description, module) each: none here."""
    return []


def DirectSoundCaptureEnumerate() -> list[tuple[Any, str, str]]:
    """The sound capture devices: none here."""
    return []


def _no_driver(what: str) -> ComError:
    return ComError.from_hresult(
        DSERR_NODRIVER, f"{what}: this computer has no sound device (DirectSoundEnumerate)"
    )


def DirectSoundCreate(guid: object = None, unk: object = None, /) -> Any:  # noqa: ANN401
    """Open a sound device: DSERR_NODRIVER, as on a computer without a sound card."""
    raise _no_driver("DirectSoundCreate")


def DirectSoundCaptureCreate(guid: object = None, unk: object = None, /) -> Any:  # noqa: ANN401
    """Open a sound capture device: DSERR_NODRIVER, as DirectSoundCreate."""
    raise _no_driver("DirectSoundCaptureCreate")


__all__ = [
    "DirectSoundCreate", "DirectSoundEnumerate", "DirectSoundCaptureCreate",
    "DirectSoundCaptureEnumerate", "DSCAPS", "DSBCAPS", "DSCCAPS", "DSCBCAPS", "DSBUFFERDESC",
    "DSCBUFFERDESC", "DSCAPSType", "DSBCAPSType", "DSCCAPSType", "DSCBCAPSType",
    "DSBUFFERDESCType", "DSCBUFFERDESCType",
    *sorted(n for n, v in globals().items() if n.isupper() and isinstance(v, int)),
    *sorted(n for n in globals() if n.startswith("IID_")),
]  # fmt: skip
