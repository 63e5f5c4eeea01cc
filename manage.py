#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cbs_reports.settings")
    # A command typed on a developer's machine with no SECRET_KEY in the
    # environment is local development: DEBUG on (settings then use a throwaway
    # key). Production sets SECRET_KEY, and gunicorn (wsgi.py) never passes here,
    # so a server without a key still refuses to start.
    if "SECRET_KEY" not in os.environ:
        os.environ.setdefault("DEBUG", "true")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
