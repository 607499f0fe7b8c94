"""What a forum hit shows: its place, and a snippet from the opening post and
the accepted answer, never from a hidden post; loaded with the hit."""

import pytest

from forums import moderation_services
from forums import services as forum_services
from search import engine
from search import sources as registry
from search.sources import Filters


def _forum_result(reader, query):
    outcome = engine.search(reader, query, Filters(), kind="forum")
    assert outcome.page.object_list, query
    return outcome.page.object_list[0]


@pytest.mark.django_db
def test_a_snippet_shows_the_accepted_answer_and_never_a_hidden_post(
    corpus, django_capture_on_commit_callbacks
):
    thread = corpus.koptelefoon
    with django_capture_on_commit_callbacks(execute=True):
        answer = forum_services.reply(
            corpus.anna.user,
            thread,
            body="Koptelefoon met ruisonderdrukking.",
        )
        forum_services.reply(
            corpus.kees.user,
            thread,
            body="Een koptelefoon in de stilteplek.",
        )
    forum_services.accept_answer(corpus.member, answer)

    result = _forum_result(corpus.member, "koptelefoon")
    assert result.url == thread.get_absolute_url()
    assert result.meta == [thread.place.name]
    assert result.badge == "Opgelost"
    assert "ruisonderdrukking" in str(result.snippet)
    # A later reply that is not the answer gives no snippet text.
    assert "stilteplek" not in str(result.snippet)

    opening = thread.posts.get(position=1)
    moderation_services.hide_post(corpus.moderator, opening, reason="Privacy")
    result = _forum_result(corpus.member, "koptelefoon")
    assert "overprikkeld" not in str(result.snippet)
    assert "ruisonderdrukking" in str(result.snippet)


@pytest.mark.django_db
def test_a_page_of_forum_hits_is_loaded_with_its_texts_in_one_query(
    corpus, django_assert_num_queries
):
    source = registry.get("forum")
    threads = list(source.loadable(corpus.member).order_by("pk"))
    assert threads
    with django_assert_num_queries(0):
        results = source.results(threads, None, None)
    assert any("overprikkeld" in str(result.snippet) for result in results)
