"""The version of bkn-awards, stated once: the build, the face, snapshot and manifest read it."""

__all__ = ["VERSION"]

#: The version of the library (PEP 440).
VERSION = "0.3.0.dev0"
