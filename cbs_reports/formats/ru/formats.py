"""Russian formats that differ from Django's own (everything else comes from Django).

A day with its month takes the genitive: «15 марта», as the admin's date drill-down
and any "j E" date should read, not Django's «15 Март».
"""

MONTH_DAY_FORMAT = "j E"
