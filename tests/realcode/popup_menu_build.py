"""Build a tray-style popup menu: items, a separator, a check mark, a greyed item, a submenu.

Source: public GitHub tray apps and pywin32's own ``win32gui_menu`` demo ("win32gui.
CreatePopupMenu AppendMenu MF_STRING MF_SEPARATOR CheckMenuItem"; ``InsertMenuItem`` with
``win32gui_struct.PackMENUITEMINFO(text=..., wID=...)``, ``GetMenuItemCount``,
``GetMenuState``, ``EnableMenuItem`` with ``MF_GRAYED``, ``GetMenuItemID``, ``DestroyMenu``,
which destroys the submenus too: counting a destroyed menu's items fails with 1401,
ERROR_INVALID_MENU_HANDLE), rewritten with their calls and their order, minus
``TrackPopupMenu``, which waits for a user.
"""

import win32con
import win32gui
import win32gui_struct

ID_OPEN, ID_PAUSE, ID_QUIT, ID_SUB_A, ID_SUB_B = 1023, 1024, 1025, 1100, 1101


def main():
    sub = win32gui.CreatePopupMenu()
    win32gui.AppendMenu(sub, win32con.MF_STRING, ID_SUB_A, "Option A")
    win32gui.AppendMenu(sub, win32con.MF_STRING, ID_SUB_B, "Option B")
    menu = win32gui.CreatePopupMenu()
    win32gui.AppendMenu(menu, win32con.MF_STRING, ID_OPEN, "Open")
    win32gui.AppendMenu(menu, win32con.MF_STRING, ID_PAUSE, "Pause")
    win32gui.AppendMenu(menu, win32con.MF_POPUP, sub, "Options")
    win32gui.AppendMenu(menu, win32con.MF_SEPARATOR, 0, "")
    item, extras = win32gui_struct.PackMENUITEMINFO(text="Quit", wID=ID_QUIT)
    win32gui.InsertMenuItem(menu, 4, 1, item)
    print("count:", win32gui.GetMenuItemCount(menu), "sub count:", win32gui.GetMenuItemCount(sub))
    print("ids:", [win32gui.GetMenuItemID(menu, i) for i in range(win32gui.GetMenuItemCount(menu))])
    print("submenu handle same:", win32gui.GetSubMenu(menu, 2) == sub)
    previous = win32gui.CheckMenuItem(menu, ID_PAUSE, win32con.MF_BYCOMMAND | win32con.MF_CHECKED)
    print("check previous:", previous)
    print(
        "pause checked:",
        bool(win32gui.GetMenuState(menu, ID_PAUSE, win32con.MF_BYCOMMAND) & win32con.MF_CHECKED),
    )
    win32gui.EnableMenuItem(menu, ID_OPEN, win32con.MF_BYCOMMAND | win32con.MF_GRAYED)
    print(
        "open grayed:",
        bool(win32gui.GetMenuState(menu, ID_OPEN, win32con.MF_BYCOMMAND) & win32con.MF_GRAYED),
    )
    print(
        "separator state:",
        win32gui.GetMenuState(menu, 3, win32con.MF_BYPOSITION) & win32con.MF_SEPARATOR,
    )
    print("missing state:", win32gui.GetMenuState(menu, 9999, win32con.MF_BYCOMMAND))
    print(
        "sub option b by command from top:",
        win32gui.GetMenuState(menu, ID_SUB_B, win32con.MF_BYCOMMAND),
    )
    win32gui.DeleteMenu(menu, ID_OPEN, win32con.MF_BYCOMMAND)
    print("count after delete:", win32gui.GetMenuItemCount(menu))
    win32gui.DestroyMenu(menu)
    try:
        win32gui.GetMenuItemCount(sub)
        print("sub destroyed with it: no")
    except win32gui.error as error:
        print("sub destroyed with it:", error.winerror, error.funcname)


main()
