"""check-language on the command line, and reading Word / OpenDocument files."""

import io
import json

import docx
import pytest
from odf.opendocument import OpenDocumentText
from odf.text import H, P

from scaffolding.language import DocumentError, extract_text
from scaffolding.language.cli import main


def run(argv, stdin_text=""):
    stdout, stderr = io.StringIO(), io.StringIO()
    code = main(argv, io.StringIO(stdin_text), stdout, stderr)
    return code, stdout.getvalue(), stderr.getvalue()


def write(tmp_path, name, content):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


def docx_bytes(paragraphs, table_cells=()):
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table_cells:
        table = document.add_table(rows=1, cols=len(table_cells))
        for cell, text in zip(table.rows[0].cells, table_cells, strict=True):
            cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def odt_bytes(heading, paragraphs):
    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text=heading))
    for paragraph in paragraphs:
        document.text.addElement(P(text=paragraph))
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def test_exit_0_when_clean(tmp_path):
    path = write(tmp_path, "kind.txt", "Amy's home with her gran is settled.\n")
    assert run([path]) == (0, "", "")


def test_exit_1_with_findings_and_text_format(tmp_path):
    path = write(tmp_path, "notes.txt", "Settled.\nHer placement ended.\n")
    code, out, err = run([path])
    assert code == 1 and err == ""
    assert out.startswith(f"{path}:2:5: placement: 'placement' -> home / living with / ")
    assert "(" in out and out.endswith(")\n")


def test_text_format_says_quoted_words_are_a_persons_own(tmp_path):
    code, out, _ = run(["-"], "Jay said 'I miss respite'.")
    assert code == 1
    assert out.startswith("<stdin>:1:18: respite: 'respite' is in a person's own words")
    assert "->" not in out


def test_exit_2_for_a_missing_file(tmp_path):
    missing = str(tmp_path / "nowhere.txt")
    code, out, err = run([missing])
    assert (code, out) == (2, "")
    assert missing in err and "No such file" in err


def test_exit_2_for_an_undecodable_file(tmp_path):
    path = write(tmp_path, "latin.txt", "caf\xe9 placement".encode("latin-1"))
    code, _, err = run([path])
    assert code == 2
    assert path in err and "not UTF-8" in err


def test_other_extensions_are_read_as_text(tmp_path):
    path = write(tmp_path, "page.jinja", "<p>Her placement ended.</p>")
    code, out, _ = run([path])
    assert code == 1 and f"{path}:1:8: placement:" in out


def test_exit_2_for_a_binary_file(tmp_path):
    path = write(tmp_path, "scan.pdf", b"%PDF-1.4\n\xe2\xe3\xcf\xd3\n")
    code, _, err = run([path])
    assert code == 2
    assert path in err and "not UTF-8" in err


def test_input_error_wins_but_other_files_are_still_checked(tmp_path):
    good = write(tmp_path, "a.txt", "Her placement.")
    code, out, err = run(["--format", "json", good, str(tmp_path / "missing.txt")])
    assert code == 2
    assert [item["path"] for item in json.loads(out)] == [good]
    assert "missing.txt" in err


def test_exit_2_for_bad_usage():
    code, out, err = run(["--format", "xml"])
    assert code == 2 and out == ""
    assert "usage: check-language" in err and "invalid choice" in err
    assert run(["--nonsense"])[0] == 2
    assert run(["-", "-"])[0] == 2


def test_help_exits_0():
    code, out, _ = run(["--help"])
    assert code == 0 and "check-language" in out


def test_no_path_reads_stdin():
    code, out, _ = run(["--format", "json"], "Contact with mum is on Friday.")
    assert code == 1
    assert json.loads(out)[0]["path"] == "<stdin>"


def test_stdin_as_bytes_is_decoded():
    stdout = io.StringIO()
    code = main([], io.BytesIO(b"Her placement."), stdout, io.StringIO())
    assert code == 1 and "placement" in stdout.getvalue()


def test_json_shape_and_offsets_across_lines_and_files(tmp_path):
    first_text = "Ünïcödé line 🙂\nAmy's placement, “respite” too.\n"
    first = write(tmp_path, "first.md", first_text)
    second = write(tmp_path, "second.txt", "Contact with her brother.")
    code, out, _ = run(["--format", "json", first, second])
    assert code == 1
    items = json.loads(out)
    keys = ["path", "line", "column", "start", "end", "text", "rule", "message",
            "suggestions", "quoted"]  # fmt: skip
    assert all(list(item) == keys for item in items)
    assert [(i["path"], i["rule"], i["line"], i["column"], i["quoted"]) for i in items] == [
        (first, "placement", 2, 7, False),
        (first, "respite", 2, 19, True),
        (second, "contact", 1, 1, False),
    ]
    for item in items[:2]:
        assert first_text[item["start"] : item["end"]] == item["text"]
    assert items[1]["suggestions"] == []


def test_json_is_an_empty_list_when_clean():
    assert run(["--format", "json", "-"], "A kind note.") == (0, "[]\n", "")


def test_docx_is_read_in_order_with_tables(tmp_path):
    data = docx_bytes(["Review of Amy's plan", "Her placement is settled."], ["Respite", "Gran"])
    text = extract_text("plan.docx", data)
    assert text.split("\n") == [
        "Review of Amy's plan",
        "Her placement is settled.",
        "Respite",
        "Gran",
    ]
    code, out, _ = run([write(tmp_path, "plan.docx", data)])
    assert code == 1
    assert ":2:5: placement:" in out and ":3:1: respite:" in out


def test_odt_is_read_with_headings(tmp_path):
    data = odt_bytes("Family time", ["Supervised contact moved to Fridays.", "All good."])
    assert extract_text("minutes.ODT", data).split("\n") == [
        "Family time",
        "Supervised contact moved to Fridays.",
        "All good.",
    ]
    code, out, _ = run(["--format", "json", write(tmp_path, "minutes.odt", data)])
    assert code == 1
    assert json.loads(out)[0]["text"] == "Supervised contact"


@pytest.mark.parametrize("name", ["broken.docx", "broken.odt"])
def test_broken_documents_give_a_clear_error(name):
    with pytest.raises(DocumentError, match=name):
        extract_text(name, b"this is not a zip file")


def test_unsupported_type_names_what_is_supported():
    with pytest.raises(DocumentError) as raised:
        extract_text("letter.doc", b"\xd0\xcf\x11\xe0")
    assert "letter.doc" in str(raised.value) and ".docx" in str(raised.value)


def test_text_files_drop_a_byte_order_mark():
    assert extract_text("notes.txt", "\ufeffHer placement.".encode()) == "Her placement."
