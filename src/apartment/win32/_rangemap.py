"""pywin32's ``win32timezone.RangeMap``: a dict whose keys bound ranges of keys.

pywin32's own container (it comes from jaraco.collections), no Windows behaviour: looking up
a key finds the first of the sorted keys that matches it (``key_match_comparator(item,
key)``, by default ``item <= key``), so ``RangeMap({3: 'a', 6: 'b'})`` gives 'a' for 1 to 3
and 'b' for 4 to 6. ``RangeMap.left`` makes each key the start of its range instead (what
win32timezone keeps a zone's years in).

>>> years = RangeMap.left({1987: "old", 2007: "new"})
>>> years[1999], years[2007], years[2050]
('old', 'new', 'new')
>>> years.get(1900, "none"), years[RangeMap.last_item], years.bounds()
('none', 'old', (2007, 1987))
>>> closed = RangeMap({0: RangeMap.undefined_value, 5: "low", 9: "high"})
>>> closed[7], closed.get(0, "outside"), closed.get(10, "outside")
('high', 'outside', 'outside')
"""

from __future__ import annotations

import functools
import operator
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping

    from typing_extensions import Self

__all__ = ["RangeMap"]

K = TypeVar("K")
V = TypeVar("V")
T = TypeVar("T")


class _Undefined:
    """The value of a range that holds nothing (a lookup there is a KeyError)."""

    def __repr__(self) -> str:
        return "RangeMap.undefined_value"


class RangeMap(dict[K, V]):
    """A dict whose keys bound ranges: see the module's doc."""

    class Item(int):
        """An index into the sorted keys (``RangeMap.first_item``, ``RangeMap.last_item``)."""

    first_item = Item(0)
    last_item = Item(-1)
    undefined_value: Any = _Undefined()

    def __init__(
        self,
        source: Mapping[K, V] | Iterable[tuple[K, V]],
        sort_params: Mapping[str, Any] | None = None,
        key_match_comparator: Callable[[Any, Any], bool] = operator.le,
    ) -> None:
        super().__init__(source)
        self.sort_params = dict(sort_params or {})
        self.match = key_match_comparator

    @classmethod
    def left(cls, source: Mapping[K, V] | Iterable[tuple[K, V]]) -> Self:
        """A map whose keys start their ranges (each up to the next key)."""
        return cls(source, sort_params={"reverse": True}, key_match_comparator=operator.ge)

    def _sorted_keys(self) -> list[K]:
        return sorted(self, **self.sort_params)

    def __getitem__(self, item: K) -> V:
        keys = self._sorted_keys()
        if isinstance(item, RangeMap.Item):
            return super().__getitem__(keys[item])
        matches = functools.partial(self.match, item)
        key = next(filter(matches, keys), _MISSING)
        if key is _MISSING:
            raise KeyError(item)
        found = super().__getitem__(key)
        if found is RangeMap.undefined_value:
            raise KeyError(key)
        return found

    def get(self, key: K, default: T | None = None) -> V | T | None:  # type: ignore[override]
        """The value of ``key``'s range, or ``default``."""
        try:
            return self[key]
        except KeyError:
            return default

    def bounds(self) -> tuple[K, K]:
        """The first and last keys, in the map's order."""
        keys = self._sorted_keys()
        return keys[RangeMap.first_item], keys[RangeMap.last_item]


_MISSING: Any = object()
