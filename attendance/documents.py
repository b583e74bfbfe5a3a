"""The PDFs: participation certificates and councils' conclusions, each with its number, verification URL and QR code.

fpdf2 (pure Python, installs with pip alone) writes the PDF; segno draws the QR code; the DejaVu Sans fonts ship in
attendance/fonts/ (licence beside them) so that Kazakh letters (ә ғ қ ң ө ұ ү һ і) print on a bare machine. The PDF is
drawn when it is asked for, from what the Certificate row froze at issue: nothing to store, nothing to go stale.
Call these inside translation.override(<the document's language>).
"""

import io
from pathlib import Path

import segno
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from fpdf import FPDF

from workflows.display import name_places
from workflows.notifications import absolute

FONTS = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVu"
INK = (20, 40, 80)
GREY = (90, 90, 90)


def verification_url(certificate):
    return absolute(reverse("attendance:verify", args=[certificate.number]))


def local_date(value):
    return formats.date_format(timezone.localtime(value), "DATE_FORMAT") if value else ""


class Document(FPDF):
    def __init__(self, orientation):
        super().__init__(orientation=orientation, unit="mm", format="A4")
        self.add_font(FONT, "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.set_auto_page_break(False)
        self.set_creator("Leading Schools network")
        self.add_page()

    def text_line(self, text, size=12, style="", colour=INK, align="C", height=None, gap=0):
        self.set_font(FONT, style, size)
        self.set_text_color(*colour)
        self.multi_cell(0, height or size * 0.55, text, align=align, new_x="LMARGIN", new_y="NEXT")
        if gap:
            self.ln(gap)

    def facts(self, rows, label_width=60, size=11, x=None):
        """Label and value side by side, each row as tall as the taller of the two."""
        x = self.l_margin if x is None else x
        line = size * 0.55
        value_width = self.w - self.r_margin - x - label_width
        for label, value in rows:
            if not value:
                continue
            y = self.get_y()
            self.set_font(FONT, "", size)
            label_lines = len(self.multi_cell(label_width - 2, line, label, dry_run=True, output="LINES"))
            self.set_text_color(*GREY)
            self.set_xy(x, y)
            self.multi_cell(label_width - 2, line, label, align="L")
            self.set_font(FONT, "B", size)
            value_lines = len(self.multi_cell(value_width, line, str(value), dry_run=True, output="LINES"))
            self.set_text_color(*INK)
            self.set_xy(x + label_width, y)
            self.multi_cell(value_width, line, str(value), align="L")
            self.set_y(y + max(label_lines, value_lines) * line + 1.5)

    def verification(self, certificate, x, y, size=32):
        """The QR code with the number and the address beside it, at (x, y)."""
        url = verification_url(certificate)
        image = io.BytesIO()
        segno.make(url, error="m").save(image, kind="png", scale=8, border=2)
        image.seek(0)
        self.image(image, x=x, y=y, w=size, h=size)
        self.set_xy(x + size + 3, y + 4)
        self.set_font(FONT, "", 9)
        self.set_text_color(*GREY)
        self.multi_cell(120, 4.5, _("Document number"), new_x="LEFT", new_y="NEXT")
        self.set_font(FONT, "B", 12)
        self.set_text_color(*INK)
        self.multi_cell(120, 6, certificate.number, new_x="LEFT", new_y="NEXT")
        self.set_font(FONT, "", 9)
        self.set_text_color(*GREY)
        self.multi_cell(120, 4.5, _("Check that this document is genuine:"), new_x="LEFT", new_y="NEXT")
        self.multi_cell(120, 4.5, url, new_x="LEFT", new_y="NEXT", link=url)

    def output_bytes(self):
        return bytes(self.output())


def certificate_pdf(certificate, event):
    """A participation certificate (A4 landscape). `event` is the event page in the document's language."""
    pdf = Document("L")
    heading = _("Certificate of participation")
    pdf.set_title(f"{heading} {certificate.number}")
    pdf.set_draw_color(*INK)
    pdf.set_line_width(1.2)
    pdf.rect(8, 8, pdf.w - 16, pdf.h - 16)
    pdf.set_line_width(0.3)
    pdf.rect(11, 11, pdf.w - 22, pdf.h - 22)
    pdf.set_margins(25, 22, 25)
    pdf.set_y(22)
    pdf.text_line(_("Leading Schools network"), size=12, colour=GREY, gap=6)
    pdf.text_line(heading.upper(), size=26, style="B", gap=8)
    pdf.text_line(_("This certificate is awarded to"), size=12, colour=GREY, gap=2)
    pdf.text_line(certificate.holder_name, size=22, style="B", gap=4)
    pdf.text_line(_("for taking part in the event"), size=12, colour=GREY, gap=2)
    pdf.text_line(f"«{event.title}»", size=15, style="B", gap=8)
    school = event.school.title if event.school_id and event.school else ""
    pdf.facts(
        [
            (_("Kind of event"), capfirst(event.get_kind_display())),
            (_("Date"), local_date(certificate.event_start or event.start)),
            (_("Hours"), certificate.hours),
            (_("Organising school"), school),
            (_("Issued"), local_date(certificate.issued_at)),
        ],
        label_width=60,
        x=70,
    )
    pdf.verification(certificate, x=25, y=pdf.h - 58)
    return pdf.output_bytes()


def conclusion_pdf(certificate, submission, decision, council):
    """The council's conclusion on an approved dissemination (A4 portrait), in the submission's language."""
    pdf = Document("P")
    heading = _("Conclusion")
    pdf.set_title(f"{heading} {certificate.number}")
    pdf.set_margins(22, 20, 22)
    pdf.set_y(20)
    pdf.text_line(_("Leading Schools network"), size=10, colour=GREY, gap=4)
    pdf.text_line(heading.upper(), size=18, style="B", gap=2)
    pdf.text_line(council, size=12, gap=6)
    date = formats.date_format(submission.protocol_date, "DATE_FORMAT") if submission.protocol_date else ""
    pdf.text_line(
        _(
            "On the basis of the protocol of the council meeting № %(number)s of %(date)s, the council has decided to "
            "approve the dissemination of the innovative pedagogical experience:"
        )
        % {"number": submission.protocol_number, "date": date},
        size=11,
        align="J",
        gap=4,
    )
    # The school and region as the conclusion's language names them (the submission keeps the Kazakh pages).
    name_places([submission])
    organisation = submission.partner_school.name if submission.partner_school_id else submission.school_name
    if submission.region_id:
        organisation = f"{organisation}, {submission.region_name}"
    pdf.facts(
        [
            (_("Title"), submission.title),
            (_("Authors"), certificate.holder_name),
            (_("Organisation"), organisation),
            (_("Qualification category sought"), submission.get_category_display()),
            (_("Kind of result"), submission.get_result_kind_display()),
            (_("Dissemination level"), submission.get_level_display()),
            (
                _("Required coverage"),
                _("at least %(count)s %(unit)s")
                % {"count": submission.required_coverage, "unit": submission.get_coverage_unit_display()},
            ),
        ],
        label_width=62,
        size=10.5,
    )
    if submission.conclusion:
        pdf.ln(2)
        pdf.text_line(submission.conclusion, size=11, align="J", gap=4)
    chair = ""
    if decision and decision.actor:
        chair = decision.actor.get_full_name() or decision.actor.get_username()
    pdf.ln(8)
    chair_label = _("Chair of the council")
    pdf.text_line(f"{chair_label} ____________________ {chair}", size=11, align="L", gap=2)
    pdf.text_line(local_date(submission.decided_at), size=11, align="L")
    pdf.verification(certificate, x=22, y=pdf.h - 52)
    return pdf.output_bytes()
