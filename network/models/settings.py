from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="lock")
class SecuritySettings(BaseGenericSetting):
    require_two_factor_for_admin = models.BooleanField(
        _("require two-factor authentication in the admin"),
        default=False,
        help_text=_(
            "Editors and administrators must set up an authenticator app before "
            "they can use the admin."
        ),
    )

    class Meta:
        verbose_name = _("security")
