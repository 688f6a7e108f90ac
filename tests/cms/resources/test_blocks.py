"""The StreamField blocks every article-like page uses: labels, validation and DSFR markup."""

import re

import pytest
from django.core.exceptions import ValidationError
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from cms.core.block_migrations import ImageToFigureOperation
from cms.core.blocks.layout import AccordionBlock, KeyFiguresBlock, TableBlock
from cms.core.blocks.links import LinkBlock, LinksBlock
from cms.core.blocks.media import DocumentBlock, FigureBlock, VideoBlock
from cms.core.blocks.registry import body_blocks
from cms.core.blocks.text import CalloutBlock, HeadingBlock, ParagraphBlock, QuoteBlock
from cms.core.demo_builders import demo_pdf
from tests.factories import ImageFactory

from .factories import make_index, make_resource

VIDEO_URL = "https://www.youtube.com/watch?v=PsLKm2_rzH4"


def render(block, raw: dict | str) -> str:
    return str(block.render(block.to_python(raw)))


@pytest.fixture
def cached_video(db):
    """Wagtail reads embeds from this table first: no provider is ever asked in tests."""
    return Embed.objects.create(
        hash=get_embed_hash(VIDEO_URL),
        url=VIDEO_URL,
        type="video",
        provider_name="YouTube",
        html='<iframe title="Présentation" width="560" height="315" '
        'src="https://www.youtube.com/embed/PsLKm2_rzH4?feature=oembed" allowfullscreen>'
        "</iframe>",
        width=560,
        height=315,
    )


