"""Demo case studies: the listing and fourteen projects of real towns of the programme,
described in `demo_data/casestudies.toml` (which says where their facts come from).

Every case study has the same body: its context, a picture, its project, the town's key
figures (population and convention date from the reference data) and its lesson.
"""

from collections.abc import Mapping
from typing import Any

from django.db.models import Q
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.images.models import Image

from cms.core.demo_builders import (
    Block,
    DemoContext,
    callout,
    child_page,
    demo_image,
    heading,
    image,
    key_figures,
    load_data,
    paragraph,
)
from cms.programme.models import Partner, Phase, Topic
from cms.territories.models import Town

from .models import CaseStudyIndexPage, CaseStudyPage, CaseStudyTag


def load_demo(context: DemoContext) -> None:
    """The « Retours d’expérience » listing and its case studies (programme and towns must
    be loaded first)."""
    data = load_data(__file__, "casestudies")
    index = child_page(context.home, CaseStudyIndexPage, **data["index"])
    studies = data["study"]
    towns = {
        town.insee_code: town
        for town in Town.objects.filter(insee_code__in=[study["insee"] for study in studies])
    }
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    phases = {phase.key: phase for phase in Phase.objects.all()}
    partners = {partner.slug: partner for partner in Partner.objects.all()}
    for study in studies:
        town = towns[study["insee"]]
        picture = demo_image(f"Retour d’expérience — {town.name}", study["colour"])
        context_html = study.get("context") or data["texts"][study["context_text"]]
        child_page(
            index,
            CaseStudyPage,
            study["slug"],
            title=study["title"],
            summary=study["summary"],
            listing_image=picture,
            published_on=study["published_on"],
            town=town,
            phase=phases.get(study["phase"]),
            year=study["year"],
            budget=study.get("budget"),
            financing_partners=[partners[slug] for slug in study["partners"] if slug in partners],
            other_financers=study.get("other_financers", ""),
            outcomes=study["outcomes"],
            body=_body(data["body"], study, context_html, town, picture),
            topics=[topics[slug] for slug in study["topics"]],
            tagged_items=[CaseStudyTag(tag=_tag(name)) for name in study["tags"]],
        )


def _tag(name: str) -> Tag:
    # slugify() drops « œ »: spell it out so « cœurs » gives « coeurs » in URLs.
    slug = slugify(name.replace("œ", "oe").replace("Œ", "Oe"))
    tag = Tag.objects.filter(Q(name__iexact=name) | Q(slug=slug)).first()
    return tag or Tag.objects.create(name=name, slug=slug)


def _body(
    wording: Mapping[str, str],
    study: Mapping[str, Any],
    context_html: str,
    town: Town,
    picture: Image,
) -> list[Block]:
    figures = []
    if town.population:
        population = f"{town.population:,}".replace(",", "\u202f")
        figures.append((population, wording["population_label"]))
    if town.convention_signed_on:
        figures.append((str(town.convention_signed_on.year), wording["convention_label"]))
    figures += [(item["figure"], item["label"]) for item in study.get("extra_figures", [])]
    blocks = [
        heading(wording["context_heading"]),
        paragraph(context_html),
        image(picture.pk, decorative=True),
        heading(wording["project_heading"]),
        paragraph(study["project"]),
    ]
    if figures:
        blocks.append(key_figures(wording["figures_title"].format(town=town.name), figures))
    blocks.append(callout(wording["lesson_title"], f"<p>{study['lesson']}</p>"))
    return blocks
