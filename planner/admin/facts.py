"""Inline rows for a record's sources, opening periods and highlights, and the rule that a
changed fact (hours, a pin) comes with a fresh verification date and a reviewed confidence."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from planner.models import Highlight, OpeningPeriod, Source

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


class PeriodsFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        verified = getattr(self.instance, "_verification_updated", False)
        if self.instance.pk and self.has_changed() and not verified:
            raise ValidationError(RECHECK_MESSAGE)


class SourcesFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [
            form for form in self.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        if getattr(self.instance, "is_published", False) and not kept:
            raise ValidationError(_("A published record needs at least one source."))


# Sources and highlights have one foreign key per kind of owner, so each inline finds the one
# that points at its page's model by itself.
class SourceInline(admin.TabularInline):
    model = Source
    formset = SourcesFormSet
    extra = 0
    fields = ["position", "title", "url", "as_of", "supports", "editor_ref"]


class OpeningPeriodInline(admin.TabularInline):
    model = OpeningPeriod
    formset = PeriodsFormSet
    extra = 0
    fields = ["position", "start_month", "start_day", "end_month", "end_day", "opens", "closes",
              "last_entry", "closed", "reason", "ticket_cny", "note_zh", "note_en"]  # fmt: skip


class HighlightInline(admin.StackedInline):
    model = Highlight
    extra = 0
    fields = ["position", "months", ("text_zh", "text_en"),
              ("source_title", "source_url", "source_as_of")]  # fmt: skip
