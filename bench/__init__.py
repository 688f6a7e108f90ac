"""Benchmarks of the portal, reporting figures (not pass/fail): `python -m bench`."""
