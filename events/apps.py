from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The account-deletion receiver and the receiver that fills seats when
        # capacity grows (the exporter and account section are Wagtail hooks).
        from . import privacy, signals  # noqa: F401
