"""A "waitable timer" made of two events and a thread: signal at a due time, then each period.

Source: Jason R. Coombs' ``timers`` module (jaraco's Python utilities, 2004/2011): a
``WaitableTimer`` class with an auto-reset ``SignalEvent`` and ``StopEvent``
(``win32event.CreateEvent(None, 0, 0, None)``), ``Set(dueTime, period)`` starting a thread whose
loop waits on the stop event with ``WaitForSingleObject(StopEvent, milliseconds)`` until each
due time and then ``SetEvent(SignalEvent)``, ``Stop()`` and ``WaitForSignal(timeoutSeconds)``.
Rewritten in our words (its ``threading.start_new_thread`` does not exist on Python 3: a
``threading.Thread`` here); the driver counts three signals, stops it and joins the thread.
The 2004 version passed ``seconds * 1000`` (a float) as the timeout: that call is tried too.
"""

import threading
import time

import win32event


class WaitableTimer:
    def __init__(self):
        self.SignalEvent = win32event.CreateEvent(None, 0, 0, None)
        self.StopEvent = win32event.CreateEvent(None, 0, 0, None)
        self.thread = None

    def Set(self, dueTime, period):
        self.thread = threading.Thread(target=self._SignalLoop_, args=(dueTime, period))
        self.thread.start()

    def Stop(self):
        win32event.SetEvent(self.StopEvent)

    def WaitForSignal(self, timeoutSeconds=None):
        if not timeoutSeconds:
            timeoutMilliseconds = win32event.INFINITE
        else:
            timeoutMilliseconds = int(timeoutSeconds * 1000)
        return win32event.WaitForSingleObject(self.SignalEvent, timeoutMilliseconds)

    def _SignalLoop_(self, dueTime, period):
        if not dueTime and not period:
            raise ValueError("dueTime or period must be non-zero")
        try:
            if not dueTime:
                dueTime = time.time() + period
            self._Wait_(dueTime - time.time())
            while period:
                dueTime += period
                self._Wait_(dueTime - time.time())
        except Exception:
            pass  # stopped: the thread ends

    def _Wait_(self, seconds):
        milliseconds = int(seconds * 1000)
        if milliseconds > 0:
            res = win32event.WaitForSingleObject(self.StopEvent, milliseconds)
            if res == win32event.WAIT_OBJECT_0:
                raise Exception("stopped")
        win32event.SetEvent(self.SignalEvent)

    def getEvenDueTime(self, period):
        now = time.time()
        return now - (now % period)


timer = WaitableTimer()
timer.Set(0, 0.05)
results = [timer.WaitForSignal(10) for _ in range(3)]
print("three signals:", results)
timer.Stop()
timer.thread.join(10)
print("loop ended:", not timer.thread.is_alive())
print("no signal after stop:", timer.WaitForSignal(0.2) == win32event.WAIT_TIMEOUT)
due = timer.getEvenDueTime(60)
print("even due time:", due % 60 == 0, due <= time.time())
try:
    print("float timeout:", win32event.WaitForSingleObject(timer.StopEvent, 12.5))
except TypeError as exc:
    print("float timeout:", type(exc).__name__, exc)
try:
    timer._SignalLoop_(0, 0)
except ValueError as exc:
    print("no due time:", exc)
