"""Every table can be downloaded as CSV or XLSX.

Text that a spreadsheet would run as a formula (starting with =, +, -, @, or a tab or
carriage return) is prefixed with an apostrophe so that it stays text.
"""

import csv
import io
from decimal import Decimal

from django.http import HttpResponse
from openpyxl import Workbook

from scaffolding.core.downloads import neutralise

FORMATS = ("csv", "xlsx")


def table_response(filename: str, headers: list[str], rows, fmt: str) -> HttpResponse:
    clean_rows = [[neutralise(cell) for cell in row] for row in rows]
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(headers)
        writer.writerows(clean_rows)
        response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = filename[:31]
        sheet.append(headers)
        for row in clean_rows:
            sheet.append([float(c) if isinstance(c, Decimal) else c for c in row])
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        raise ValueError(f"unknown format {fmt!r}")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
