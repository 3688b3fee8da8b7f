"""Benchmarks of apartment against the peers a user would pick instead; see bench/README.md."""
