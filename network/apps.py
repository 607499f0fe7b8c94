from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Network")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core import checks

        from . import ratelimit, search_text

        search_text.connect()
        checks.register(ratelimit.check_rate_settings)
        checks.register(ratelimit.check_shared_cache, deploy=True)
