"""The consolidated report's download: a region's staff (its methodologist and its
management) get their own region's DOCX or XLSX; anyone else (another region's staff,
a ЦБС's staff, a librarian) a 404, as if the region did not exist. The republic's
is the superuser's."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.utils.http import content_disposition_header

from branches.calendar import SpanError
from branches.models import Region, Republic
from branches.scoping import staff_profile
from reports.region_report import region_report_build
from reports.renderers import RENDERERS

LANGUAGES = ("ru", "kk")


def _scope_for(user, code: str):
    """The region (or, for the superuser, the republic) of `code` the user may read."""
    if user.is_superuser:
        scope = Region.objects.filter(code=code).first()
        return scope or Republic.objects.filter(code=code).first()
    profile = staff_profile(user)
    if profile is None or profile.region_id is None:
        return None
    return Region.objects.filter(code=code, pk=profile.region_id).first()


@login_required
def region_report_download(request, code: str, span: str, output_format: str):
    scope = _scope_for(request.user, code)
    language = request.GET.get("language", "ru")
    if scope is None or output_format not in RENDERERS or language not in LANGUAGES:
        raise Http404
    try:
        data = region_report_build(scope=scope, code=span, language=language)
    except SpanError as error:
        raise Http404 from error
    render, content_type = RENDERERS[output_format]
    response = HttpResponse(render(data), content_type=content_type)
    name = f"{scope.code}-{data.span_code}-{language}.{output_format}"
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response
