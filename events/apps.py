from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Registers the data exporter, the account-deletion receiver, the account
        # page section and the receiver that fills seats when capacity grows.
        from . import account, privacy, signals  # noqa: F401
