from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LecsoSiteConfig(AppConfig):
    name = "lecso_site"
    verbose_name = _("Website")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import chrome, helpdesk_knowledge

        chrome.connect()
        helpdesk_knowledge.connect()
