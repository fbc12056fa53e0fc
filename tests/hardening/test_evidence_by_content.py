"""Finding 13: evidence is checked by what it contains, not by what the browser says."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from scaffolding.core import untrusted
from scaffolding.workforce.models import LearningEvidence
from tests.workforce.helpers import build_learning

EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)


def _post(client_for, world, upload):
    activity = build_learning(world)["activities"]["enhanced"]
    return client_for("practitioner").post(
        reverse("workforce:record_add", args=[world.people["practitioner"].pk]),
        {
            "activity": activity.pk,
            "status": "completed",
            "completed_on": "2026-05-20",
            "evidence": upload,
        },
    )


@pytest.mark.parametrize(
    ("name", "data", "claimed"),
    [
        ("page.pdf", b"<html><script>alert(1)</script></html>", "application/pdf"),
        ("pic.png", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "image/png"),
        ("eicar.pdf", EICAR, "application/pdf"),
    ],
)
def test_html_svg_and_eicar_are_refused_whatever_they_claim(client_for, world, name, data, claimed):
    response = _post(client_for, world, SimpleUploadedFile(name, data, content_type=claimed))
    assert response.status_code == 200
    body = response.content.decode()
    assert "id_evidence_error" in body or "evidence" in body
    assert "is not a PDF" in body
    assert LearningEvidence.objects.count() == 0


def test_the_stored_type_comes_from_the_content(client_for, world):
    upload = SimpleUploadedFile("photo.pdf", PNG, content_type="application/pdf")
    assert _post(client_for, world, upload).status_code == 302
    assert LearningEvidence.objects.get().content_type == "image/png"


def test_a_virus_scanner_can_refuse_a_file(settings):
    class Scanner:
        def instream(self, stream):
            return {"stream": ("FOUND", "Eicar-Test-Signature")}

    settings.CLAMD_SCANNER = Scanner
    with pytest.raises(untrusted.Refused, match="virus"):
        untrusted.check_evidence(io.BytesIO(PNG))


def test_an_unreachable_virus_scanner_refuses_rather_than_lets_through(settings):
    class Down:
        def instream(self, stream):
            raise ConnectionRefusedError

    settings.CLAMD_SCANNER = Down
    with pytest.raises(untrusted.Refused, match="could not be checked"):
        untrusted.check_evidence(io.BytesIO(PNG))
