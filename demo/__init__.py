"""Demo content for `make run` (manage.py seed_demo): Dutch news, knowledge,
schools, people, meetings, forum threads and search statistics that read like
a real network. It lives outside the apps, which never import it; only the
seed_demo command, the bench and some tests do."""
