"""Form widgets the network's admin and site forms share."""

from django import forms

from .models import Province


class ProvinceChecklist(forms.CheckboxSelectMultiple):
    """Checkboxes for the twelve provinces over a text field that stores the
    chosen codes comma-separated (SupportOffer.provinces)."""

    def __init__(self, attrs=None, choices=()):
        super().__init__(attrs, choices=Province.choices)

    def format_value(self, value):
        if isinstance(value, str):
            value = value.split(",")
        return [code for code in value or [] if code]

    def value_from_datadict(self, data, files, name):
        chosen = data.getlist(name) if hasattr(data, "getlist") else data.get(name, [])
        return ",".join(code for code in Province.values if code in chosen)
