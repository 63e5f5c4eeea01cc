"""An admin import in the background: one row per uploaded file, from its check to its save.

The page of a job (its URL has the job's id) shows what the worker has done so far and
survives a reload; only the user who uploaded the file sees it.
"""

import uuid
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportJob(models.Model):
    class State(models.TextChoices):
        CHECKING = "checking", _("проверяется")
        READY = "ready", _("проверен, ждёт подтверждения")
        REFUSED = "refused", _("в файле ошибки")
        SAVING = "saving", _("сохраняется")
        SAVED = "saved", _("загружен")
        SAVE_REFUSED = "save_refused", _("не сохранён: данные изменились")
        CANCELLED = "cancelled", _("отменён")
        EXPIRED = "expired", _("проверка устарела")
        FAILED = "failed", _("сбой")

    RUNNING = (State.CHECKING, State.SAVING)

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("кто")
    )
    model = models.CharField(_("данные"), max_length=100)  # "events.event"
    file_name = models.CharField(_("файл"), max_length=255)
    stored_name = models.CharField(max_length=64)  # the upload's name in IMPORT_FILES_DIR
    language = models.CharField(max_length=10, default="ru")
    state = models.CharField(_("состояние"), max_length=20, choices=State.choices)
    rows_total = models.PositiveIntegerField(_("строк в файле"), default=0)
    result = models.JSONField(_("итог"), default=dict, blank=True)
    created_at = models.DateTimeField(_("загружен"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("импорт файла")
        verbose_name_plural = _("импорт файлов")
        indexes = [models.Index(fields=["state", "updated_at"], name="dataio_job_state_updated")]

    def __str__(self):
        return self.file_name

    @property
    def is_running(self) -> bool:
        return self.state in self.RUNNING

    def stored_path(self) -> Path:
        from dataio.upload_storage import import_folder

        return import_folder() / Path(self.stored_name).name
