"""The online figures' check (the registry: `branches.checks`), registered from
EventsConfig.ready()."""

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from branches.checks import ERROR, Check, register_check
from events.models import OnlineFigures
from events.selectors import ONLINE_WORK_EVENTS_LABEL

ONLINE_FIGURES = ("online_events", "subscribers", "views", "posts")
ONLINE_LABELS = {
    "online_events": ONLINE_WORK_EVENTS_LABEL,
    "subscribers": _("Подписчики"),
    "views": _("Просмотры"),
    "posts": _("Публикации в соцсетях"),
}


def _parts_above_total(check, ctx):
    """A platform's rows add up to more than the library's all-platforms row."""
    whole = Q(platform__isnull=True)
    rows = (
        OnlineFigures.objects.filter(
            library__in=[lib.pk for lib in ctx.libraries], period__in=ctx.span.period_ids
        )
        .values("library")
        .annotate(
            has_whole=Count("pk", filter=whole),
            **{f"w_{f}": Sum(f, filter=whole) for f in ONLINE_FIGURES},
            **{f"p_{f}": Sum(f, filter=~whole) for f in ONLINE_FIGURES},
        )
        .order_by()
    )
    by_pk = {lib.pk: lib for lib in ctx.libraries}
    for row in rows:
        if not row["has_whole"]:
            continue
        for name in ONLINE_FIGURES:
            parts, total = row[f"p_{name}"] or 0, row[f"w_{name}"] or 0
            if parts > total:
                yield check.result(
                    by_pk[row["library"]],
                    name,
                    _(
                        "%(library)s: «%(figure)s» по платформам в сумме – %(parts)s, это больше, "
                        "чем в итоговой строке «все платформы» (%(total)s)."
                    ),
                    figure=ONLINE_LABELS[name],
                    parts=parts,
                    total=total,
                )


def register() -> None:
    register_check(
        Check(
            "parts_above_total",
            ERROR,
            _("Часть не больше целого"),
            _parts_above_total,
            rows=("online",),
        )
    )
