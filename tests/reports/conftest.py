import pytest

from tests.reports.seed_data import seed_load


@pytest.fixture
def seeded(organization, library, other_library):
    """The seed's first half of 2021, loaded as rows: returns the period."""
    return seed_load(organization, library, other_library)
