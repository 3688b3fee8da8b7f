"""A registered server's running instance published in the ROT, found by ProgID, then revoked.

Source: the "attach to the running instance" pattern of pywin32 servers (search
"RegisterActiveObject" "ACTIVEOBJECT_WEAK" "GetActiveObject" "RevokeActiveObject"
win32com): a class registered with ``UseCommandLine``, an instance wrapped and registered
with ``pythoncom.RegisterActiveObject(ob, clsid, ACTIVEOBJECT_STRONG)``, reached with
``win32com.client.GetActiveObject(progid)``, ``GetObject(Class=progid)`` and
``pythoncom.GetActiveObject(clsid)`` (an IUnknown, QueryInterface'd for IDispatch), all of
them seeing the same state, and so does ``Dispatch(progid)`` (pywin32 tries
``pythoncom.connect``, the ROT, before creating); a second instance registered weakly under
the same CLSID: the ROT registers it and answers with a success code,
MK_S_MONIKERALREADYREGISTERED, which pywin32 raises as com_error (the cookie is lost); once
the first is revoked, the second is the one found.
"""

import sys

import pythoncom
import pywintypes
import win32com.client
import win32com.server.register
import win32com.server.util


class Scoreboard:
    _reg_clsid_ = "{3D6B9C4A-8E21-4F7A-A0C3-5B1E2D9F6A70}"
    _reg_progid_ = "RealcomDemo.Scoreboard"
    _public_methods_ = ["Score", "Name"]
    _public_attrs_ = ["points"]

    def __init__(self, name="main"):
        self.points = 0
        self.name = name

    def Score(self, n):
        self.points += n
        return self.points

    def Name(self):
        return self.name


def main():
    win32com.server.register.UseCommandLine(Scoreboard)
    clsid = pywintypes.IID(Scoreboard._reg_clsid_)
    board = Scoreboard()
    ob = win32com.server.util.wrap(board)
    handle = pythoncom.RegisterActiveObject(ob, clsid, pythoncom.ACTIVEOBJECT_STRONG)
    print("registered:", type(handle).__name__)
    first = win32com.client.GetActiveObject("RealcomDemo.Scoreboard")
    first.Score(5)
    second = win32com.client.GetObject(Class="RealcomDemo.Scoreboard")
    second.Score(7)
    unk = pythoncom.GetActiveObject(clsid)
    third = win32com.client.Dispatch(unk.QueryInterface(pythoncom.IID_IDispatch))
    print("points:", first.points, second.points, third.points, board.points)
    print("names:", first.Name(), third.Name())
    fresh = win32com.client.Dispatch("RealcomDemo.Scoreboard")
    print("Dispatch finds the running one:", fresh.points)
    weak = win32com.server.util.wrap(Scoreboard("weak"))
    try:
        pythoncom.RegisterActiveObject(weak, clsid, pythoncom.ACTIVEOBJECT_WEAK)
    except pythoncom.com_error as error:
        print("second registration:", error.hresult)  # MK_S_MONIKERALREADYREGISTERED
    pythoncom.RevokeActiveObject(handle)
    # the second registration took place (a success code): it is what runs now
    print("after revoke:", win32com.client.GetActiveObject("RealcomDemo.Scoreboard").Name())
    first = second = third = unk = fresh = ob = weak = None
    sys.argv.append("--unregister")
    win32com.server.register.UseCommandLine(Scoreboard)


if __name__ == "__main__":
    main()
