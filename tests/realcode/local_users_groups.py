"""Local accounts listed with win32net: users, local groups and their members.

Source: public GitHub admin scripts (search "win32net.NetUserEnum(None, 0, resume)
NetLocalGroupEnum NetLocalGroupGetMembers"), rewritten with their calls and their order: the
resume-handle loop of ``NetUserEnum(None, 0, FILTER_NORMAL_ACCOUNT, resume)``,
``NetUserGetInfo(None, GetUserName(), 1)``, ``NetLocalGroupEnum(None, level, resume)``,
``NetLocalGroupGetMembers(None, group, 1, resume)`` for each group, and the errors of a
missing user and a missing group. Only shapes are printed: the accounts are the machine's.

Wine differs: its NetLocalGroupGetMembers crashes on a missing group (a page fault);
Windows answers ERROR_NO_SUCH_ALIAS (1376), as we do.
"""

import pywintypes
import win32api
import win32net
import win32netcon


def all_items(fn, *args):
    resume = 0
    items = []
    while True:
        data, total, resume = fn(*args, resume)
        items.extend(data)
        if not resume:
            return items, total


def main():
    me = win32api.GetUserName()
    users, total = all_items(win32net.NetUserEnum, None, 0, win32netcon.FILTER_NORMAL_ACCOUNT)
    names = [u["name"] for u in users]
    print("level 0 keys:", sorted(users[0]))
    print("total matches length:", total == len(users))
    print("current user listed:", me in names)
    info = win32net.NetUserGetInfo(None, me, 1)
    print("level 1 keys:", sorted(info))
    print("info name is me:", info["name"] == me, "priv is int:", isinstance(info["priv"], int))
    groups, _ = all_items(win32net.NetLocalGroupEnum, None, 0)
    print("groups are dicts of names:", all(sorted(g) == ["name"] for g in groups))
    groups1, _ = all_items(win32net.NetLocalGroupEnum, None, 1)
    print("level 1 group keys:", all(sorted(g) == ["comment", "name"] for g in groups1))
    for g in groups:
        members, _ = all_items(win32net.NetLocalGroupGetMembers, None, g["name"], 1)
        for m in members:
            assert sorted(m) == ["name", "sid", "sidusage"], m
    print("members checked")
    try:
        win32net.NetUserGetInfo(None, "no-such-user-xyz", 1)
    except pywintypes.error as exc:
        print("missing user:", exc.winerror, exc.funcname)
    try:
        all_items(win32net.NetLocalGroupGetMembers, None, "no-such-group-xyz", 1)
    except pywintypes.error as exc:
        print("missing group:", exc.winerror, exc.funcname)


main()
