"""Finding 10: each bad input the probe found gets a clear message, never a bare 500;
a fuzz test (hypothesis) over the upload parsers and the API finds no 500."""

import contextlib
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scaffolding.core.untrusted import Refused, check_evidence
from scaffolding.language import documents
from scaffolding.language.models import ApiToken
from scaffolding.progress import framework_files
from scaffolding.workforce import importing

API = reverse("language:api_check")
CHECK = reverse("language:check")


@pytest.fixture
def token(world):
    return ApiToken.issue(world.partnership, "Records system")[1]


def _api(token, body):
    return Client().post(
        API, body, content_type="application/json", headers={"Authorization": f"Bearer {token}"}
    )


def test_a_malformed_docx_is_named_clearly(client_for, world):
    response = client_for("supervisor").post(
        CHECK, {"text": "", "document": SimpleUploadedFile("notes.docx", b"PK\x03\x04broken")}
    )
    assert response.status_code == 200
    assert "notes.docx" in response.content.decode()


def test_deeply_nested_yaml_is_refused_with_a_message(client_for, world):
    nested = "items: " + "[" * 5000 + "]" * 5000 + "\n"
    response = client_for("promise_lead").post(
        reverse("progress:framework_import"),
        {"file": SimpleUploadedFile("deep.yaml", nested.encode())},
    )
    assert response.status_code == 200
    assert "nested too deeply" in response.content.decode()


def test_deeply_nested_json_is_refused_with_a_message(world, token):
    response = _api(token, '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}")
    assert response.status_code == 400
    assert "error" in response.json()


def test_a_lone_surrogate_in_api_text_is_answered(world, token):
    response = _api(token, '{"text": "Her placement \\ud800 today"}')
    assert response.status_code == 400
    assert "lone surrogate" in response.json()["error"]


def test_a_group_that_is_not_a_number_is_not_found(client_for, world):
    response = client_for("supervisor").get(reverse("supervision:session_new") + "?group=abc")
    assert response.status_code == 404


@pytest.mark.parametrize("role", ["promise_lead", "learning_lead", "partnership_admin"])
def test_supervision_pages_without_a_register_entry_say_so(client_for, world, role):
    for name in ("supervision:mine", "supervision:session_new", "supervision:reflections"):
        response = client_for(role).get(reverse(name))
        assert response.status_code in (200, 302, 403, 404), name


FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FUZZ
@given(data=st.binary(max_size=2000), name=st.sampled_from(["a.docx", "a.odt", "a.txt"]))
def test_fuzz_document_parser_never_breaks(data, name):
    with contextlib.suppress(documents.DocumentError):
        documents.extract_text(name, data)


@FUZZ
@given(text=st.text(max_size=2000))
def test_fuzz_framework_files_never_break(text):
    for parse in (framework_files.parse_yaml, framework_files.parse_csv):
        with contextlib.suppress(framework_files.FrameworkFileError):
            parse(text)


def test_a_csv_framework_of_only_commas_is_refused_with_a_message():
    # Found by the fuzz test above: it used to raise StopIteration (a 500).
    with pytest.raises(framework_files.FrameworkFileError, match="no header row"):
        framework_files.parse_csv(",")


@FUZZ
@given(data=st.binary(max_size=2000))
def test_fuzz_evidence_check_never_breaks(data):
    import io

    with contextlib.suppress(Refused):
        check_evidence(io.BytesIO(data))


@pytest.mark.django_db
@FUZZ
@given(data=st.binary(max_size=2000), name=st.sampled_from(["r.csv", "r.xlsx", "r.txt"]))
def test_fuzz_import_parser_never_breaks(world, data, name):
    with contextlib.suppress(importing.FileProblem):
        importing.plan_import(world.partnership.pk, "people", name, data)


@FUZZ
@given(
    body=st.one_of(
        st.binary(max_size=500),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(max_size=50),
            lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
            max_leaves=20,
        ).map(lambda value: json.dumps({"text": value})),
    )
)
def test_fuzz_the_api_never_answers_500(world, token, body):
    response = _api(token, body)
    assert response.status_code < 500
