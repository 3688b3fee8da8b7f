"""A stand-in for Internet Explorer's automation object, for pywin32's events demos.

``InternetExplorer.Application`` is a LocalServer on Windows: a browser process whose UI
thread (an STA) owns the WebBrowser object and fires its DWebBrowserEvents2 events from there,
after the call that caused them has returned. This class does the same in a server process
(``python -m apartment serve``) or in an STA of the test's own: ``Navigate`` returns at once
and the page "completes" when the object's thread next dispatches its timer messages
(NavigateComplete2, then DocumentComplete); ``Quit`` closes the same way (OnQuit). Setting
``Visible`` fires OnVisible at once, as IE does. The URL need not exist.

DISPIDs and the events interface are Windows' (ExDispID.h, exdisp.h): what IE's type library
tells makepy. No other module imports anything but ``apartment.com`` and
``apartment.messages``: ``python -m apartment register`` imports this file alone.
"""

from __future__ import annotations

import threading
from typing import Any, ClassVar

from apartment import com, messages
from apartment.kernel import Event

__all__ = [
    "DIID_DWEBBROWSEREVENTS2",
    "DISPID_DOCUMENTCOMPLETE",
    "DISPID_NAVIGATECOMPLETE2",
    "DISPID_ONQUIT",
    "DISPID_ONVISIBLE",
    "Browser",
]

DIID_DWEBBROWSEREVENTS2 = "{34A715A0-6587-11D0-924A-0020AFC7AC4D}"
# IE's type library describes its events interface, so COM can marshal it to a sink in
# another apartment or process: this process's registration of it stands for that library.
com.register_interface(DIID_DWEBBROWSEREVENTS2)
DISPID_NAVIGATECOMPLETE2 = 252
DISPID_ONQUIT = 253
DISPID_ONVISIBLE = 254
DISPID_DOCUMENTCOMPLETE = 259


class Browser(com.Connectable):
    """InternetExplorer.Application: Visible, Navigate(url), Quit(), DWebBrowserEvents2."""

    _reg_clsid_ = "{0002DF01-0000-0000-C000-000000000046}"  # CLSID_InternetExplorer
    _reg_progid_ = "InternetExplorer.Application"
    _reg_desc_ = "Internet Explorer (a stand-in for tests)"
    _reg_clsctx_ = com.CLSCTX_LOCAL_SERVER
    _reg_threading_ = "Apartment"
    _public_methods_: ClassVar[list[str]] = [
        "Navigate",
        "Quit",
        "ThreadId",
        *com.Connectable._public_methods_,
    ]
    _public_attrs_: ClassVar[list[str]] = ["Visible", "LocationURL"]
    _readonly_attrs_: ClassVar[list[str]] = ["LocationURL"]
    _connect_interfaces_: ClassVar[list[object]] = [DIID_DWEBBROWSEREVENTS2]
    _public_events_: ClassVar[dict[str, int]] = {
        "NavigateComplete2": DISPID_NAVIGATECOMPLETE2,
        "OnQuit": DISPID_ONQUIT,
        "OnVisible": DISPID_ONVISIBLE,
        "DocumentComplete": DISPID_DOCUMENTCOMPLETE,
    }

    def __init__(self) -> None:
        super().__init__()
        self._visible = False
        self.LocationURL = ""
        self._lock = threading.Lock()
        self._fired_on: list[int] = []  # the threads the events were fired on (for tests)
        self.firing = Event(manual_reset=True)  # set as the first event goes (for tests)

    @property
    def Visible(self) -> bool:  # noqa: N802
        return self._visible

    @Visible.setter
    def Visible(self, value: Any) -> None:  # noqa: N802
        self._visible = bool(value)
        self._fire("OnVisible", self._visible)

    def fired_on(self) -> list[int]:
        """The threads the events were fired on, in order (for tests)."""
        with self._lock:
            return list(self._fired_on)

    def ThreadId(self) -> int:  # noqa: N802
        """The native id of the object's thread (what the tests compare)."""
        return threading.get_native_id()

    def Navigate(self, url: Any, *options: Any) -> None:  # noqa: N802
        """Start loading ``url``: it completes when this thread next dispatches messages."""
        self.LocationURL = str(url)
        self._later(self._loaded)

    def Quit(self) -> None:  # noqa: N802
        """Close the browser: OnQuit fires when this thread next dispatches messages."""
        self._later(lambda: self._fire("OnQuit"))

    def _loaded(self) -> None:
        me = com.wrap(self)
        self._fire("NavigateComplete2", me, self.LocationURL)
        self._fire("DocumentComplete", me, self.LocationURL)

    def _fire(self, name: str, *args: Any) -> None:
        with self._lock:
            self._fired_on.append(threading.get_native_id())
        self.firing.set()
        self.fire(name, *args)

    @staticmethod
    def _later(action: Any) -> None:
        """Run ``action`` once, on this thread, from its message loop (a thread timer)."""

        def tick(hwnd: int, msg: int, timer_id: int, when: int) -> None:
            messages.kill_timer(0, timer_id)
            action()

        messages.set_timer(0, 0, 0.0, tick)
