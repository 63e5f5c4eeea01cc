"""Security headers Django does not send itself: Permissions-Policy.

(The Content-Security-Policy comes from django-csp, see settings.)
"""

from django.conf import settings


class PermissionsPolicyMiddleware:
    """Every response says the pages use no camera, microphone, location, payment..."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.value = ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.value)
        return response
