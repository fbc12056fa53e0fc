import os

from django import forms

from scaffolding.core.forms import PartnershipFormMixin
from scaffolding.language import DocumentError, GlossaryError, extract_text

from . import overrides
from .models import ApiToken

TEXT_LIMIT = 100_000  # characters of pasted text
UPLOAD_LIMIT = 2 * 1024 * 1024  # bytes of an uploaded document
UPLOAD_TYPES = (".txt", ".docx", ".odt")


def _lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]


class CheckForm(forms.Form):
    text = forms.CharField(
        label="Your writing",
        required=False,
        max_length=TEXT_LIMIT,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Paste or type what you have written. Nothing you check here is saved.",
    )
    document = forms.FileField(
        label="Or upload a document",
        required=False,
        help_text="A .txt, .docx (Word) or .odt (OpenDocument) file up to 2 MB.",
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(UPLOAD_TYPES)}),
    )

    def clean_document(self):
        upload = self.cleaned_data.get("document")
        if not upload:
            return None
        extension = os.path.splitext(upload.name)[1].lower()
        if extension not in UPLOAD_TYPES:
            raise forms.ValidationError(
                f"“{upload.name}” is not a .txt, .docx or .odt file. "
                "Save it in one of those formats, or paste the text instead."
            )
        if upload.size > UPLOAD_LIMIT:
            raise forms.ValidationError(
                f"“{upload.name}” is larger than 2 MB. Check a shorter part, or paste the text."
            )
        try:
            text = extract_text(upload.name, upload.read())
        except DocumentError as error:
            raise forms.ValidationError(str(error)) from None
        if len(text) > TEXT_LIMIT:
            raise forms.ValidationError(
                f"“{upload.name}” has more than {TEXT_LIMIT:,} characters. Check a shorter part."
            )
        return text

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        if not cleaned.get("document") and not (cleaned.get("text") or "").strip():
            raise forms.ValidationError(
                "Enter some writing to check, or choose a document to upload."
            )
        return cleaned

    def text_to_check(self) -> tuple[str, str]:
        """(text, where it came from)."""
        if self.cleaned_data.get("document") is not None:
            return self.cleaned_data["document"], self.files["document"].name
        return self.cleaned_data["text"], ""


FIELD_FOR = {
    "id": "rule_id",
    "patterns": "words",
    "suggestions": "suggestions",
    "explanation": "explanation",
    "source": "source",
    "applies_when": "applies_when",
    "not_when": "not_when",
    "enabled": "enabled",
}


class _RuleForm(PartnershipFormMixin, forms.Form):
    suggestions = forms.CharField(
        label="Kinder words to suggest",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One on each line, the one most people prefer first.",
    )
    explanation = forms.CharField(
        label="Why the word hurts",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="In plain words; people see this next to each suggestion.",
    )
    enabled = forms.BooleanField(
        label="Check for this word in our partnership", required=False, initial=True
    )

    def rule_data(self) -> dict:
        raise NotImplementedError

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        try:
            overrides.validate(self.partnership_id, self.rule_data())
        except GlossaryError as error:
            field = FIELD_FOR.get((error.field or "").split(".")[0])
            message = str(error)
            if field in self.fields:
                self.add_error(field, message)
            else:
                raise forms.ValidationError(message) from None
        return cleaned


class ShippedRuleForm(_RuleForm):
    """Change a shipped rule for one partnership: only changed fields are kept."""

    def __init__(self, *args, rule, **kwargs):
        self.rule = rule
        super().__init__(*args, **kwargs)

    def rule_data(self) -> dict:
        data = {"id": self.rule.id}
        suggestions = _lines(self.cleaned_data["suggestions"])
        if tuple(suggestions) != self.rule.suggestions:
            data["suggestions"] = suggestions
        explanation = self.cleaned_data["explanation"].strip()
        if explanation != self.rule.explanation:
            data["explanation"] = explanation
        if self.cleaned_data["enabled"] is not self.rule.enabled:
            data["enabled"] = self.cleaned_data["enabled"]
        return data


class LocalRuleForm(_RuleForm):
    """A rule of the partnership's own."""

    rule_id = forms.SlugField(
        label="Short name",
        max_length=60,
        help_text="Lowercase letters, numbers and hyphens, for example “problem-family”.",
    )
    words = forms.CharField(
        label="Words or phrases to look for",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One on each line. Plurals ending in “s” are found too.",
    )
    source = forms.CharField(
        label="Where this comes from",
        max_length=300,
        help_text="For example the local language guide, or the group of young people who asked.",
    )
    field_order = ["rule_id", "words", "suggestions", "explanation", "source", "enabled"]

    def __init__(self, *args, existing_id=None, **kwargs):
        self.existing_id = existing_id
        super().__init__(*args, **kwargs)
        if existing_id:
            self.fields["rule_id"].disabled = True
            self.fields["rule_id"].initial = existing_id

    def clean_rule_id(self):
        rule_id = self.cleaned_data["rule_id"].lower()
        if self.existing_id is None:
            glossary = overrides.glossary_for(self.partnership_id)
            if rule_id in glossary:
                raise forms.ValidationError(
                    f"There is already a rule called “{rule_id}”. Change that one, "
                    "or choose another short name."
                )
        return rule_id

    def rule_data(self) -> dict:
        return {
            "id": self.cleaned_data["rule_id"],
            "patterns": overrides.words_to_patterns(_lines(self.cleaned_data["words"])),
            "suggestions": _lines(self.cleaned_data["suggestions"]),
            "explanation": self.cleaned_data["explanation"].strip(),
            "source": self.cleaned_data["source"].strip(),
            "enabled": self.cleaned_data["enabled"],
        }


class TokenForm(forms.Form):
    name = forms.CharField(
        label="What the token is for",
        max_length=120,
        help_text="For example “Family records system”, so you know which token to stop later.",
    )

    def save(self, partnership, user) -> tuple[ApiToken, str]:
        return ApiToken.issue(partnership, self.cleaned_data["name"].strip(), created_by=user)
