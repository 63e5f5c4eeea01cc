"""The main indicators: the daily work log, the plans and the library network."""

from indicators.models.network import LibraryState, StaffState
from indicators.models.plans import IndicatorPlan
from indicators.models.worklog import WorkLogEntry

__all__ = ["IndicatorPlan", "LibraryState", "StaffState", "WorkLogEntry"]
