"""What the site offers the other apps through Wagtail's hooks: its pages,
events and forum threads as search sources, the helpdesk thread's "draft
knowledge article" action, and the same for a private helpdesk case."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem

from .forum_knowledge import offer_draft_article
from .helpdesk_knowledge import admin_urlpatterns as helpdesk_admin_urls
from .models.newsletter import NewsletterIssue
from .search_sources import SOURCES


@hooks.register("search_sources")
def offer_site_sources():
    return SOURCES


hooks.register("forums_thread_actions", offer_draft_article)


@hooks.register("register_admin_urls")
def helpdesk_to_knowledge_url():
    return helpdesk_admin_urls


@hooks.register("register_admin_urls")
def newsletter_sending_url():
    from .newsletter_views import admin_urlpatterns

    return admin_urlpatterns


class NewsletterSendingButton(PageMenuItem):
    label = _("Send")
    icon_name = "mail"
    url_name = "newsletter_sending"

    def is_shown(self, user):
        return self.page.permissions_for_user(user).can_publish()


@hooks.register("register_page_header_buttons")
def newsletter_sending_button(page, user, view_name, next_url=None):
    if page.specific_class is NewsletterIssue:
        yield NewsletterSendingButton(page=page, priority=5)


@hooks.register("network_account_sections")
def newsletter_on_the_account_page(request):
    from .newsletter_views import account_section

    return account_section(request)


@hooks.register("network_data_exporters")
def export_newsletter_consent(user):
    from .models.newsletter import MemberNewsletterChoice, Subscriber

    choice = MemberNewsletterChoice.objects.filter(user=user).first()
    subscriber = Subscriber.objects.filter(email__iexact=user.email).first()
    return {
        "newsletter": {
            "members_newsletter": choice.receives if choice else True,
            "members_newsletter_choice_at": choice.changed_at.isoformat()
            if choice
            else None,
            "public_newsletter_consent_at": subscriber.confirmed_at.isoformat()
            if subscriber
            else None,
            "public_newsletter_unsubscribed_at": subscriber.unsubscribed_at.isoformat()
            if subscriber and subscriber.unsubscribed_at
            else None,
        }
    }
