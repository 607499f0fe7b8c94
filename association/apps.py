from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssociationConfig(AppConfig):
    """What passes between a member and the association itself: signals from
    the field (and next consultations and the helpdesk)."""

    name = "association"
    verbose_name = _("Association")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import notifications, privacy  # noqa: F401

        notifications.connect()
