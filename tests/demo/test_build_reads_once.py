"""Building the demo's half-year report reads the span's figures once and the same
half-year a year before once (for the checks that compare), whatever prints them: the
sections, the checks' notes and the hand-in's notes all read the same figures."""

from unittest import mock

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

import figures.reader

# The demo's 2021-H1 DOCX: the report's 37 reads, the checks' thresholds, last year's
# periods and figures (16), the opening balances' continuity and the online parts, the
# explanations, the report and its narrative. It was 82 while the checks read the span
# again, twice. +2: the figures the kinds declare, one UNION for each span read.
BUILD_QUERIES = 66


def test_the_half_year_report_reads_each_span_once(demo, tmp_path):
    spans = []
    real = figures.reader.fund_movement

    def spy(**kwargs):  # every figures_read asks the fund ledger of its span once
        spans.append((kwargs["start"], kwargs["end"]))
        return real(**kwargs)

    with mock.patch.object(figures.reader, "fund_movement", side_effect=spy):
        with CaptureQueriesContext(connection) as queries:
            call_command(
                "build_report", "--period", "2021-H1", "--format", "docx",
                "--output", str(tmp_path / "r.docx"),
            )  # fmt: skip
    assert [(start.isoformat(), end.isoformat()) for start, end in spans] == [
        ("2021-01-01", "2021-06-30"),
        ("2020-01-01", "2020-06-30"),
    ]
    assert len(queries) == BUILD_QUERIES


def test_the_year_report_reads_the_year_once_and_no_year_before(demo, tmp_path):
    spans = []
    real = figures.reader.fund_movement

    def spy(**kwargs):
        spans.append((kwargs["start"].isoformat(), kwargs["end"].isoformat()))
        return real(**kwargs)

    with mock.patch.object(figures.reader, "fund_movement", side_effect=spy):
        call_command(
            "build_report", "--period", "2021", "--format", "xlsx",
            "--output", str(tmp_path / "r.xlsx"),
        )  # fmt: skip
    assert spans == [("2021-01-01", "2021-12-31")]