@pytest.fixture(autouse=True)
def _no_embed_fetching(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("an embed provider was asked over the network")

    monkeypatch.setattr("wagtail.embeds.embeds.get_finder_for_embed", refuse)


def video_value(title: str = "Action cœur de ville en vidéo") -> dict:
    return {
        "title": title,
        "video": VIDEO_URL,
        "transcript": "<p>Le plan national répond à une double ambition.</p>",
    }


def test_every_block_has_a_french_label_and_a_description():
    for name, block in body_blocks():
        assert block.label, name
        assert block.label[0].isupper(), name
        assert block.meta.description, name


def test_heading_uses_the_chosen_level():
    assert render(HeadingBlock(), {"text": "Les périmètres", "level": "h3"}).strip() == (
        '<h3 class="fr-mt-4w">Les périmètres</h3>'
    )
    assert render(HeadingBlock(), {"text": "Les axes", "level": "h4"}).startswith("<h4")


def test_paragraph_keeps_the_restricted_rich_text():
    block = ParagraphBlock()
    assert not {"h2", "h3", "image", "embed"} & set(block.features)
    html = render(block, "<p>Un <b>programme</b> national.</p>")
    assert '<div class="cdv-richtext"><p>Un <b>programme</b> national.</p></div>' in html


def _figure(image_id: int, alt_text: str = "", decorative: bool = False, caption: str = "") -> dict:
    return {
        "image": {"image": image_id, "alt_text": alt_text, "decorative": decorative},
        "caption": caption,
    }


@pytest.mark.django_db
def test_image_has_its_alt_text_and_caption():
    image = ImageFactory()
    html = render(FigureBlock(), _figure(image.pk, "Une place rénovée", caption="La place"))
    assert 'alt="Une place rénovée"' in html
    assert '<figcaption class="fr-content-media__caption">La place</figcaption>' in html
    assert 'class="fr-responsive-img"' in html
    assert ".webp" in html


@pytest.mark.django_db
def test_decorative_image_has_an_empty_alt():
    image = ImageFactory()
    html = render(FigureBlock(), _figure(image.pk, "ignoré", decorative=True))
    assert 'alt=""' in html
    assert "ignoré" not in html


@pytest.mark.django_db
def test_image_without_alt_text_of_its_own_falls_back_to_the_image_description():
    described = ImageFactory(title="IMG_2041", description="La halle couverte rénovée d’Albi")
    html = render(FigureBlock(), _figure(described.pk))
    assert 'alt="La halle couverte rénovée d’Albi"' in html
    assert "IMG_2041" not in html
    own = render(FigureBlock(), _figure(described.pk, "Le marché du samedi"))
    assert 'alt="Le marché du samedi"' in own
    decorative = render(FigureBlock(), _figure(described.pk, decorative=True))
    assert 'alt=""' in decorative
    assert "halle" not in decorative


@pytest.mark.django_db
def test_image_without_alt_text_must_be_marked_decorative():
    block = FigureBlock()
    image = ImageFactory()
    with pytest.raises(ValidationError):
        block.clean(block.to_python(_figure(image.pk, "")))
    assert block.clean(block.to_python(_figure(image.pk, decorative=True)))
    assert block.clean(block.to_python(_figure(image.pk, "Une halle")))


@pytest.mark.django_db
def test_former_image_blocks_are_migrated_to_wagtail_image_block(home_page):
    image = ImageFactory()
    former = {"image": image.pk, "alt_text": "Une halle", "decorative": False, "caption": "Albi"}
    migrated = ImageToFigureOperation().apply(former)
    assert migrated == _figure(image.pk, "Une halle", caption="Albi")
    assert ImageToFigureOperation().apply(migrated) == migrated
    html = render(FigureBlock(), migrated)
    assert 'alt="Une halle"' in html
    assert "Albi</figcaption>" in html


@pytest.mark.django_db
def test_document_shows_its_format_and_size():
    document = demo_pdf("Guide des périmètres", ["Périmètre d’étude", "Secteurs prioritaires"])
    html = render(
        DocumentBlock(),
        {"document": document.pk, "title": "", "description": "Les trois échelles du projet."},
    )
    assert '<div class="fr-download fr-my-3w">' in html
    assert f'href="{document.url}" download class="fr-download__link">Guide des périmètres' in html
    detail = re.search(r'<span class="fr-download__detail">([^<]+)</span>', html).group(1)
    assert re.fullmatch(r"PDF – [\d,]+\s(octets|Kio|ko|Ko)", detail), detail
    assert '<p class="fr-download__desc">Les trois échelles du projet.</p>' in html


@pytest.mark.django_db
def test_video_plays_from_the_cookieless_player_with_a_transcript(cached_video):
    html = render(VideoBlock(), video_value())
    assert (
        '<iframe title="Action cœur de ville en vidéo" class="fr-responsive-vid" '
        'src="https://www.youtube-nocookie.com/embed/PsLKm2_rzH4?feature=oembed"'
    ) in html
    assert '<div class="fr-transcription">' in html
    button = re.search(
        r'<button type="button" class="fr-transcription__btn" '
        r'aria-expanded="false" aria-controls="([^"]+)">',
        html,
    )
    assert button
    assert f'<div class="fr-collapse" id="{button.group(1)}">' in html
    assert "Le plan national répond à une double ambition." in html


@pytest.mark.django_db
def test_video_from_an_unframable_host_becomes_a_link(db):
    url = "https://videos.example.org/v/42"
    Embed.objects.create(
        hash=get_embed_hash(url),
        url=url,
        type="video",
        html='<iframe src="https://videos.example.org/embed/42"></iframe>',
    )
    html = render(VideoBlock(), {**video_value("Inauguration"), "video": url})
    assert "<iframe" not in html
    assert f'<a class="fr-link" href="{url}" rel="noopener external">' in html
    assert "Transcription" in html


def test_video_block_requires_a_transcript():
    assert VideoBlock().child_blocks["transcript"].required


def test_accordion_ties_each_button_to_its_panel():
    html = render(
        AccordionBlock(),
        {
            "heading_level": "h2",
            "items": [
                {"title": "Le comité de projet", "body": "<p>Il valide la stratégie.</p>"},
                {"title": "L’équipe de projet", "body": "<p>Elle suit le projet.</p>"},
            ],
        },
    )
    controls = re.findall(
        r'<button type="button" class="fr-accordion__btn" '
        r'aria-expanded="false" aria-controls="([^"]+)">',
        html,
    )
    assert len(controls) == len(set(controls)) == 2
    for control in controls:
        assert f'<div class="fr-collapse" id="{control}">' in html
    assert '<h2 class="fr-accordion__title">' in html


def test_table_has_its_caption_and_header_scopes():
    html = render(
        TableBlock(),
        {
            "data": [
                ["Partenaire", "Engagement"],
                ["Action Logement", "1,5 Md€"],
                ["Anah", "1,2 Md€"],
            ],
            "table_caption": "Engagements des partenaires",
            "table_header_choice": "both",
            "first_row_is_table_header": True,
            "first_col_is_header": True,
        },
    )
    assert '<div class="fr-table fr-table--multiline fr-my-4w">' in html
    assert "<caption>Engagements des partenaires</caption>" in html
    assert '<th scope="col" >Partenaire</th>' in html
    assert '<th scope="row" >Action Logement</th>' in html
    assert "<td >1,5 Md€</td>" in html


def test_table_without_caption_is_rejected():
    block = TableBlock()
    with pytest.raises(ValidationError):
        block.clean({"data": [["a"]], "table_caption": "", "table_header_choice": "row"})


def test_quote_callout_and_key_figures():
    quote = render(
        QuoteBlock(),
        {
            "text": "Une convention vivante et modulaire.",
            "author": "Préfecture du Pas-de-Calais",
            "role": "2018",
        },
    )
    assert '<figure class="fr-quote fr-my-4w">' in quote
    assert "<blockquote><p>« Une convention vivante et modulaire. »</p></blockquote>" in quote
    assert '<p class="fr-quote__author">Préfecture du Pas-de-Calais</p>' in quote

    callout = render(CalloutBlock(), {"title": "Bon à savoir", "text": "<p>L’ORT vaut…</p>"})
    assert '<div class="fr-callout fr-my-4w">' in callout
    assert '<p class="fr-callout__title">Bon à savoir</p>' in callout

    figures = render(
        KeyFiguresBlock(),
        {
            "title": "En chiffres",
            "figures": [
                {"figure": "245", "label": "communes"},
                {"figure": "5 Md€", "label": "sur cinq ans"},
            ],
        },
    )
    assert '<h2 class="fr-h4">En chiffres</h2>' in figures
    assert '<span class="cdv-key-figure__value">245</span>' in figures


@pytest.mark.django_db
def test_links_point_to_pages_and_announce_external_sites(home_page):
    target = make_resource(make_index(home_page), "Fiche ORT")
    html = render(
        LinksBlock(),
        {
            "title": "Pour aller plus loin",
            "links": [
                {"label": "La fiche ORT", "page": target.pk, "url": ""},
                {
                    "label": "Le ministère",
                    "page": None,
                    "url": "https://www.cohesion-territoires.gouv.fr/",
                },
            ],
        },
    )
    assert f'<a class="fr-link" href="{target.url}">La fiche ORT</a>' in html
    assert (
        'href="https://www.cohesion-territoires.gouv.fr/" rel="noopener external">Le ministère'
        '<span class="fr-sr-only"> (site externe)</span>'
    ) in html


@pytest.mark.django_db
def test_link_needs_exactly_one_target(home_page):
    block = LinkBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"label": "Rien", "page": None, "url": ""}))
    with pytest.raises(ValidationError):
        block.clean(
            block.to_python(
                {"label": "Les deux", "page": home_page.pk, "url": "https://example.org/"}
            )
        )


@pytest.mark.django_db
def test_ids_stay_unique_when_blocks_repeat_on_a_page(client, home_page, cached_video):
    accordion = {
        "type": "accordion",
        "value": {
            "heading_level": "h2",
            "items": [{"title": "Question", "body": "<p>Réponse.</p>"}],
        },
    }
    video = {"type": "video", "value": video_value()}
    page = make_resource(
        make_index(home_page), "Blocs répétés", body=[accordion, video, accordion, video]
    )
    html = client.get(page.url).content.decode()
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    for target in re.findall(r'aria-controls="([^"]+)"', html):
        assert target in ids
    assert html.count('class="fr-accordion__btn"') == 2
    assert html.count('class="fr-transcription__btn"') == 2


def test_main_blocks_have_a_description_and_a_preview_that_renders():
    previewed = set()
    for name, block in body_blocks():
        block.set_name(name)
        assert block.meta.description, name
        if getattr(block.meta, "preview_value", None) is not None:
            html = block.render(block.get_preview_value())
            assert html.strip(), name
            previewed.add(name)
    assert {"heading", "paragraph", "quote", "callout", "accordion", "key_figures"} <= previewed
