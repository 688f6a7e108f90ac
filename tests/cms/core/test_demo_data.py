"""The demo data files: every typed block they use becomes a valid StreamField value, and
every name they refer to (block type, document, page) is one the loaders can resolve."""

from pathlib import Path

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from wagtail.blocks import StreamBlock, StreamValue

from cms.core.blocks.registry import body_blocks as registered_blocks
from cms.core.demo_builders import BLOCK_SPECS, BlockRefs, body_blocks, load_data
from cms.resources.demo import VIDEO_URL, video_embed


def _data_files() -> list[tuple[str, str]]:
    files = []
    for app_config in apps.get_app_configs():
        for path in sorted((Path(app_config.path) / "demo_data").glob("*.toml")):
            files.append((str(Path(app_config.path) / "demo.py"), path.stem))
    return files


def _specs(value: object) -> list[dict]:
    """Every typed block (a table with a `type` key, inside a `body` list) in a data file."""
    found = []
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "body" and isinstance(item, list):
                found += [spec for spec in item if isinstance(spec, dict)]
            found += _specs(item)
    elif isinstance(value, list):
        for item in value:
            found += _specs(item)
    return found


def test_every_cms_app_with_a_demo_keeps_its_prose_in_a_data_file():
    apps_with_data = {Path(module).parent.name for module, _name in _data_files()}
    assert {"core", "home", "resources", "casestudies", "news", "measures"} <= apps_with_data


@pytest.mark.parametrize(("module", "name"), _data_files())
def test_data_file_uses_only_known_block_types_and_declared_documents(module, name):
    data = load_data(module, name)
    declared = {document["title"] for document in data.get("document", [])}
    specs = _specs(data)
    for spec in specs:
        assert spec["type"] in BLOCK_SPECS, (name, spec)
        if spec["type"] == "document":
            assert spec["document"] in declared, (name, spec["document"])


@pytest.mark.django_db
def test_each_typed_block_becomes_a_valid_streamfield_value(home_page):
    specs = [
        {"type": "heading", "text": "Titre"},
        {"type": "paragraph", "html": "<p>Texte</p>"},
        {"type": "bullets", "intro": "Liste :", "items": ["un ;", "deux."]},
        {"type": "callout", "title": "Encadré", "html": "<p>Texte</p>"},
        {"type": "quote", "text": "Citation", "author": "Une maire"},
        {"type": "image", "image": "Image d’essai", "colour": "vert", "alt_text": "Une place"},
        {"type": "document", "document": "Document d’essai", "title": "Télécharger"},
        {"type": "video", "title": "Vidéo", "url": VIDEO_URL, "transcript": "Texte"},
        {"type": "accordion", "items": [{"title": "Section", "body": "<p>Texte</p>"}]},
        {"type": "table", "caption": "Tableau", "rows": [["A", "B"], ["1", "2"]]},
        {"type": "key_figures", "title": "Chiffres", "figures": [{"figure": "1", "label": "un"}]},
        {
            "type": "links",
            "title": "Liens",
            "links": [
                {"label": "Accueil", "page": ""},
                {"label": "Ailleurs", "url": "https://a.fr"},
            ],
        },
    ]
    assert {spec["type"] for spec in specs} == set(BLOCK_SPECS)
    video_embed()  # the demo's cached oEmbed answer: nothing is fetched
    refs = BlockRefs(home_page, {"Document d’essai": ["Une ligne"]})
    raw = body_blocks(specs, refs)
    stream = StreamBlock(registered_blocks())
    value = StreamValue(stream, raw, is_lazy=True)
    try:
        stream.clean(value)
    except ValidationError as error:
        pytest.fail(f"invalid blocks: {error.block_errors}")
    assert [child.block_type for child in value] == [
        "heading",
        "paragraph",
        "paragraph",
        "callout",
        "quote",
        "image",
        "document",
        "video",
        "accordion",
        "table",
        "key_figures",
        "links",
    ]
    assert value[2].value.source == "<p>Liste :</p><ul><li>un ;</li><li>deux.</li></ul>"
    assert value[11].value["links"][0]["page"].pk == home_page.pk
    assert value[5].value["image"].contextual_alt_text == "Une place"
