"""CLI tests share the `app` and `run` fixtures of tests/conftest.py."""
