"""Characters to virtual keys and scan codes, as "send keys" scripts compute them.

Source: public GitHub and StackOverflow key-sender snippets (``win32api.VkKeyScan('a')``
whose low byte is the key and high byte the shift state, ``win32api.MapVirtualKey(vk, 0)``
for the scan code passed to ``keybd_event``, ``MapVirtualKey(scan, 1)`` back, the
``win32con.VK_*`` constants), rewritten with those calls. The answers are those of the US
keyboard layout, the one the tested machines have.
"""

import win32api
import win32con

MAPVK_VK_TO_VSC, MAPVK_VSC_TO_VK, MAPVK_VK_TO_CHAR = 0, 1, 2


def main():
    for ch in ("a", "A", "1", "!", " ", "\r"):
        code = win32api.VkKeyScan(ch)
        print(repr(ch), "vk:", hex(code & 0xFF), "shift state:", code >> 8)
    for name in ("VK_RETURN", "VK_SPACE", "VK_ESCAPE", "VK_TAB", "VK_BACK", "VK_SHIFT"):
        vk = getattr(win32con, name)
        scan = win32api.MapVirtualKey(vk, MAPVK_VK_TO_VSC)
        print(
            name,
            hex(vk),
            "scan:",
            hex(scan),
            "back:",
            hex(win32api.MapVirtualKey(scan, MAPVK_VSC_TO_VK)),
        )
    print("char of 'A' key:", chr(win32api.MapVirtualKey(ord("A"), MAPVK_VK_TO_CHAR)))


main()
