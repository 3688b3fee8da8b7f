"""``Scripting.Dictionary``: the dictionary every Windows has (scrrun.dll), as a COM object.

Programs written for Windows create it by ProgID without registering anything, so it is one
of the system's classes (:mod:`._system_classes`): found when nothing in the registry has
its name. Its members, by their DISPIDs (IDictionary's):

* ``Item(key)`` (0, the default): reading a missing key adds it, holding Empty (None);
  putting adds or replaces.
* ``Add(key, item)`` (1): a key already there is error 457 (0x800A01C9).
* ``Count`` (2), ``Exists(key)`` (3), ``Items()`` (4) and ``Keys()`` (6), as arrays in the
  order the keys were added; ``_NewEnum`` (-4) enumerates the keys.
* ``Key(key) = new`` (5): renames; the renamed key goes last. A missing key adds ``new``,
  holding Empty; a ``new`` already there is error 457.
* ``Remove(key)`` (7): a missing key is error 32811 (0x800A802B); ``RemoveAll()`` (8).
* ``CompareMode`` (9): 0 compares strings as they are, 1 ignoring case (2, and above 2 a
  locale's comparison, ignore it too); it may be set only while the dictionary is empty
  (else error 5, 0x800A0005).
* ``HashVal(key)`` (10): the hash the dictionary files a key under (0 to 1200).

Keys compare as VARIANTs do: numbers by value (2 and 2.0 are one key), currency (a Decimal)
too, and a date as the number a VT_DATE is (days since 1899-12-30, UTC as it crossed: the
date 2000-01-01 is the key 36526); a string never equals a number, an object by identity.
An array is no key (type mismatch, 0x800A000D). The errors come as DISP_E_EXCEPTION with
the VB error's HRESULT as the excepinfo's scode, as scrrun's do.

scrrun answers through its type information, which pywin32's client reads; this object has
none, so pywin32's client (ours too) calls ``Item(key)`` as a method, which it takes (scrrun
finds no member for DISPATCH_METHOD alone), and a property put that fails is its
AttributeError, not the com_error.

Its threading model is Both: calls from the threads of the MTA take its lock.
"""

from __future__ import annotations

import datetime
import decimal
import struct
import threading
from typing import Any

from ..errors import DISP_E_BADPARAMCOUNT, DISP_E_MEMBERNOTFOUND, DISP_E_UNKNOWNNAME
from ._collections import new_enum
from ._policy import (
    DISPATCH_METHOD,
    DISPATCH_PROPERTYGET,
    DISPATCH_PROPERTYPUT,
    DISPATCH_PROPERTYPUTREF,
    DISPID_NEWENUM,
    DISPID_VALUE,
    Policy,
)
from ._server_errors import COMException
from ._typed_values import VT_DECIMAL, Variant

__all__ = ["ScriptingDictionary", "CLSID", "PROGID"]

CLSID = "{EE09B103-97E0-11CF-978F-00A02463E06F}"
PROGID = "Scripting.Dictionary"

_E_ILLEGAL_CALL = -2146828283  # 0x800A0005, VB error 5: invalid procedure call or argument
_E_TYPE_MISMATCH = -2146828275  # 0x800A000D, VB error 13
_E_KEY_EXISTS = -2146827831  # 0x800A01C9, VB error 457
_E_NOT_FOUND = -2146795477  # 0x800A802B, VB error 32811: element not found
_HASH_MODULUS = 1201
_OLE_EPOCH = datetime.datetime(1899, 12, 30, tzinfo=datetime.timezone.utc)
_DAY = datetime.timedelta(days=1)
_PUT = DISPATCH_PROPERTYPUT | DISPATCH_PROPERTYPUTREF
_GET = DISPATCH_METHOD | DISPATCH_PROPERTYGET

