"""Demo « Dispositifs »: the seven measures the ANCT lists for the programme
(programme.json `dispositifs_anct`), described from the seeds in `demo_data/measures.toml`:
the ORT from the 2018 regulatory measures, « Réinventons nos cœurs de ville » from the
Cerema convention and the shared data, the others from the ANCT programme page."""

from cms.core.demo_builders import (
    BlockRefs,
    DemoContext,
    body_blocks,
    child_page,
    demo_image,
    load_data,
)
from cms.programme.models import GlossaryTerm, Topic

from .models import MeasureIndexPage, MeasurePage


def load_demo(context: DemoContext) -> None:
    """« Dispositifs » and its seven measures (load the programme first for the topics and
    the glossary)."""
    data = load_data(__file__, "measures")
    index = child_page(context.home, MeasureIndexPage, **data["index"])
    refs = BlockRefs(context.home)
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    terms = {term.acronym: term for term in GlossaryTerm.objects.all()}
    for measure in data["measure"]:
        child_page(
            index,
            MeasurePage,
            measure["slug"],
            title=measure["title"],
            tagline=measure["tagline"],
            audiences=measure["audiences"],
            listing_image=demo_image(f"Dispositif — {measure['title']}", measure["colour"]),
            body=body_blocks(measure["body"], refs),
            topics=[topics[slug] for slug in measure["topics"] if slug in topics],
            acronyms=[terms[acronym] for acronym in measure["acronyms"] if acronym in terms],
        )
