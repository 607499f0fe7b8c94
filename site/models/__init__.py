from .home import HomePage
from .knowledge import (
    Audience,
    KnowledgeArticle,
    KnowledgeArticleTag,
    KnowledgeIndexPage,
    RelatedKnowledgeArticle,
)
from .news import NewsIndexPage, NewsPage, NewsPageTag, Theme
from .standard import StandardPage

__all__ = [
    "Audience",
    "HomePage",
    "KnowledgeArticle",
    "KnowledgeArticleTag",
    "KnowledgeIndexPage",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "RelatedKnowledgeArticle",
    "StandardPage",
    "Theme",
]
