"""Security events as one JSON object a line on stdout, for the log collector.

`event("login_failed", user="ivan", ip="10.0.0.1")` writes
{"time": "...", "event": "login_failed", "user": "ivan", "ip": "10.0.0.1"}.
Logged: sign-ins and failures, sign-outs, lockouts, refused requests (403),
imports with their counts or refusals, report approvals and other status changes.
"""

import json
import logging

from django.utils import timezone

logger = logging.getLogger("cbs_reports.security")


def event(name: str, **fields) -> None:
    logger.info(name, extra={"security": {"event": name, **fields}})


class JsonLineFormatter(logging.Formatter):
    def format(self, record):
        data = {"time": timezone.now().isoformat(timespec="seconds"), "level": record.levelname}
        data.update(getattr(record, "security", None) or {"event": record.getMessage()})
        return json.dumps(data, ensure_ascii=False, default=str)


def client_ip(request) -> str:
    return (request.META.get("REMOTE_ADDR") or "") if request is not None else ""


# Receivers, connected in BranchesConfig.ready().


def on_login(sender, request, user, **kwargs):
    event("login", user=user.get_username(), ip=client_ip(request))


def on_login_failed(sender, credentials, request=None, **kwargs):
    event("login_failed", user=credentials.get("username", ""), ip=client_ip(request))


def on_logout(sender, request, user, **kwargs):
    event("logout", user=user.get_username() if user else "", ip=client_ip(request))


def on_locked_out(sender, request, username, ip_address, **kwargs):
    event("lockout", user=username or "", ip=ip_address or "")


class RefusalLogMiddleware:
    """Every refused request (403) is a line: who asked for what."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 403:
            user = getattr(request, "user", None)
            event(
                "refused",
                user=user.get_username() if user is not None and user.is_authenticated else "",
                ip=client_ip(request),
                method=request.method,
                path=request.path,
            )
        return response
