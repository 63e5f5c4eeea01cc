"""Python's cycle collector paused while a report is built or written.

A large ЦБС's report makes hundreds of thousands of small objects: an event's model,
its phrases, XlsxWriter's cells, python-docx's XML elements. They form no reference
cycles worth collecting while the report is made, yet their number starts full
collections that walk every object of the process (Django's apps and the report's
data included): a fifth of a 20,000-event report's time. Reference counting still
frees everything as usual; the collector runs again once the report is made.

On again, its first collection would walk every object the block made that is still
alive (the report and its cells, still held by the caller): a tenth of a second for
20,000 events, to learn that none is garbage. Those objects are moved to the oldest
generation instead, as if they had survived that collection, with `gc.freeze()` and
`gc.unfreeze()` (which puts the frozen objects "back into the oldest generation"); a
process that froze objects of its own (a server's preload before forking) is left
frozen, and pays that collection.
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
            if gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()
