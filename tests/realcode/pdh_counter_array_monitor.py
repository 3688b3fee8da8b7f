"""A resource monitor reading wildcard counters: every processor's and every process's values.

Source: public GitHub files (system and GPU monitors, search "win32pdh GetFormattedCounterArray"
and "win32pdh AddEnglishCounter LookupPerfNameByIndex"), rewritten with their calls and their
order: the localized object names from their English indices (``LookupPerfNameByIndex(None,
238)``, ``230``, ``784``), ``OpenQuery``, ``AddEnglishCounter(query, r"\\Processor(*)\\%
Processor Time")`` and a counter of every process's id, ``CollectQueryData``, a short sleep,
``CollectQueryData``, ``GetFormattedCounterArray(counter, PDH_FMT_DOUBLE)`` (a dict of instance
to value), a helper that adds, reads and removes a one-sample wildcard counter
(``RemoveCounter`` then ``CloseQuery``), and ``CloseQuery``. The values vary from run to run,
so the program prints what it checks of them.
"""

import os
import sys
import time

import win32pdh


def read_wildcard_counter(path):
    """{instance: int value} of a wildcard counter, from one sample (raw counts only)."""
    query = win32pdh.OpenQuery()
    try:
        counter = win32pdh.AddCounter(query, path)
        try:
            win32pdh.CollectQueryData(query)
            data = win32pdh.GetFormattedCounterArray(counter, win32pdh.PDH_FMT_DOUBLE)
            return {str(k): int(v) for k, v in data.items()}
        finally:
            win32pdh.RemoveCounter(counter)
    finally:
        win32pdh.CloseQuery(query)


processor = win32pdh.LookupPerfNameByIndex(None, 238)
process = win32pdh.LookupPerfNameByIndex(None, 230)
id_process = win32pdh.LookupPerfNameByIndex(None, 784)
print("names:", processor, "/", process, "/", id_process)

query = win32pdh.OpenQuery()
try:
    cpu = win32pdh.AddEnglishCounter(query, r"\Processor(*)\% Processor Time")
    ids = win32pdh.AddEnglishCounter(query, rf"\{process}(*)\{id_process}")
    win32pdh.CollectQueryData(query)
    time.sleep(0.2)
    win32pdh.CollectQueryData(query)
    per_cpu = win32pdh.GetFormattedCounterArray(cpu, win32pdh.PDH_FMT_DOUBLE)
    pids = win32pdh.GetFormattedCounterArray(ids, win32pdh.PDH_FMT_LARGE)
finally:
    win32pdh.CloseQuery(query)

print("per-cpu is a dict:", isinstance(per_cpu, dict))
print("has _Total:", "_Total" in per_cpu)
print("has processor 0:", "0" in per_cpu)
print(
    "values are floats in 0..100:",
    all(isinstance(v, float) and 0 <= v <= 100 for v in per_cpu.values()),
)
busiest = max((name for name in per_cpu if name != "_Total"), key=per_cpu.get)
print("busiest is a processor number:", busiest.isdigit())
print("pids are ints:", all(isinstance(v, int) for v in pids.values()))
program = os.path.splitext(os.path.basename(sys.executable))[0]
print("this program's name is a key:", program in pids)

again = read_wildcard_counter(r"\Process(*)\ID Process")
print(
    "one-sample read is a dict of ints:",
    bool(again) and all(isinstance(v, int) for v in again.values()),
)
