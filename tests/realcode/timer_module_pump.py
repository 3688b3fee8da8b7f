"""pywin32's ``timer`` module: a callback every period, run while the thread pumps.

Source: public GitHub files using ``timer.set_timer(ms, callback)`` with a
``PumpWaitingMessages`` loop (search "import timer set_timer kill_timer pywin32"), rewritten with
their calls and their order: ``timer.set_timer(50, cb)`` returns the timer id, the callback
gets ``(id, time)``, ``timer.kill_timer(id)`` from inside the callback after three calls, the
loop ``win32gui.PumpWaitingMessages()`` with ``win32event.MsgWaitForMultipleObjects([], 0,
100, QS_ALLEVENTS)`` between. The id is 32767, the first a thread timer gets on Windows
(which counts them down) and on Wine; it was 1 here.
"""

import timer
import win32event
import win32gui

calls = []


def on_tick(timer_id, time):
    calls.append(timer_id)
    if len(calls) == 3:
        print("kill returns:", timer.kill_timer(timer_id))


def main():
    timer_id = timer.set_timer(50, on_tick)
    print("id is an int:", isinstance(timer_id, int), timer_id != 0)
    rounds = 0
    while len(calls) < 3 and rounds < 200:
        win32gui.PumpWaitingMessages()
        win32event.MsgWaitForMultipleObjects([], 0, 100, win32event.QS_ALLEVENTS)
        rounds += 1
    for _ in range(3):
        win32gui.PumpWaitingMessages()
        win32event.MsgWaitForMultipleObjects([], 0, 60, win32event.QS_ALLEVENTS)
    print("calls:", len(calls), "all with its id:", set(calls) == {timer_id})
    try:
        timer.kill_timer(timer_id)
        print("kill again: no error")
    except KeyError as error:
        # pywin32 keeps the callbacks in a dict: a second kill is that dict's KeyError.
        print("kill again: KeyError", error)
    print("done")


if __name__ == "__main__":
    main()