_ADD, _COUNT, _EXISTS, _ITEMS, _KEY, _KEYS, _REMOVE, _REMOVE_ALL = 1, 2, 3, 4, 5, 6, 7, 8
_COMPARE_MODE, _HASH_VAL = 9, 10
_DISPIDS = {
    "item": DISPID_VALUE,
    "add": _ADD,
    "count": _COUNT,
    "exists": _EXISTS,
    "items": _ITEMS,
    "key": _KEY,
    "keys": _KEYS,
    "remove": _REMOVE,
    "removeall": _REMOVE_ALL,
    "comparemode": _COMPARE_MODE,
    "hashval": _HASH_VAL,
    "_newenum": DISPID_NEWENUM,
}
_METHODS = frozenset({_ADD, _EXISTS, _ITEMS, _KEYS, _REMOVE, _REMOVE_ALL})
_ARGS = {  # how many arguments each member takes (a put's value included)
    _ADD: 2,
    _COUNT: 0,
    _EXISTS: 1,
    _ITEMS: 0,
    _KEYS: 0,
    _REMOVE: 1,
    _REMOVE_ALL: 0,
    _HASH_VAL: 1,
    DISPID_NEWENUM: 0,
}


def _error(scode: int) -> COMException:
    return COMException(scode=scode, source="Scripting.Dictionary")


class _Identity:
    """An object key: equal to the same object only (COM compares interface pointers)."""

    __slots__ = ("obj",)

    def __init__(self, obj: object) -> None:
        self.obj = obj

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Identity) and other.obj is self.obj

    def __hash__(self) -> int:
        return id(self.obj)


def _kept(value: object) -> object:
    """A stored value as it goes back: the VARIANT it came as, digits and all.

    The dictionary keeps VARIANTs: an array goes back whole; a Decimal (which came as VT_CY
    or VT_DECIMAL) goes back as a VT_DECIMAL with all its digits, not cut to a currency's
    four decimals.
    """
    if isinstance(value, tuple):  # an array (a list arrives as a tuple): a tuple a server
        return list(value)  # returns would be its result followed by its out values
    return Variant(VT_DECIMAL, value) if isinstance(value, decimal.Decimal) else value


def _variant_time(date: datetime.datetime) -> float:
    """The VT_DATE number of ``date`` (aware, as it crossed): days since 1899-12-30.

    Before that day the whole days count down and the time of day still counts up: 6 a.m.
    on 1899-12-29 is -1.25, not -0.75.
    """
    delta = date - _OLE_EPOCH
    fraction = delta.seconds / 86400 + delta.microseconds / 86400e6
    return delta.days + fraction if delta.days >= 0 else delta.days - fraction


def _string_hash(text: str) -> int:
    value = 0
    for char in text:
        value = (value + (value << 4) + ord(char)) & 0xFFFFFFFF
    return value % _HASH_MODULUS


def _number_hash(number: float) -> int:
    try:
        bits: int = struct.unpack("<I", struct.pack("<f", number))[0]
    except OverflowError:  # beyond a float's range: its infinity
        bits = 0x7F800000 if number > 0 else 0xFF800000
    return bits % _HASH_MODULUS


