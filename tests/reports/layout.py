"""Where the seed's own tables are in a rendered report.

Sections I and II (the main indicators) print nine tables before section III's
fund table, and section IV its tables right after it; the seed's tables follow
in their order.
"""

MAIN_INDICATOR_TABLES = 9  # I: libraries, premises, staff; II: 3 plans, ratios, 2 of parts


def fund_table(tables: list):
    """Section III's fund table, the seed's first."""
    return tables[MAIN_INDICATOR_TABLES]


def seed_tables(tables: list, data) -> list:
    """`tables` of the rendered `data` (a ReportData) without those of sections I, II, IV."""
    before = len(data.section("network").tables()) + len(data.section("control").tables())
    assert before == MAIN_INDICATOR_TABLES
    after = before + 1 + len(data.section("mass_work").tables())
    return [tables[before], *tables[after:]]
