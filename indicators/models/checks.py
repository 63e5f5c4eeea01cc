"""Constraints the indicators' models share."""

from django.db import models


def parts_within(name: str, total: str, *parts: str, message) -> models.CheckConstraint:
    """`parts` together are at most `total`: a database check, so no door skips it."""
    summed = models.F(parts[0])
    for part in parts[1:]:
        summed = summed + models.F(part)
    return models.CheckConstraint(
        condition=models.Q(**{f"{total}__gte": summed}),
        name=name,
        violation_error_message=message,
    )
