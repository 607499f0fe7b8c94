from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumsConfig(AppConfig):
    name = "forums"
    verbose_name = _("Forums")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The account-deletion receiver and the receivers that keep a thread's
        # search entry current when its posts change.
        from . import (
            privacy,  # noqa: F401
            search_index,
        )

        search_index.connect()
