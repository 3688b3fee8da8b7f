"""Flags built from win32con constants, the arithmetic GUI scripts do before any call.

Source: public GitHub GUI helpers (window style masks, MessageBox flag combinations, virtual
key ranges; search "win32con.WS_OVERLAPPEDWINDOW & ~win32con.WS_MAXIMIZEBOX", "MB_YESNO |
MB_ICONQUESTION", "win32con.VK_F1 + "), rewritten with their expressions: styles or'ed and
masked, the caption bits of ``WS_OVERLAPPEDWINDOW``, ``MB_`` combinations, ``VK_`` arithmetic,
``WM_USER + n`` message numbers, signed/unsigned conversions of ``HWND_`` and ``GWL_`` values.
"""

import win32con


def main():
    style = win32con.WS_OVERLAPPEDWINDOW & ~win32con.WS_MAXIMIZEBOX & ~win32con.WS_THICKFRAME
    print("fixed dialog style:", hex(style))
    print("overlapped window:", hex(win32con.WS_OVERLAPPEDWINDOW))
    print("has caption:", bool(style & win32con.WS_CAPTION), hex(win32con.WS_CAPTION))
    print("popup|visible:", hex(win32con.WS_POPUP | win32con.WS_VISIBLE))
    print("popup as signed:", win32con.WS_POPUP)
    print("yes/no question:", win32con.MB_YESNO | win32con.MB_ICONQUESTION)
    print(
        "topmost flags:",
        hex(win32con.MB_SYSTEMMODAL | win32con.MB_SETFOREGROUND | win32con.MB_TOPMOST),
    )
    print("F5 is F1+4:", win32con.VK_F1 + 4 == win32con.VK_F5, win32con.VK_F5)
    print("letters:", [chr(v) for v in range(ord("A"), ord("E"))], win32con.VK_RETURN)
    print("WM_USER+20:", win32con.WM_USER + 20, "WM_APP:", win32con.WM_APP)
    print("HWND_TOPMOST:", win32con.HWND_TOPMOST, "HWND_NOTOPMOST:", win32con.HWND_NOTOPMOST)
    print("GWL_STYLE:", win32con.GWL_STYLE, "GWL_EXSTYLE:", win32con.GWL_EXSTYLE)
    print("ex layered|transparent:", hex(win32con.WS_EX_LAYERED | win32con.WS_EX_TRANSPARENT))
    print("SWP no size/move:", win32con.SWP_NOSIZE | win32con.SWP_NOMOVE)
    print("process all access:", hex(win32con.PROCESS_ALL_ACCESS))
    print("generic read|write:", hex(win32con.GENERIC_READ | win32con.GENERIC_WRITE))
    print("generic read signed?:", win32con.GENERIC_READ < 0)
    print("key all access:", hex(win32con.KEY_ALL_ACCESS))
    print("INFINITE in win32con:", getattr(win32con, "INFINITE", None))
    print("CW_USEDEFAULT:", win32con.CW_USEDEFAULT)
    print("LR flags:", win32con.LR_LOADFROMFILE | win32con.LR_DEFAULTSIZE)
    print("lparam coords:", (300 << 16) | 200, ((300 << 16) | 200) & 0xFFFF)
    print("MAKELONG-ish:", win32con.SC_CLOSE, win32con.SC_MINIMIZE, win32con.SIZE_MINIMIZED)


main()
