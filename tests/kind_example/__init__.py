"""An example kind of data, added the way the README's «Adding a kind of data» says.

Installed only by `tests.kind_example.settings`: `tests/test_kind_example.py`
runs this folder's tests in a fresh database with it, so the main suite's
tables and sheets stay as the project ships them.
"""
