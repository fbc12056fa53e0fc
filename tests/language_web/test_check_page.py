"""The "check my writing" page: pasted text and uploaded documents, with marked words."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from scaffolding.language import overrides

URL = reverse("language:check")


def docx_bytes(*paragraphs):
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def odt_bytes(*paragraphs):
    from odf.opendocument import OpenDocumentText
    from odf.text import P

    document = OpenDocumentText()
    for paragraph in paragraphs:
        document.text.addElement(P(text=paragraph))
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("role", ["practitioner", "family_carer", "promise_lead"])
def test_pasted_text_is_marked_with_suggestions_and_reasons(client_for, role):
    response = client_for(role).post(
        URL, {"text": "Amy's placement is going well.\nSupervised contact with mum on Friday."}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert body.count('<mark class="sc-language-mark"') == 2
    # Marked words carry text for screen readers, not only a colour.
    assert "Start of marked word 1: </span>placement" in body
    assert "Try: home, living with, where the child lives" in body
    assert "Why: " in body and "parcel" in body
    assert "2 words you could change" in body


def test_quoted_words_are_shown_as_a_persons_own_words(client_for):
    body = (
        client_for("practitioner")
        .post(URL, {"text": 'Jay said "I hate my placement" at school.'})
        .content.decode()
    )
    assert "sc-language-mark--quoted" in body
    assert "a person's own words, not to change" in body
    assert "Try:" not in body


def test_clean_writing_gets_thanks(client_for):
    body = client_for("practitioner").post(URL, {"text": "Amy lives with her gran."}).content
    assert b"No words from the glossary" in body


def test_text_is_escaped_not_rendered_as_html(client_for):
    body = (
        client_for("practitioner")
        .post(URL, {"text": "<script>alert(1)</script> placement"})
        .content.decode()
    )
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;" in body


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("notes.txt", b"Her placement is stable."),
        ("notes.docx", docx_bytes("Review.", "Her placement is stable.")),
        ("notes.odt", odt_bytes("Review.", "Her placement is stable.")),
    ],
)
def test_uploaded_documents_are_checked(client_for, name, data):
    response = client_for("supervisor").post(
        URL, {"text": "", "document": SimpleUploadedFile(name, data)}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert f"What we found in {name}" in body
    assert "Start of marked word 1: </span>placement" in body


def test_other_file_types_are_refused_by_name(client_for):
    response = client_for("practitioner").post(
        URL, {"document": SimpleUploadedFile("report.pdf", b"%PDF-1.4")}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["document"] == [
        "“report.pdf” is not a .txt, .docx or .odt file. "
        "Save it in one of those formats, or paste the text instead."
    ]


def test_a_broken_word_document_gets_a_clear_message(client_for):
    response = client_for("practitioner").post(
        URL, {"document": SimpleUploadedFile("notes.docx", b"not a zip")}
    )
    (error,) = response.context["form"].errors["document"]
    assert error.startswith("notes.docx: not a readable Word document")


def test_large_uploads_are_refused(client_for):
    big = SimpleUploadedFile("long.txt", b"a" * (2 * 1024 * 1024 + 1))
    response = client_for("practitioner").post(URL, {"document": big})
    (error,) = response.context["form"].errors["document"]
    assert "larger than 2 MB" in error


def test_nothing_to_check_says_what_to_do(client_for):
    response = client_for("practitioner").post(URL, {"text": "   "})
    assert response.context["form"].non_field_errors() == [
        "Enter some writing to check, or choose a document to upload."
    ]
    assert b"There is a problem" in response.content


def test_the_partnership_glossary_is_used(world, client_for):
    overrides.save_override(world.partnership.pk, {"id": "placement", "enabled": False})
    body = client_for("practitioner").post(URL, {"text": "Her placement is stable."}).content
    assert b"No words from the glossary" in body
