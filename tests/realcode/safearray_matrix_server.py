"""A Python COM server that takes and returns matrices: SAFEARRAYs of VARIANTs, 1-D and 2-D.

Source: StackOverflow questions on passing arrays between Python COM servers and VBA/Excel
("win32com server return 2D array", "SAFEARRAY of VARIANT pywin32 tuple of tuples"), and
the server of their answers: a wrapped ``_public_methods_`` object whose ``Transpose`` takes a
2-D array (which arrives as a tuple of tuples), ``Identity(n)`` returns a list of lists,
``Sum`` adds a 1-D array, ``Bytes`` returns a ``VT_ARRAY | VT_UI1`` buffer; the client gets
tuples back, passes ``VARIANT(VT_ARRAY | VT_R8, ...)`` and ``VT_ARRAY | VT_VARIANT``, and an
empty list.
"""

import pythoncom
import win32com.client
import win32com.server.util
from win32com.client import VARIANT


class Matrix:
    _public_methods_ = ["Transpose", "Identity", "Sum", "Shape", "Bytes", "Mixed"]

    def Transpose(self, rows):
        return [list(column) for column in zip(*rows, strict=True)]

    def Identity(self, n):
        return [[1 if i == j else 0 for j in range(n)] for i in range(n)]

    def Sum(self, values):
        return sum(values)

    def Shape(self, value):
        if not isinstance(value, (tuple, list)):
            return type(value).__name__
        if value and isinstance(value[0], (tuple, list)):
            return f"{type(value).__name__} {len(value)}x{len(value[0])}"
        return f"{type(value).__name__} {len(value)}"

    def Bytes(self, n):
        return bytes(range(n))

    def Mixed(self):
        return [1, "two", 3.5, None, True, [4, 5]]


def main():
    ob = win32com.client.Dispatch(win32com.server.util.wrap(Matrix()))
    grid = ((1, 2, 3), (4, 5, 6))
    print("shape in:", ob.Shape(grid))
    print("transposed:", ob.Transpose(grid))
    print("identity:", ob.Identity(3))
    print("sum list:", ob.Sum([1, 2, 3, 4]))
    print("sum r8:", ob.Sum(VARIANT(pythoncom.VT_ARRAY | pythoncom.VT_R8, [0.5, 0.25, 0.25])))
    print("sum variants:", ob.Sum(VARIANT(pythoncom.VT_ARRAY | pythoncom.VT_VARIANT, [1, 2.5])))
    print(
        "shape r8:",
        ob.Shape(
            VARIANT(pythoncom.VT_ARRAY | pythoncom.VT_R8, [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
        ),
    )
    print("shape empty:", ob.Shape([]))
    data = ob.Bytes(5)
    print("bytes:", type(data).__name__, list(data))
    print("mixed:", ob.Mixed())
    print("nested:", ob.Transpose([[1, "a"], [2, "b"], [3, "c"]]))


if __name__ == "__main__":
    main()
