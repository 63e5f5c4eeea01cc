from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class BranchesConfig(AppConfig):
    name = "branches"
    verbose_name = _("Библиотеки и периоды")

    def ready(self):
        from branches.roles import grant_after_migrate

        post_migrate.connect(grant_after_migrate, dispatch_uid="branches.grant_role_permissions")

        from django.contrib.auth.signals import user_logged_in

        from branches.accounts import seen_at_login

        user_logged_in.connect(seen_at_login, dispatch_uid="branches.seen_at_login")
