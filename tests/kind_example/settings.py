"""The test settings plus the example kind's app (see this package's docstring)."""

from cbs_reports.test_settings import *  # noqa: F403
from cbs_reports.test_settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "tests.kind_example"]
