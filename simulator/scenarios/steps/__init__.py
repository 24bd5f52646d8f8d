"""pytest-bdd step definitions in Bahasa Indonesia, shared by every scenario of the catalog.

Each module of this package is one area (files, certificates, ADP, opening, ...); the pytest
plugin registers them all, so a trainer writes new scenarios from existing steps without Python.
"""
