"""win32file's names about volumes, streams, links, EFS and device controls.

Placeholder filled below.
"""

from __future__ import annotations

__all__: list[str] = []
