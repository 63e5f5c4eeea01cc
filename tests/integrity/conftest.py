# The seed's first half of 2021 as rows, and a second half continuing it.
from tests.reports.conftest import second_half, seeded  # noqa: F401
