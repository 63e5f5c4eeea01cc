"""Python's cycle collector paused while a report is built or written.

A large ЦБС's report makes hundreds of thousands of small objects: an event's model,
its phrases, XlsxWriter's cells, python-docx's XML elements. They form no reference
cycles worth collecting while the report is made, yet their number starts full
collections that walk every object of the process (Django's apps and the report's
data included): a fifth of a 20,000-event report's time. Reference counting still
frees everything as usual; the collector runs again once the report is made.
"""

import contextlib
import gc


@contextlib.contextmanager
def cycle_collection_paused():
    """Pause the cycle collector for the block, and leave it as it was (a nested
    pause, or a caller that had it off, is not switched on)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
