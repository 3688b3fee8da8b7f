"""Capture the first monitor to a temporary .bmp file, sized by EnumDisplayMonitors.

Source: public GitHub file malrsrch/Python-exercise ``SaveBitmapFile.py``, kept with its calls
and their order: ``GetWindowDC(0)`` (the screen), ``win32ui.CreateDCFromHandle``,
``CreateCompatibleDC``, ``CreateBitmap``, ``EnumDisplayMonitors(None, None)`` for the size,
``CreateCompatibleBitmap``, ``SelectObject``, ``BitBlt``, ``GetTempFileName(".", "")``
and ``SaveBitmapFile``. Python 3 ``print``; the last line opened the picture with
``os.system``: here the file is checked and removed instead.

Expected output: pywin32's win32ui cannot load under Wine (no MFC), so the lines are what
pywin32 prints on Windows with the oracle's 1024 x 768 display.
"""

import os

import win32api
import win32con
import win32gui
import win32ui


def window_capture():
    hwnd = 0
    hwndDC = win32gui.GetWindowDC(hwnd)
    mfcDC = win32ui.CreateDCFromHandle(hwndDC)
    saveDC = mfcDC.CreateCompatibleDC()
    saveBitMap = win32ui.CreateBitmap()

    MoniterDev = win32api.EnumDisplayMonitors(None, None)
    w = MoniterDev[0][2][2]
    h = MoniterDev[0][2][3]

    print(w, h)

    saveBitMap.CreateCompatibleBitmap(mfcDC, w, h)
    saveDC.SelectObject(saveBitMap)
    saveDC.BitBlt((0, 0), (w, h), mfcDC, (0, 0), win32con.SRCCOPY)
    bmpname = win32api.GetTempFileName(".", "")[0] + ".bmp"
    saveBitMap.SaveBitmapFile(saveDC, bmpname)
    return bmpname


name = window_capture()
print("saved a", os.path.splitext(name)[1], "file of", os.path.getsize(name), "bytes")
os.remove(name)
