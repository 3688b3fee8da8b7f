"""The COM classes the out-of-process benchmarks activate in local servers (bench/remote.py)."""

from __future__ import annotations


class RemoteCalc:
    """Lives in its server's main STA (pywin32's default threading model, "both")."""

    _reg_clsid_ = "{7E2C1C55-8B1A-4E46-9C6B-7A0D3B1E5001}"
    _reg_progid_ = "ApartmentBench.RemoteCalc"
    _reg_clsctx_ = 4  # CLSCTX_LOCAL_SERVER
    _public_methods_ = ("add_one",)

    def add_one(self, value: int) -> int:
        return value + 1


class FreeRemoteCalc(RemoteCalc):
    """Lives in its server's MTA: calls run on the connection's own threads."""

    _reg_clsid_ = "{7E2C1C55-8B1A-4E46-9C6B-7A0D3B1E5002}"
    _reg_progid_ = "ApartmentBench.FreeRemoteCalc"
    _reg_threading_ = "free"
