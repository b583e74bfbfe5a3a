"""Reading the text of the PDFs the site serves (pypdf), for assertions and the regression references (in
attendance/tests/data)."""

import io

from pypdf import PdfReader


def pdf_text(content):
    """The text of every page, whitespace normalised line by line."""
    reader = PdfReader(io.BytesIO(content))
    lines = []
    for page in reader.pages:
        for line in page.extract_text().splitlines():
            line = " ".join(line.split())
            if line:
                lines.append(line)
    return "\n".join(lines)
