"""The admin import's two passes as tasks (django-tasks): run by `manage.py db_worker`
(or at once, in the request, with the immediate backend the tests use)."""

from django_tasks import task

from dataio.jobs import job_run


@task()
def import_check(job_id: str) -> None:
    job_run(job_id, save=False)


@task()
def import_save(job_id: str) -> None:
    job_run(job_id, save=True)
