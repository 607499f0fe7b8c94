"""Editor tools in Wagtail's admin: importing schools and merging topics."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from .imports import ImportFileError, import_schools
from .models import School, Topic
from .services import NetworkError, merge_topics

MAX_UPLOAD = 5 * 1024 * 1024


class SchoolImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "DUO's register of (v)so locations as downloaded, or the "
            "association's own layout with the columns brin, naam, plaats, "
            "provincie, soort, clusters, bestuursnummer, bestuursnaam; optional: "
            "lid, lid_sinds, samenwerkingsverband, website, emaildomeinen, "
            "uitstroomprofielen, omschrijving, vestigingsnummer, adres, postcode."
        ),
    )
    apply_valid_rows = forms.BooleanField(
        label=_("Import the valid rows even if other rows have errors"), required=False
    )
    dry_run = forms.BooleanField(
        label=_("Only check the file; change nothing"), required=False, initial=True
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload


def import_schools_view(request):
    if not request.user.has_perms(["network.add_school", "network.change_school"]):
        raise PermissionDenied
    report = None
    form = SchoolImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            report = import_schools(
                form.cleaned_data["file"].read(),
                apply_valid_rows=form.cleaned_data["apply_valid_rows"],
                dry_run=form.cleaned_data["dry_run"],
            )
        except ImportFileError as error:
            form.add_error("file", str(error))
    return TemplateResponse(
        request,
        "network/admin/import_schools.html",
        {
            "form": form,
            "report": report,
            "page_title": _("Import schools"),
            "to_complete": School.objects.filter(to_complete=True).count(),
        },
    )


class MergeTopicsForm(forms.Form):
    source = forms.ModelChoiceField(Topic.objects.all(), label=_("Merge this topic"))
    target = forms.ModelChoiceField(Topic.objects.all(), label=_("into this topic"))


def merge_topics_view(request):
    if not request.user.has_perms(["network.change_topic", "network.delete_topic"]):
        raise PermissionDenied
    form = MergeTopicsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        source, target = form.cleaned_data["source"], form.cleaned_data["target"]
        try:
            moved = merge_topics(source, target)
        except NetworkError as error:
            form.add_error("target", str(error))
        else:
            messages.success(
                request,
                _("“%(source)s” was merged into “%(target)s” (%(moved)d profiles).")
                % {"source": source.name, "target": target.name, "moved": moved},
            )
            return redirect("network_merge_topics")
    return TemplateResponse(
        request,
        "network/admin/merge_topics.html",
        {"form": form, "page_title": _("Merge topics")},
    )
