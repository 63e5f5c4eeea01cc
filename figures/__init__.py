"""One reader of figures: every figure of a span per library, for the report, the
dashboard and the checks alike (`figures.reader`), and the checks' registry and runner
(`figures.checks`). It sits above the domain apps, whose selectors it reads, and below
handin, reports and dashboard, which read it."""
