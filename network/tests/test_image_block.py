"""The body's image is Wagtail's own ImageBlock (image, alternative text or "decorative") with a caption:
the page renders the alternative text, the admin refuses an image with neither, and migration network/0009 turned
the earlier flat blocks into this shape."""

import importlib
import io

import pytest
from bs4 import BeautifulSoup
from django.core.files.images import ImageFile
from django.utils import translation
from PIL import Image as PillowImage
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images import get_image_model

from network.blocks import BodyBlock
from network.models import StandardPage

MIGRATION = importlib.import_module("network.migrations.0011_image_block_with_alt_text")


@pytest.fixture
def image(db):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (40, 30), "teal").save(buffer, "PNG")
    return get_image_model().objects.create(title="Physics lab", file=ImageFile(buffer, name="lab.png"))


def page_with(homes, image, **image_block):
    value = {"image": {"image": image.pk, **image_block}, "caption": "The new laboratory"}
    page = StandardPage(title="About", slug="about-images", body=[{"type": "image", "value": value}])
    homes["kk"].add_child(instance=page)
    return page


@pytest.mark.parametrize(
    "block, alt",
    [
        ({"alt_text": "Pupils at the physics bench", "decorative": False}, "Pupils at the physics bench"),
        ({"alt_text": "", "decorative": True}, ""),
    ],
)
def test_the_page_shows_the_alternative_text_or_none_for_a_decorative_image(client, homes, image, block, alt):
    page = page_with(homes, image, **block)
    html = BeautifulSoup(client.get(page.url).content, "html.parser")
    figure = html.select_one("figure.block-image")
    assert figure.img["alt"] == alt
    assert figure.figcaption.get_text() == "The new laboratory"


def test_the_admin_refuses_an_image_with_neither_alternative_text_nor_decorative(image):
    block = BodyBlock().child_blocks["image"]
    value = block.to_python({"image": {"image": image.pk, "alt_text": "", "decorative": False}, "caption": ""})
    with translation.override("kk"), pytest.raises(StructBlockValidationError) as refused:
        block.clean(value)
    # What the editor reads under the field (site/locale_admin/kk translates Wagtail's message).
    assert refused.value.block_errors["image"].block_errors["alt_text"].messages == [
        "Суретке балама мәтін жазыңыз немесе оны тек безендіру үшін деп белгілеңіз"
    ]


def test_the_migration_nests_the_earlier_blocks_and_marks_those_without_alt_text_decorative():
    nest = MIGRATION.NestImageInWagtailImageBlock().apply
    described = nest({"image": 7, "alt_text": " A lesson ", "caption": "Grade 5"})
    assert described == {"image": {"image": 7, "alt_text": "A lesson", "decorative": False}, "caption": "Grade 5"}
    assert nest({"image": 8, "alt_text": "", "caption": ""}) == {
        "image": {"image": 8, "alt_text": "", "decorative": True},
        "caption": "",
    }
    assert nest(described) == described  # converting twice changes nothing
