"""`make bench`'s import benchmark still runs (on a few rows; `make test` never runs it whole)."""

from bench import bench_import


def test_the_import_benchmark_runs_and_prints_its_figures(db, monkeypatch, capsys):
    monkeypatch.setattr(bench_import, "ROWS", 300)
    bench_import.run()
    out = capsys.readouterr().out
    assert "bare bulk_create" in out
    assert "ratio:" in out


def test_a_goal_line_says_ok_or_not_reached():
    from bench.goals import goal_line

    assert goal_line("DOCX", 1.2, 1.3).endswith("ok")
    assert goal_line("p95", 140.0, 100, unit=" ms").endswith("не достигнуто")
