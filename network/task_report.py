"""Background tasks that failed for good (every try used, or a failure no
retry can mend), for admins under Reports in Wagtail's admin, each with a
button to try it again. Only with the database backend: the immediate one
keeps no record, and logs the failure instead."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .pagination import paginate

SHOWN_PER_PAGE = 50


def can_see_failed_tasks(user) -> bool:
    return getattr(user, "is_superuser", False) and user.is_active


def _failed():
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.failed().order_by("-finished_at")


def failed_tasks(request):
    if not can_see_failed_tasks(request.user):
        raise PermissionDenied
    page = paginate(request, _failed(), SHOWN_PER_PAGE)
    for result in page:
        lines = [line for line in result.traceback.strip().splitlines() if line]
        result.reason = lines[-1] if lines else result.exception_class_path
        result.name = result.task_path.rsplit(".", 1)[-1]
    return TemplateResponse(
        request,
        "network/admin/failed_tasks.html",
        {
            "page_title": _("Failed background tasks"),
            "results": page,
            "queue_in_use": settings.TASKS_BACKEND == "database",
        },
    )


@require_POST
def retry_task(request, result_id):
    """Queue the task again with its arguments, from its first try; the
    failed record goes, so the report lists only what is still failing."""
    if not can_see_failed_tasks(request.user):
        raise PermissionDenied
    from django_tasks_db.models import DBTaskResult

    with transaction.atomic():
        result = get_object_or_404(
            DBTaskResult.objects.select_for_update().failed(), pk=result_id
        )
        task = result.task
        kwargs = dict(result.args_kwargs.get("kwargs", {}))
        kwargs.pop("attempt", None)
        task.enqueue(*result.args_kwargs.get("args", []), **kwargs)
        result.delete()
    messages.success(request, _("Queued again: %(task)s.") % {"task": task.name})
    return redirect("failed_tasks")
