"""Run pywin32's ``win32gui_devicenotify.py``, unchanged, while devices come and go.

Run by ``test_pywin32_files.test_devicenotify_demo_hears_devices`` with
``python -m apartment run``. The demo registers its hidden window for USB devices' arrivals
and for a folder it opens (``./volume``, given on its command line: a volume a user would unplug),
then pumps until Ctrl+C. A thread of this driver waits (without polling) until both are
registered, then does what Windows' Plug and Play manager would: a USB device arrives and goes
(DBT_DEVICEARRIVAL, DBT_DEVICEREMOVECOMPLETE), and the folder's volume is asked to be removed
(DBT_DEVICEQUERYREMOVE about its handle: the demo closes the handle and unregisters, so a
second query tells no one). Then it presses Ctrl+C.
"""

from __future__ import annotations

import _thread
import contextlib
import os
import runpy
import struct
import sys
import threading

import win32con
import win32gui_struct

from apartment import messages

USB = "{A5DCBF10-6530-11D2-901F-00C04FB951ED}"
DEVICE = "\\\\?\\USB#VID_1234&PID_5678#0001#" + USB
HANDLE = "<IIIxxxxQ"  # DEV_BROADCAST_HANDLE's header, then dbch_handle


def devices(told: list[int], failures: list[str]) -> None:
    try:
        usb = messages.wait_for_device_registration(win32con.DBT_DEVTYP_DEVICEINTERFACE, 60)
        folder = messages.wait_for_device_registration(win32con.DBT_DEVTYP_HANDLE, 60)
        if usb is None or folder is None:
            failures.append("the demo did not register")
            return
        arrived = win32gui_struct.PackDEV_BROADCAST_DEVICEINTERFACE(USB, DEVICE)
        told.append(messages.announce_device_change(win32con.DBT_DEVICEARRIVAL, arrived))
        told.append(messages.announce_device_change(win32con.DBT_DEVICEREMOVECOMPLETE, arrived))
        # the folder's handle, as its registration's filter names it
        query = win32gui_struct.PackDEV_BROADCAST_HANDLE(
            struct.unpack_from(HANDLE, folder.filter)[3]
        )
        told.append(messages.announce_device_change(win32con.DBT_DEVICEQUERYREMOVE, query))
        told.append(messages.announce_device_change(win32con.DBT_DEVICEQUERYREMOVE, query))
    finally:
        _thread.interrupt_main()  # the user's Ctrl+C


def main() -> None:
    told: list[int] = []
    failures: list[str] = []
    driver = threading.Thread(target=devices, args=(told, failures))
    driver.start()
    # the demo watches the folder named on its command line: ./volume, the test's
    sys.argv = [sys.argv[1], os.path.abspath("volume")]
    with contextlib.suppress(KeyboardInterrupt):  # the user's Ctrl+C ends the demo
        runpy.run_path(sys.argv[0], run_name="__main__")
    driver.join()
    print(*failures or [f"windows told: {told}", "the demo ended"], sep="\n")


main()
