"""Harnesses that start real system parts (a desktop session) for integration tests."""
