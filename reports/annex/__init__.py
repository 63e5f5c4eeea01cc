"""The statistical annex: a form's layout declared in a data file (reports/annex_layouts/,
`layout`), filled with the figures of `figures.codes` for a ЦБС (`build`) and rendered by
the report's own DOCX and XLSX renderers."""
