"""A server collection walked by hand through IEnumVARIANT: Next, Skip, Reset, Clone.

Source: pywin32's win32com/server/util.py (``Collection``, ``NewCollection``,
``ListEnumerator``) as used by public GitHub servers, and the client answers that reach the
enumerator behind ``_NewEnum`` directly (search "DISPID_NEWENUM" "IID_IEnumVARIANT" "Next("):
a ``Collection`` subclass with one more public method, wrapped and driven through
``Dispatch``: ``Count``, ``Item``, ``Add``, ``Insert``, ``Remove``; then ``Invoke`` of
DISPID_NEWENUM, ``QueryInterface(IID_IEnumVARIANT)``, ``Next(2)``, ``Skip``, ``Clone``,
``Reset``, ``Next`` past the end (a short tuple), and the bad index of ``Item``.
"""

import pythoncom
import win32com.client
import win32com.server.util


class Playlist(win32com.server.util.Collection):  # type: ignore[misc]
    _public_methods_ = [*win32com.server.util.Collection._public_methods_, "Titles"]

    def Titles(self):
        return ", ".join(str(item) for item in self.data)


def main():
    playlist = win32com.client.Dispatch(
        win32com.server.util.wrap(Playlist(["Intro", "Verse", "Chorus"]))
    )
    print("count:", playlist.Count())
    print("item 1:", playlist.Item(1))
    playlist.Add("Bridge")
    playlist.Insert(0, "Count-in")
    playlist.Remove(2)
    print("titles:", playlist.Titles())
    enum = playlist._oleobj_.Invoke(
        pythoncom.DISPID_NEWENUM,
        0,
        pythoncom.DISPATCH_METHOD | pythoncom.DISPATCH_PROPERTYGET,
        True,
    )
    enum = enum.QueryInterface(pythoncom.IID_IEnumVARIANT)
    print("next 2:", enum.Next(2))
    enum.Skip(1)
    copy = enum.Clone()
    print("next after skip:", enum.Next(1))
    print("clone next:", copy.Next(5))
    enum.Reset()
    print("after reset:", enum.Next(10))
    print("at end:", enum.Next(1))
    print("for loop:", [title for title in playlist])
    try:
        playlist.Item(10)
    except pythoncom.com_error as error:
        print("bad index:", error.hresult)
    coll = win32com.client.Dispatch(win32com.server.util.NewCollection([3, 1, 2]))
    print("new collection:", coll.Count(), [x for x in coll])


if __name__ == "__main__":
    main()
