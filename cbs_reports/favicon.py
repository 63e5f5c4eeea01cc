"""/favicon.ico: browsers ask for it on every page whatever the HTML links to."""

from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static


def favicon(request):
    # Resolved per request: the manifest storage names the file only after
    # collectstatic, so the URL cannot be fixed when the URLconf is imported.
    return HttpResponsePermanentRedirect(static("cbs/favicon.svg"))
