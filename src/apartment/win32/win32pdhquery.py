"""pywin32's ``win32pdhquery``: a reusable, picklable performance query over :mod:`win32pdh`.

A pure-Python module of pywin32, written here. A :class:`Query` keeps counter paths
(``paths``, kept when pickled; ``volatilecounters``, instance counters whose paths are
looked up again at each open, as processes come and go); ``open`` makes a PDH query of
them (a path PDH refuses gives a 0 counter, whose value reads -1), ``collectdata`` samples
every counter (opening and closing the query around it when it is not open), and
``collectdatafor`` / ``collectdatawhile`` sample every ``period`` seconds into
``curresults``. ``collectdatawhile`` samples on a thread of its own until
``collectdatawhile_stop``, which wakes it at once (pywin32's thread sleeps out its period).
A query that cannot be opened raises :class:`QueryError`.
"""

from __future__ import annotations

import contextlib
import threading
from typing import Any

from ..errors import Win32Error
from . import win32pdh

__all__ = ["BaseQuery", "Query", "QueryError"]

_FAILED = -1  # a counter that could not be read


class BaseQuery:
    """A PDH query kept as its counter paths.

    Open it once and sample many times, or let each ``collectdata`` open and close it (for
    processes that may end meanwhile).
    """

    def __init__(self, paths: list[str] | None = None) -> None:
        self.counters: list[int] = []
        self.paths: list[str] = paths if paths else []
        self._base: int | None = None
        self.active = 0
        self.curpaths: list[str] = []

    def addcounterbybrowsing(
        self, flags: int = win32pdh.PERF_DETAIL_WIZARD, windowtitle: str = "Python Browser"
    ) -> None:
        """Add the paths a user picks in PDH's counter dialog (``win32pdh.BrowseCounters``)."""
        win32pdh.BrowseCounters(None, 0, self.paths.append, flags, windowtitle)

    def rawaddcounter(
        self,
        object: str,
        counter: str,
        instance: str | None = None,
        inum: int = -1,
        machine: str | None = None,
    ) -> None:
        """Add the path of a counter; a path PDH cannot make raises its error."""
        self.paths.append(
            win32pdh.MakeCounterPath((machine, object, instance, None, inum, counter))
        )

    def addcounter(
        self,
        object: str,
        counter: str,
        instance: str | None = None,
        inum: int = -1,
        machine: str | None = None,
    ) -> int:
        """Add the path of a counter: 0, or -1 when the query is open or the path is refused."""
        if self.active:
            return -1
        try:
            self.rawaddcounter(object, counter, instance, inum, machine)
        except Win32Error:
            return -1
        return 0

    def open(self) -> int:
        """Make the PDH query and add every path: 0, or 1 when it is open already.

        Raises:
            QueryError: the PDH query could not be made.
        """
        if self.active:
            return 1
        self.curpaths = list(self.paths)
        try:
            base = win32pdh.OpenQuery()
        except Win32Error:
            self.curpaths = []
            raise QueryError(self) from None
        for path in self.paths:
            try:
                self.counters.append(win32pdh.AddCounter(base, path))
            except Win32Error:
                self.counters.append(0)  # read as -1
        self._base = base
        self.active = 1
        return 0

    def killbase(self, base: int | None = None) -> None:
        """Close the PDH query ``base`` and forget the counters (``close`` calls it)."""
        self._base = None
        self.counters = []
        self.active = 0
        if base:
            with contextlib.suppress(Win32Error):
                win32pdh.CloseQuery(base)  # its counters go with it

    def close(self) -> None:
        """Close the query if it is open; closing twice is fine."""
        self.killbase(getattr(self, "_base", None))

    def __del__(self) -> None:
        self.close()

    def collectdata(self, format: int = win32pdh.PDH_FMT_LONG) -> list[Any]:
        """One sample of every counter (-1 for one that cannot be read)."""
        if self._base:
            return self.collectdataslave(format)
        self.open()
        try:
            return self.collectdataslave(format)
        finally:
            self.close()

    def collectdataslave(self, format: int = win32pdh.PDH_FMT_LONG) -> list[Any]:
        """One sample of every counter of the open query."""
        try:
            win32pdh.CollectQueryData(self._base or 0)  # not open: PDH refuses a NULL query
        except Win32Error:
            return [_FAILED] * len(self.counters)
        values: list[Any] = []
        for counter in self.counters:
            try:
                values.append(
                    win32pdh.GetFormattedCounterValue(counter, format)[1] if counter else _FAILED
                )
            except Win32Error:
                values.append(_FAILED)
        return values

    def __getinitargs__(self) -> tuple[list[str]]:
        return (self.paths,)


