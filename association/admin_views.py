"""The signals report in Wagtail's admin, for policy advisers."""

import datetime

from django import forms
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .permissions import is_adviser
from .report import DIMENSIONS, build_report, csv_response, xlsx_response


class ReportForm(forms.Form):
    by = forms.ChoiceField(
        label=_("Split by"), choices=list(DIMENSIONS.items()), required=False
    )
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            self.add_error("end", _("The end comes before the start."))
        return data

    def period(self) -> tuple[str, datetime.date, datetime.date]:
        """What to report on; the last twelve months unless the form says else."""
        data = self.cleaned_data if self.is_valid() else {}
        end = data.get("end") or timezone.localdate()
        start = data.get("start") or end - datetime.timedelta(days=365)
        return data.get("by") or "province", start, end


def report_view(request):
    if not is_adviser(request.user):
        raise PermissionDenied
    form = ReportForm(request.GET or None)
    dimension, start, end = form.period()
    report = build_report(dimension, start, end)
    export = request.GET.get("export")
    if export == "csv":
        return csv_response(report)
    if export == "xlsx":
        return xlsx_response(report)
    query = request.GET.copy()
    query.pop("export", None)
    return TemplateResponse(
        request,
        "association/admin/report.html",
        {
            "form": form,
            "report": report,
            "bars": report.chart_bars(),
            "chart_height": 32 * len(report.rows),
            "query": query.urlencode(),
            "page_title": _("Signals report"),
        },
    )
