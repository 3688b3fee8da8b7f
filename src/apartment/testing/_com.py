"""Test helpers for code that uses apartments: a pumping STA thread, an MTA member thread."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from .. import com, messages
from ..com import lowlevel
from ..kernel import Event, ThreadHandle, start_thread

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["StaThread", "MtaMember", "apartments_in_use", "proxies_alive"]

T = TypeVar("T")
R = TypeVar("R")


class _ApartmentThread(ABC, Generic[T]):
    """A thread that enters an apartment, runs ``setup()`` there, then serves until stopped.

    ``setup()``, if given, runs on the thread once it is in its apartment; its result is
    ``result`` (its exception is raised by the constructor).
    """

    _MULTITHREADED = False
    _NAME = "apartment-test"

    def __init__(self, setup: Callable[[], T] | None = None) -> None:
        self._ready = Event(manual_reset=True)
        self._setup = setup
        self._error: BaseException | None = None
        self.result: T = None  # type: ignore[assignment]
        self.apartment: com.Apartment
        self.thread: ThreadHandle = start_thread(self._run, name=self._NAME)
        assert self._ready.wait(30)
        if self._error is not None:
            self.thread.wait(30)
            raise self._error

    def _run(self) -> None:
        com.initialize(self._MULTITHREADED)
        try:
            self.apartment = com.current_apartment()
            try:
                self._enter()
                if self._setup is not None:
                    self.result = self._setup()
            except BaseException as error:  # handed to the constructor's caller
                self._error = error
                return
            finally:
                self._ready.set()
            self._serve()
        finally:
            com.uninitialize()

    def _enter(self) -> None:
        """Prepare the thread before ``setup()`` (on the thread)."""

    @abstractmethod
    def _serve(self) -> None:
        """Serve until stopped (on the thread): StaThread pumps, MtaThread waits."""


class StaThread(_ApartmentThread[T]):
    """A thread that is a single-threaded apartment and pumps messages until stopped.

    ``setup()``, if given, runs on the thread once it is an STA; its result is ``result``
    (its exception is raised by the constructor). ``call(fn, *args)`` runs ``fn`` on the
    thread, inside its apartment, and returns the result, from any thread, COM-initialized or
    not: the request is posted to the thread's queue, as a call into an STA is.
    """

    _NAME = "apartment-test-sta"

    def _enter(self) -> None:
        messages.peek_message()  # the queue exists before anyone posts to it

    def _serve(self) -> None:
        while True:  # pump_messages, plus the calls ``call`` posts as thread messages
            message = messages.get_message()
            if message.message == messages.WM_QUIT:
                return
            if message.message == _RUN and not message.hwnd and callable(message.lparam):
                message.lparam()
            else:
                messages.dispatch_message(message)

    def call(self, fn: Callable[..., R], *args: Any) -> R:  # noqa: ANN401
        """Run ``fn(*args)`` on the STA's thread and return its result (or raise its error)."""
        done = Event(manual_reset=True)
        box: list[Any] = []

        def run() -> None:
            try:
                box.append((True, fn(*args)))
            except BaseException as error:
                box.append((False, error))
            done.set()

        messages.post_thread_message(self.thread, _RUN, 0, run)
        assert done.wait(30), "the STA thread did not run the call (is it blocked?)"
        ok, value = box[0]
        if not ok:
            raise value
        return value  # type: ignore[no-any-return]

    def stop(self) -> None:
        """End the message loop and wait for the thread to leave its apartment."""
        if self.thread.is_alive():
            messages.post_thread_message(self.thread, messages.WM_QUIT)
        assert self.thread.wait(30)


_RUN = messages.register_window_message("apartment.testing.run")


class MtaMember(_ApartmentThread[T]):
    """A thread that is in the MTA until stopped, so the MTA exists meanwhile.

    ``setup()``, if given, runs on the thread once it is in the MTA; its result is ``result``
    (its exception is raised by the constructor).
    """

    _MULTITHREADED = True
    _NAME = "apartment-test-mta"

    def __init__(self, setup: Callable[[], T] | None = None) -> None:
        self._stop = Event(manual_reset=True)
        super().__init__(setup)

    def _serve(self) -> None:
        self._stop.wait()

    def stop(self) -> None:
        """Leave the MTA and end the thread."""
        self._stop.set()
        assert self.thread.wait(30)


def apartments_in_use() -> dict[ThreadHandle, com.Apartment]:
    """Return the threads that initialized COM and have not uninitialized, with apartments."""
    return lowlevel.initialized_threads()


def proxies_alive() -> int:
    """Return how many proxies are alive in the process."""
    return len(lowlevel.live_proxies())
