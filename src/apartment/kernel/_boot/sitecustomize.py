"""The kernel's start-up hook in a Python child: take the handles it inherits.

``apartment.kernel`` puts this directory first on the ``PYTHONPATH`` of a Python child that
inherits handles (``_spawn``). The child claims the process slot its parent reserved and
finds the handles at the values they had in the parent; then the ``sitecustomize`` this one
hides runs. Nothing here may stop the child from starting: a failure is reported on stderr.
"""

from __future__ import annotations

import sys

try:
    from apartment.kernel import inherit_from_parent

    inherit_from_parent()
except Exception as failure:  # the child runs on, whatever happens here
    print(f"apartment: the inherited handles are lost: {failure}", file=sys.stderr)
finally:
    from apartment.kernel.lowlevel import run_next_sitecustomize

    run_next_sitecustomize(__file__)
