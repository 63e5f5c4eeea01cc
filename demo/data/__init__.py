"""The seed report's rows for the first half of 2021, transcribed from its text.

One module per area; each holds plain tuples and dicts so that the loader
(`demo/half_year.py`) and the tests read the same data. Texts are copied from
/work/shared/seed/000_88da2b7c4ce5f8b1.txt as written there.
"""
