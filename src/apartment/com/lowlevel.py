"""The COM layer's low-level API: what ``apartment.testing`` inspects.

``apartment.com`` is the API for users; this module is where other packages reach below it,
and nothing outside ``apartment.com`` imports its private modules (a test enforces it).
"""

from __future__ import annotations

from ._apartment import initialized_threads as initialized_threads
from ._proxy import live_proxies as live_proxies

__all__ = ["initialized_threads", "live_proxies"]
