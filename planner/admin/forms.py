"""Admin forms clean what editors paste (characters XML cannot carry never reach the data),
and a changed fact (hours, a pin) comes with a fresh verification date and a reviewed
confidence."""

from django import forms
from django.utils.translation import gettext_lazy as _

from planner.untrusted import xml_safe


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


# Changing any of these changes what a visitor relies on: the editor must say when they checked.
VERIFIED_FACT_FIELDS = ("opens", "closes", "last_entry", "closed_weekdays", "latitude", "longitude")
RECHECK_MESSAGE = _(
    "You changed the hours or the location: set “last verified” to the day you checked it "
    "and review the confidence."
)


class VerifiedFactsForm(forms.ModelForm):
    """Asks for a new `last_verified` whenever hours or the pin change."""

    def clean(self):
        cleaned = super().clean()
        changed = set(self.changed_data)
        self.instance._verification_updated = "last_verified" in changed
        facts_changed = bool(changed & set(VERIFIED_FACT_FIELDS))
        if self.instance.pk and facts_changed and not self.instance._verification_updated:
            self.add_error("last_verified", RECHECK_MESSAGE)
        return cleaned


class PlaceAdminForm(CleanTextModelForm, VerifiedFactsForm):
    """A place's change form: text cleaned, and changed facts need a fresh verification date."""
