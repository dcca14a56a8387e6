"""Plain-Python domain core: no Qt, no I/O beyond what a caller passes in."""
