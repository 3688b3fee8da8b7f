"""Out-parameters that are arrays: a GetBoundingBox-style method filling VT_BYREF|VT_ARRAY VARIANTs.

Source: the AutoCAD automation questions about ``GetBoundingBox(MinPoint, MaxPoint)`` from
Python (``min_pt = VARIANT(pythoncom.VT_BYREF | pythoncom.VT_ARRAY | pythoncom.VT_R8, [0, 0,
0])``, the call, then ``min_pt.value``), rewritten against a Python COM server of its own in
place of the drawing entity: the server's method returns a tuple whose first item is the
result and whose others fill the by-reference arguments in order, as pywin32's policy does;
the client reads ``.value`` of each VARIANT, including a by-reference string and integer,
a VT_BYREF|VT_VARIANT holder, and what a plain (not by-reference) argument keeps.
"""

import pythoncom
import win32com.client
import win32com.server.util
from win32com.client import VARIANT


class Entity:
    _public_methods_ = ["GetBoundingBox", "Describe", "Scale"]

    def __init__(self, points):
        self.points = points

    def GetBoundingBox(self, min_point, max_point):
        xs, ys, zs = zip(*self.points, strict=True)
        return None, (min(xs), min(ys), min(zs)), (max(xs), max(ys), max(zs))

    def Describe(self, name, count):
        return True, "polyline " + str(name), len(self.points) + count

    def Scale(self, factor, holder):
        scaled = [tuple(c * factor for c in point) for point in self.points]
        return len(scaled), scaled[0]


def main():
    entity = win32com.client.Dispatch(
        win32com.server.util.wrap(Entity([(1.0, 2.0, 0.0), (4.5, -1.0, 2.0), (3.0, 7.25, 1.0)]))
    )
    min_pt = VARIANT(pythoncom.VT_BYREF | pythoncom.VT_ARRAY | pythoncom.VT_R8, [0, 0, 0])
    max_pt = VARIANT(pythoncom.VT_BYREF | pythoncom.VT_ARRAY | pythoncom.VT_R8, [0, 0, 0])
    result = entity.GetBoundingBox(min_pt, max_pt)
    print("result:", result)
    print("min:", min_pt.value)
    print("max:", max_pt.value)
    print("types:", type(min_pt.value).__name__, type(min_pt.value[0]).__name__)
    name = VARIANT(pythoncom.VT_BYREF | pythoncom.VT_BSTR, "A1")
    count = VARIANT(pythoncom.VT_BYREF | pythoncom.VT_I4, 10)
    print("describe:", entity.Describe(name, count))
    print("name:", name.value, "count:", count.value)
    holder = VARIANT(pythoncom.VT_BYREF | pythoncom.VT_VARIANT, None)
    print("scale:", entity.Scale(2, holder))
    print("holder:", holder.value)
    plain = VARIANT(pythoncom.VT_ARRAY | pythoncom.VT_R8, [9, 9, 9])
    other = VARIANT(pythoncom.VT_ARRAY | pythoncom.VT_R8, [8, 8, 8])
    print("plain args:", entity.GetBoundingBox(plain, other))
    print("plain kept:", plain.value, other.value)
    print("done")


if __name__ == "__main__":
    main()
