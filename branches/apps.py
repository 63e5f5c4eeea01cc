from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from cbs_reports import security_log as log


class BranchesConfig(AppConfig):
    name = "branches"
    verbose_name = _("Библиотеки и периоды")

    def ready(self):
        from axes.signals import user_locked_out
        from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed

        from branches.accounts import seen_at_login
        from branches.roles import grant_after_migrate

        post_migrate.connect(grant_after_migrate, dispatch_uid="branches.grant_role_permissions")
        user_logged_in.connect(seen_at_login, dispatch_uid="branches.seen_at_login")
        # The security log (cbs_reports.security_log): one JSON line per event.
        user_logged_in.connect(log.on_login, dispatch_uid="security.login")
        user_login_failed.connect(log.on_login_failed, dispatch_uid="security.login_failed")
        user_logged_out.connect(log.on_logout, dispatch_uid="security.logout")
        user_locked_out.connect(log.on_locked_out, dispatch_uid="security.lockout")
