import pytest

from tests.admin.factories import make_row


@pytest.fixture
def row_of(library, period):
    """Build a row of a model belonging to `library`: row_of(Receipt)."""

    def build(model, n=1, of_library=None):
        return make_row(model, library=of_library or library, period=period, n=n)

    return build
