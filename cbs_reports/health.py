"""/health/ for the process manager: the database, the cache and the file storage
answer, or the page says which does not (status 500). Plain text unless asked
for JSON; no login, no data, no redirect to HTTPS (see SECURE_REDIRECT_EXEMPT)."""

from health_check.views import HealthCheckView


class HealthView(HealthCheckView):
    checks = (
        "health_check.checks.Database",
        "health_check.checks.Cache",
        "health_check.checks.Storage",
    )

    async def get(self, request, *args, **kwargs):
        if "format" not in request.GET and "json" not in request.headers.get("accept", ""):
            request.GET = request.GET.copy()
            request.GET["format"] = "text"
        return await super().get(request, *args, **kwargs)
