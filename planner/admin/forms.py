"""Admin forms clean what editors paste: characters XML cannot carry never reach the data."""

from django import forms

from planner.untrusted import xml_safe

from .facts import VerifiedFactsForm


def _clean(value):
    if isinstance(value, str):
        return xml_safe(value)
    if isinstance(value, list):
        return [_clean(item) for item in value]
    return value


class CleanTextModelForm(forms.ModelForm):
    """Strips control characters (a vertical tab pasted from a document, say) from every
    text value, so KML, GPX and XLSX exports of the record stay well-formed."""

    def clean(self):
        cleaned = super().clean()
        for name, value in cleaned.items():
            cleaned[name] = _clean(value)
        return cleaned


class PlaceAdminForm(CleanTextModelForm, VerifiedFactsForm):
    """A place's change form: text cleaned, and changed facts need a fresh verification date."""
