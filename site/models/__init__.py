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
    "RelatedKnowledgeArticle",
    "StandardPage",
    "Theme",
]