class ScriptingDictionary(Policy):
    """Scripting.Dictionary: keys in the order added, compared as VARIANTs (its own policy)."""

    _type_info_ = ("{420B2830-E718-11CF-893D-00A0C9054228}", (1, 0), "IDictionary")

    def __init__(self) -> None:
        super().__init__(None)
        self._lock = threading.Lock()
        self._items: dict[object, tuple[object, Any]] = {}  # filed key -> (key, item)
        self._text = False  # CompareMode 1 or 2: strings compared without case
        self._mode = 0

    def get_dispid(self, name: str, flags: int = 0) -> int:
        """IDictionary's DISPID of ``name``; DISP_E_UNKNOWNNAME for anything else.

        As scrrun's GetIDsOfNames answers (its type information's, DispGetIDsOfNames).
        """
        dispid = _DISPIDS.get(name.lower())
        if dispid is None:
            raise COMException(scode=DISP_E_UNKNOWNNAME)
        return dispid

    def _filed(self, key: object) -> object:
        """The dictionary's key for ``key``: what makes two keys one."""
        if isinstance(key, str):
            return ("s", key.lower() if self._text else key)
        if isinstance(key, bool):
            return -1 if key else 0  # VARIANT_BOOL: True is -1
        if isinstance(key, (int, float, decimal.Decimal)) or key is None:
            return key  # numbers (currency too) by value; Empty is a key too
        if isinstance(key, datetime.datetime):
            return _variant_time(key)  # a date is its number
        if isinstance(key, (list, tuple, bytes, bytearray, memoryview)):
            raise _error(_E_TYPE_MISMATCH)
        return _Identity(key)

    def invoke(self, dispid: int | str, flags: int, args: tuple[Any, ...]) -> Any:  # noqa: ANN401
        """Run member ``dispid`` with ``args``, under the dictionary's lock."""
        if dispid == DISPID_VALUE:  # read as a method too: there is no type information
            return self._item(flags, args)
        if dispid == _KEY:
            return self._rename(flags, args)
        if dispid == _COMPARE_MODE:
            return self._compare_mode(flags, args)
        expected = _ARGS.get(dispid) if isinstance(dispid, int) else None
        if expected is None or not flags & (DISPATCH_METHOD if dispid in _METHODS else _GET):
            # a method read as a property is no member, as DispInvoke says: pywin32's
            # dynamic client learns from it that the name is a method
            raise COMException(scode=DISP_E_MEMBERNOTFOUND)
        if len(args) != expected:
            raise COMException(scode=DISP_E_BADPARAMCOUNT)
        with self._lock:
            if dispid == _ADD:
                filed = self._filed(args[0])
                if filed in self._items:
                    raise _error(_E_KEY_EXISTS)
                self._items[filed] = (args[0], args[1])
                return None
            if dispid == _COUNT:
                return len(self._items)
            if dispid == _EXISTS:
                return self._filed(args[0]) in self._items
            # arrays go back as lists: a tuple a server returns is (result, *out values)
            if dispid == _ITEMS:
                return [_kept(item) for _, item in self._items.values()]
            if dispid == _KEYS:
                return [_kept(key) for key, _ in self._items.values()]
            if dispid == _REMOVE:
                if self._items.pop(self._filed(args[0]), None) is None:
                    raise _error(_E_NOT_FOUND)
                return None
            if dispid == _REMOVE_ALL:
                self._items.clear()
                return None
            if dispid == _HASH_VAL:
                return self._hash(args[0])
            keys = [_kept(key) for key, _ in self._items.values()]  # DISPID_NEWENUM
        return new_enum(keys)

    def _item(self, flags: int, args: tuple[Any, ...]) -> Any:  # noqa: ANN401
        if flags & _PUT:
            if len(args) != 2:
                raise COMException(scode=DISP_E_BADPARAMCOUNT)
            with self._lock:  # an existing key keeps its spelling (TextCompare: its case)
                filed = self._filed(args[0])
                kept = self._items.get(filed)
                self._items[filed] = (args[0] if kept is None else kept[0], args[1])
            return None
        if len(args) != 1:
            raise COMException(scode=DISP_E_BADPARAMCOUNT)
        with self._lock:
            filed = self._filed(args[0])
            found = self._items.get(filed)
            if found is None:  # reading a missing key adds it
                self._items[filed] = found = (args[0], None)
            return _kept(found[1])

    def _rename(self, flags: int, args: tuple[Any, ...]) -> None:
        if not flags & _PUT:
            raise COMException(scode=DISP_E_MEMBERNOTFOUND)
        if len(args) != 2:
            raise COMException(scode=DISP_E_BADPARAMCOUNT)
        with self._lock:
            old, new = self._filed(args[0]), self._filed(args[1])
            if new in self._items:
                raise _error(_E_KEY_EXISTS)
            found = self._items.pop(old, None)
            self._items[new] = (args[1], None if found is None else found[1])

    def _compare_mode(self, flags: int, args: tuple[Any, ...]) -> int | None:
        if flags & _PUT:
            if len(args) != 1:
                raise COMException(scode=DISP_E_BADPARAMCOUNT)
            mode = args[0]
            if not isinstance(mode, int) or isinstance(mode, bool):
                raise _error(_E_TYPE_MISMATCH)
            with self._lock:
                if self._items:
                    raise _error(_E_ILLEGAL_CALL)
                self._mode, self._text = mode, mode > 0
            return None
        if args:
            raise COMException(scode=DISP_E_BADPARAMCOUNT)
        with self._lock:
            return self._mode

    def _hash(self, key: object) -> int:
        """HashVal: the hash scrrun files ``key`` under (called under the lock)."""
        filed = self._filed(key)
        if isinstance(key, str):
            return _string_hash(key.lower() if self._text else key)
        if isinstance(key, (bool, int, float, decimal.Decimal, datetime.datetime)):
            return _number_hash(float(filed))  # type: ignore[arg-type]
        if key is None:
            return 0
        return hash(filed) % _HASH_MODULUS
