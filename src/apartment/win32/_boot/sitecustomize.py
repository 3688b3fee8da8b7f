"""The facade's start-up hook in a Python child: pywin32's names, and the inherited handles.

``win32process.CreateProcess`` puts this directory first on the ``PYTHONPATH`` of a Python
child, as Windows would give it pywin32 if it were installed: ``import win32event`` works in
it (unless the real pywin32 is importable), and the handles it inherits are in its table at
the values they had in the parent. Then the ``sitecustomize`` this one hides runs. Nothing
here may stop the child from starting: a failure is reported on stderr.
"""

from __future__ import annotations

import sys

try:
    from apartment.kernel import inherit_from_parent
    from apartment.kernel.lowlevel import record_sys_exit
    from apartment.win32 import install

    install(runtime=True)
    inherit_from_parent()
    record_sys_exit()  # sys.exit(1000) ends it with 1000, as on Windows, not 1000 & 0xFF
except Exception as failure:  # the child runs on, whatever happens here
    print(f"apartment: the facade or the inherited handles are lost: {failure}", file=sys.stderr)
finally:
    from apartment.kernel.lowlevel import run_next_sitecustomize

    run_next_sitecustomize(__file__)
