"""Measure one process's CPU use with a PDH "% Processor Time" counter, as process monitors do.

Source: the pywin32 recipe for a process's CPU (StackOverflow "Getting the CPU usage of a
process with win32pdh", GitHub monitors): the instance name is the image's name without
``.exe``; ``MakeCounterPath((None, "Process", instance, None, -1, "% Processor Time"))``,
``OpenQuery``, ``AddCounter``, ``CollectQueryData`` twice around a busy stretch,
``GetFormattedCounterValue(counter, PDH_FMT_DOUBLE)``, ``RemoveCounter``, ``CloseQuery``;
the instance list from ``EnumObjectItems(None, None, "Process", PERF_DETAIL_WIZARD)``.
Rewritten with those calls in that order; the program burns CPU on purpose between the two
collections, and prints no number a machine decides (the instance "python" is the first
process of that image, which need not be this one when several run). Where Wine
is not Windows: Wine's PDH has no Process object (EnumObjectItems fails with
PDH_CSTATUS_NO_OBJECT); Windows has it, and the expected output holds Windows' answer.
"""

import os
import sys
import time

import win32pdh


def main():
    instance = os.path.splitext(os.path.basename(sys.executable))[0]
    counters, instances = win32pdh.EnumObjectItems(
        None, None, "Process", win32pdh.PERF_DETAIL_WIZARD
    )
    print("counters include % Processor Time:", "% Processor Time" in counters)
    print("instance listed:", instance in instances)
    path = win32pdh.MakeCounterPath((None, "Process", instance, None, -1, "% Processor Time"))
    print("path:", path.replace(instance, "<image>"))
    hq = win32pdh.OpenQuery()
    hc = win32pdh.AddCounter(hq, path)
    win32pdh.CollectQueryData(hq)
    end = time.perf_counter() + 0.5
    n = 0
    while time.perf_counter() < end:
        n += 1
    win32pdh.CollectQueryData(hq)
    kind, value = win32pdh.GetFormattedCounterValue(hc, win32pdh.PDH_FMT_DOUBLE)
    print("value is a float:", isinstance(value, float), "not negative:", value >= 0.0)
    print("type word is an int:", isinstance(kind, int))
    win32pdh.RemoveCounter(hc)
    win32pdh.CloseQuery(hq)


if __name__ == "__main__":
    main()
