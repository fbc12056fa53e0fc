"""Rest of finding 1: big requests are refused before they reach the disk; free text
has a length people actually write."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from scaffolding.supervision.models import Reflection


def test_a_request_larger_than_the_cap_is_refused_at_once(client_for, world, settings):
    settings.MAX_REQUEST_BYTES = 1024 * 1024
    big = SimpleUploadedFile("big.pdf", b"%PDF" + b"0" * (2 * 1024 * 1024))
    response = client_for("practitioner").post(
        reverse("language:check"), {"text": "", "document": big}
    )
    assert response.status_code == 413
    assert "too large" in response.content.decode()


def test_free_text_has_a_cap_with_a_message_next_to_the_field(client_for, world, settings):
    response = client_for("practitioner").post(
        reverse("supervision:reflections"), {"text": "a" * 60_000}
    )
    assert response.status_code == 200
    assert "at most" in response.content.decode()
    assert not Reflection.objects.exists()


def test_upload_size_settings_are_set():
    from scaffolding import settings

    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 10 * 1024 * 1024
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE <= 5 * 1024 * 1024
    assert settings.MAX_REQUEST_BYTES <= 20 * 1024 * 1024
