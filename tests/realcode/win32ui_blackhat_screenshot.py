"""Grab the whole virtual screen to screenshot.bmp, as Black Hat Python's screenshotter does.

Source: public GitHub file zjicmDarkWing/PythonBlackHat ``screenshot.py`` (the book's
chapter 8 recipe), kept with its calls and their order: ``GetDesktopWindow``, the virtual
screen's metrics, ``GetWindowDC``, ``win32ui.CreateDCFromHandle``, ``CreateCompatibleDC``,
``CreateBitmap`` / ``CreateCompatibleBitmap`` / ``SelectObject``, ``BitBlt``,
``SaveBitmapFile``, ``DeleteDC``, ``DeleteObject(GetHandle())``. The file spells the metrics
``SM_CXVIRTUALSVREEN`` (an AttributeError on pywin32 too); the book's names are used. Added:
the printing of what the file holds (not its pixels, which are the screen's).

Expected output: pywin32's win32ui cannot load under Wine (no MFC), so the lines are what
pywin32 prints on Windows with the oracle's 1024 x 768 display.
"""

import struct

import win32api
import win32con
import win32gui
import win32ui

hdesktop = win32gui.GetDesktopWindow()

width = win32api.GetSystemMetrics(win32con.SM_CXVIRTUALSCREEN)
height = win32api.GetSystemMetrics(win32con.SM_CYVIRTUALSCREEN)
left = win32api.GetSystemMetrics(win32con.SM_XVIRTUALSCREEN)
top = win32api.GetSystemMetrics(win32con.SM_YVIRTUALSCREEN)

desktop_dc = win32gui.GetWindowDC(hdesktop)
img_dc = win32ui.CreateDCFromHandle(desktop_dc)

mem_dc = img_dc.CreateCompatibleDC()

screenshot = win32ui.CreateBitmap()
screenshot.CreateCompatibleBitmap(img_dc, width, height)
mem_dc.SelectObject(screenshot)

mem_dc.BitBlt((0, 0), (width, height), img_dc, (left, top), win32con.SRCCOPY)

screenshot.SaveBitmapFile(mem_dc, "screenshot.bmp")

mem_dc.DeleteDC()
win32gui.DeleteObject(screenshot.GetHandle())

print("virtual screen:", width, "x", height, "at", (left, top))
with open("screenshot.bmp", "rb") as f:
    data = f.read()
kind, size, _, _, offset = struct.unpack_from("<2sIHHI", data)
header = struct.unpack_from("<IiiHHI", data, 14)
print("file:", kind.decode(), size == len(data), "pixels at", offset)
print("header size {}, {} x {}, planes {}, {} bits, compression {}".format(*header))
