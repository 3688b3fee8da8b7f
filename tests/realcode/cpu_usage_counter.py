"""Read the machine's CPU usage with a PDH query, the way monitoring scripts do.

Source: public GitHub files (CPU usage helpers, search "win32pdh AddCounter Processor(_Total)
% Processor Time CollectQueryData"), rewritten with their calls and their order:
``OpenQuery``, ``AddCounter(query, r"\\Processor(_Total)\\% Processor Time")``,
``CollectQueryData``, a sleep (here 0.2 s, not 1 s), ``CollectQueryData`` again,
``GetFormattedCounterValue(counter, PDH_FMT_LONG)``, ``CloseQuery``. The value varies from run
to run, so the program prints what it checks of it. PDH_FMT_LONG, not DOUBLE: Wine formats a
DOUBLE wrongly.
"""

import time

import win32pdh


def cpu_percent(interval):
    query = win32pdh.OpenQuery()
    try:
        counter = win32pdh.AddCounter(query, r"\Processor(_Total)\% Processor Time")
        win32pdh.CollectQueryData(query)
        time.sleep(interval)
        win32pdh.CollectQueryData(query)
        kind, value = win32pdh.GetFormattedCounterValue(counter, win32pdh.PDH_FMT_LONG)
        return kind, value
    finally:
        win32pdh.CloseQuery(query)


kind, value = cpu_percent(0.2)
print("type is an int:", isinstance(kind, int))
print("value is an int:", isinstance(value, int))
print("value between 0 and 100:", 0 <= value <= 100)
print("query handle is an int:", isinstance(win32pdh.OpenQuery(), int))
