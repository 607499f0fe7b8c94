from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from network.models import Cluster, School, SchoolLocation, SupportNeed, Topic

        from . import forms, schools, spelling, vocabulary
        from .models import Term

        # A changed name or synonym counts from the next search, not an hour on.
        for model in (Term, SupportNeed, Topic):
            for signal in (post_save, post_delete):
                signal.connect(
                    vocabulary.forget, sender=model, dispatch_uid=f"vocab-{model}"
                )
                signal.connect(
                    spelling.forget, sender=model, dispatch_uid=f"spelling-{model}"
                )
        for model in (Cluster, SupportNeed):
            for signal in (post_save, post_delete):
                signal.connect(
                    forms.forget_choices, sender=model, dispatch_uid=f"choices-{model}"
                )
        # A new school's town is a place to search in at once.
        for model in (School, SchoolLocation):
            for signal in (post_save, post_delete):
                signal.connect(
                    schools.forget, sender=model, dispatch_uid=f"places-{model}"
                )
