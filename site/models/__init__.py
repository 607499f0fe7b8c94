from .home import HomeFeature, HomePage
from .knowledge import (
    Audience,
    KnowledgeArticle,
    KnowledgeArticleTag,
    KnowledgeIndexPage,
    KnowledgeQuestion,
    RelatedKnowledgeArticle,
)
from .news import NewsIndexPage, NewsPage, NewsPageTag, Theme
from .newsletter import (
    MemberNewsletterChoice,
    NewsletterDelivery,
    NewsletterIndexPage,
    NewsletterIssue,
    Subscriber,
)
from .standard import StandardPage

__all__ = [
    "Audience",
    "HomeFeature",
    "HomePage",
    "KnowledgeArticle",
    "KnowledgeArticleTag",
    "KnowledgeIndexPage",
    "KnowledgeQuestion",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "MemberNewsletterChoice",
    "NewsletterDelivery",
    "NewsletterIndexPage",
    "NewsletterIssue",
    "Subscriber",
    "RelatedKnowledgeArticle",
    "StandardPage",
    "Theme",
]