class Query(BaseQuery):
    """A :class:`BaseQuery` with instance counters and timed collection."""

    def __init__(self, *args: Any, **namedargs: Any) -> None:  # noqa: ANN401 (BaseQuery's)
        self.volatilecounters: list[tuple[Any, ...]] = []
        self.curresults: list[list[Any]] = []
        self._stop = threading.Event()
        self._collector: threading.Thread | None = None
        super().__init__(*args, **namedargs)

    def addperfcounter(self, object: str, counter: str, machine: str | None = None) -> None:
        """Add a counter of a single-instance object (``Memory``, ``Available Bytes``)."""
        self.addcounter(object=object, counter=counter, machine=machine)

    def addinstcounter(
        self,
        object: str,
        counter: str,
        machine: str | None = None,
        objtype: str = "Process",
        volatile: int = 1,
        format: int = win32pdh.PDH_FMT_LONG,
    ) -> None:
        """Add ``counter`` of every instance named ``object`` (all ``python`` processes).

        ``volatile``: the instances are looked up at each open, else now.
        """
        if volatile:
            self.volatilecounters.append((object, counter, machine, objtype, format))
        else:
            self.paths.extend(self.getinstpaths(object, counter, machine, objtype, format))

    def getinstpaths(
        self,
        object: str,
        counter: str,
        machine: str | None = None,
        objtype: str = "Process",
        format: int = win32pdh.PDH_FMT_LONG,
    ) -> list[str]:
        """The counter paths of ``counter`` for each instance named ``object`` now."""
        _, instances = win32pdh.EnumObjectItems(None, None, objtype, -1)
        count = list(instances).count(object)
        return [
            win32pdh.MakeCounterPath((machine, "Process", object, None, index, counter))
            for index in range(count)
        ]  # pywin32 names the object Process here, whatever objtype is

    def open(self, *args: Any, **namedargs: Any) -> None:  # type: ignore[override]  # noqa: ANN401
        """Open the query, with the volatile counters' instances as they are now.

        It returns None (pywin32's Query does not pass BaseQuery's 0 or 1 on).
        """
        if super().open(*args, **namedargs):  # open already
            return
        assert self._base is not None  # opened just now
        for spec in self.volatilecounters:
            for path in self.getinstpaths(*spec):
                try:
                    self.counters.append(win32pdh.AddCounter(self._base, path))
                except Win32Error:
                    continue  # that instance ended meanwhile
                self.curpaths.append(path)

    def _collect(self, samples: int | None, period: float) -> None:
        results: list[list[Any]] = []
        try:
            self.open()
            while samples is None or len(results) < samples:
                if samples is None and self._stop.is_set():
                    break
                results.append(self.collectdata())
                if self._stop.wait(period) and samples is None:
                    break
            self.curresults = results
        finally:
            self.close()

    def collectdatafor(self, totalperiod: float, period: float = 1) -> None:
        """Sample every ``period`` seconds for ``totalperiod`` seconds into ``curresults``."""
        self._stop.clear()
        self._collect(int(totalperiod / period), period)

    def collectdatawhile(self, period: float = 1) -> None:
        """Sample every ``period`` seconds on a thread until :meth:`collectdatawhile_stop`.

        The samples are in ``curresults`` once the thread has ended.
        """
        self._stop.clear()
        self._collector = threading.Thread(
            target=self.collectdatawhile_slave, args=(period,), name="win32pdhquery", daemon=True
        )
        self._collector.start()

    def collectdatawhile_stop(self) -> None:
        """Stop the sampling thread (it ends at once, keeping its samples)."""
        self._stop.set()

    def collectdatawhile_slave(self, period: float) -> None:
        """The sampling thread's work (runs on it)."""
        self._collect(None, period)

    def __getstate__(self) -> list[tuple[Any, ...]]:
        return self.volatilecounters

    def __setstate__(self, volatilecounters: list[tuple[Any, ...]]) -> None:
        self.volatilecounters = volatilecounters


class QueryError(Exception):
    """A query's PDH query could not be made."""

    def __init__(self, query: BaseQuery) -> None:
        super().__init__(query)
        self.query = query

    def __repr__(self) -> str:
        return f"<Query Error in {self.query!r}>"

    __str__ = __repr__
