"""The report's vocabulary: the data classes a report is made of (section, table, row,
header cell, paragraph, note), the sections' codes and titles in the seed's order, and the
number/text helpers. It imports nothing of the project, so every app that contributes to
a report (and the report itself) may import it."""
