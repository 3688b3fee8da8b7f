"""Grab 800 x 600 of the screen into an array, as a self-driving-car game bot does.

Source: public GitHub file BlackenedWhite/Self-Driving-Car-With-Python ``screenGrap.py``
(``grab_screen``), kept with its calls and their order: ``GetDesktopWindow``,
``GetWindowDC``, ``win32ui.CreateDCFromHandle``, ``CreateCompatibleDC``, ``CreateBitmap`` /
``CreateCompatibleBitmap`` / ``SelectObject``, ``BitBlt`` from (0, 50),
``GetBitmapBits(True)``, then ``DeleteDC`` twice, ``ReleaseDC`` and ``DeleteObject``. The
program shaped the bits with ``numpy.fromstring(...).shape = (height, width, 4)``; numpy is
not installed here, so a few lines do the same shaping on the bytes. Added: the printing of
the shape and of the first pixel's channel count.

Expected output: pywin32's win32ui cannot load under Wine (no MFC), so the lines are what
pywin32 prints on Windows.
"""

import win32con
import win32gui
import win32ui


class _Image:
    """Stands in for numpy.fromstring(bits, dtype='uint8') and its ``shape``."""

    def __init__(self, data):
        self.data = data
        self.shape: tuple[int, ...] = (len(data),)

    def pixel(self, y, x):
        height, width, channels = self.shape
        start = (y * width + x) * channels
        return tuple(self.data[start : start + channels])


def grab_screen(width=800, height=600):
    hwnd = win32gui.GetDesktopWindow()
    wDC = win32gui.GetWindowDC(hwnd)
    dcObj = win32ui.CreateDCFromHandle(wDC)
    cDC = dcObj.CreateCompatibleDC()
    dataBitMap = win32ui.CreateBitmap()
    dataBitMap.CreateCompatibleBitmap(dcObj, width, height)
    cDC.SelectObject(dataBitMap)
    cDC.BitBlt((0, 0), (width, height), dcObj, (0, 50), win32con.SRCCOPY)

    signedIntsArray = dataBitMap.GetBitmapBits(True)
    img = _Image(signedIntsArray)
    assert len(img.data) == height * width * 4
    img.shape = (height, width, 4)

    # Free Resources
    dcObj.DeleteDC()
    cDC.DeleteDC()
    win32gui.ReleaseDC(hwnd, wDC)
    win32gui.DeleteObject(dataBitMap.GetHandle())
    return img


image = grab_screen()
print("bits:", type(image.data).__name__, len(image.data))
print("shape:", image.shape)
print("channels per pixel:", len(image.pixel(599, 799)))
