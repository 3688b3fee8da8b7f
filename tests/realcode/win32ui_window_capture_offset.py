"""Capture part of one window, scaled for a 125% display, to screenshot1.bmp.

Source: public GitHub file bpzj/small-tools ``python-script/trade/util.py`` (``cap_img``),
kept with its calls and their order: ``GetWindowRect``, the size divided by 1.25,
``GetWindowDC``, ``win32ui.CreateDCFromHandle``, ``CreateCompatibleDC``, ``CreateBitmap``,
``CreateCompatibleBitmap``, ``SelectObject``, ``BitBlt`` from (125, 125), ``SaveBitmapFile``,
then ``DeleteObject(GetHandle())``, both ``DeleteDC`` and ``ReleaseDC``. The window was a
handle written into the file; a window of 250 x 125 made here stands in for it. Added: the
printing of the bitmap's GetInfo, of ReleaseDC's answer (0: DeleteDC took the context
already) and of what the file holds.

Expected output: pywin32's win32ui cannot load under Wine (no MFC), so the lines are what
pywin32 prints on Windows.
"""

import os

import win32con
import win32gui
import win32ui


def target_window():
    wc = win32gui.WNDCLASS()
    wc.lpszClassName = "TradeWindowStandIn"
    wc.lpfnWndProc = win32gui.DefWindowProc
    win32gui.RegisterClass(wc)
    return win32gui.CreateWindow(
        "TradeWindowStandIn", "trade", win32con.WS_POPUP, 0, 0, 250, 125, 0, 0, 0, None
    )


def cap_img(handle=None):
    hwnd = handle
    left, top, right, bot = win32gui.GetWindowRect(hwnd)
    w = int((right - left) / 1.25)
    h = int((bot - top) / 1.25)

    hwndDC = win32gui.GetWindowDC(hwnd)

    mfcDC = win32ui.CreateDCFromHandle(hwndDC)

    saveDC = mfcDC.CreateCompatibleDC()

    saveBitMap = win32ui.CreateBitmap()
    saveBitMap.CreateCompatibleBitmap(mfcDC, w, h)
    saveDC.SelectObject(saveBitMap)

    img_dc = mfcDC
    mem_dc = saveDC
    mem_dc.BitBlt((0, 0), (w, h), img_dc, (125, 125), win32con.SRCCOPY)

    saveBitMap.SaveBitmapFile(mem_dc, "screenshot1.bmp")
    print(sorted(saveBitMap.GetInfo().items()))
    win32gui.DeleteObject(saveBitMap.GetHandle())
    saveDC.DeleteDC()
    mfcDC.DeleteDC()
    print("ReleaseDC:", win32gui.ReleaseDC(hwnd, hwndDC))


if __name__ == "__main__":
    window = target_window()
    cap_img(window)
    print("screenshot1.bmp:", os.path.getsize("screenshot1.bmp"), "bytes")
    win32gui.DestroyWindow(window)
