"""What a browser would send back for a form on a page, read from the page's HTML."""

from lxml import html as lxml_html


def submitted_values(body: str, form_index: int = -1) -> dict[str, list[str]]:
    """The values a person submits by pressing the button without typing anything.

    A date input holding a value the browser cannot read (not yyyy-mm-dd) is sent
    empty, as Chromium and Firefox do.
    """
    document = lxml_html.fromstring(body)
    form = document.xpath("//main//form[@method='post' or @method='POST']")[form_index]
    data: dict[str, list[str]] = {}
    for element in form.xpath(".//input|.//select|.//textarea"):
        name = element.get("name")
        if not name or element.get("disabled") is not None:
            continue
        kind = (element.get("type") or "text").lower()
        if element.tag == "select":
            chosen = [o.get("value", o.text or "") for o in element.xpath(".//option[@selected]")]
            if not chosen and element.get("multiple") is None:
                first = element.xpath(".//option")
                chosen = [first[0].get("value", first[0].text or "")] if first else []
            data.setdefault(name, []).extend(chosen)
        elif element.tag == "textarea":
            data.setdefault(name, []).append((element.text or "").lstrip("\n"))
        elif kind in ("checkbox", "radio"):
            if element.get("checked") is not None:
                data.setdefault(name, []).append(element.get("value", "on"))
        elif kind in ("submit", "button", "file"):
            continue
        else:
            value = element.get("value", "")
            if kind == "date" and not _is_iso_date(value):
                value = ""
            data.setdefault(name, []).append(value)
    return data


def _is_iso_date(value: str) -> bool:
    parts = value.split("-")
    return (
        len(parts) == 3
        and [len(p) for p in parts] == [4, 2, 2]
        and value.replace("-", "").isdigit()
    )
