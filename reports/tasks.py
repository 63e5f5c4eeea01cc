"""The report file of a big organization as a task (django-tasks), see `reports.report_files`."""

from django_tasks import task

from reports.report_files import report_file_write


@task()
def report_file_build(file_id: str) -> None:
    report_file_write(file_id)
