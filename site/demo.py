"""The demo site, assembled from every installed app's own demo step.

Each app that has demo content holds a `demo.py` module exposing
`load_demo(context: DemoContext) -> None`. `manage.py load_demo` loads the reference data and
the editorial set-up, makes sure the home page exists, then calls each app's step in
INSTALLED_APPS order, then the steps they deferred. A new app adds its demo content by
adding its own `demo.py`: no central list to edit.
"""

import importlib
import importlib.util
from collections.abc import Callable, Iterator
from types import ModuleType

from django.apps import apps
from wagtail.models import Page

from cms.core.demo_builders import DemoContext
from cms.home.demo import ensure_home
from cms.home.models import HomePage

from .reference_data import ReferenceReport, load_reference_data

DemoStep = Callable[[DemoContext], None]


def demo_steps() -> Iterator[tuple[str, DemoStep]]:
    """`(app label, load_demo)` for every installed app with a `demo.py`, in INSTALLED_APPS
    order. A `demo.py` without `load_demo` is a mistake worth raising, not skipping."""
    for app_config in apps.get_app_configs():
        module_name = f"{app_config.name}.demo"
        if app_config.name == __package__ or importlib.util.find_spec(module_name) is None:
            continue
        module: ModuleType = importlib.import_module(module_name)
        yield app_config.label, module.load_demo


def build_demo_site(log: Callable[[str], None] = lambda message: None) -> ReferenceReport:
    """Reference data, editorial set-up, then every app's demo content. Idempotent: pages
    that exist are never overwritten."""
    report = load_reference_data()
    log(report.summary())
    context = DemoContext(home=ensure_home())
    for label, load_demo in demo_steps():
        load_demo(context)
        log(f"Démo chargée : {label}")
    for step in context.deferred:
        step()
    return report


def has_content() -> bool:
    """Whether the site already has pages under its home page (`load_demo --if-empty`)."""
    home = HomePage.objects.first()
    return home is not None and Page.objects.child_of(home).exists()
