"""`manage.py load_reference_data`, the production set-up: reference data, editorial groups
and workflow; a second run adds what is missing and keeps what editors changed."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Page, Workflow

from cms.programme.models import GlossaryTerm, Topic
from cms.territories import loading
from cms.territories.models import Region, Town
from coeurdeville.editorial import EDITORS, MODERATORS, WORKFLOW

pytestmark = pytest.mark.django_db


def test_production_setup_creates_reference_data_groups_and_workflow(capsys):
    call_command("load_reference_data")

    assert Town.objects.count() == 245
    assert Topic.objects.count() == 8
    assert {EDITORS, MODERATORS} <= set(Group.objects.values_list("name", flat=True))
    moderators = Group.objects.get(name=MODERATORS)
    assert moderators.permissions.filter(codename="change_town").exists()
    workflow = Workflow.objects.get(name=WORKFLOW)
    assert workflow.active
    assert Page.get_first_root_node().get_workflow() == workflow
    out = capsys.readouterr().out
    assert "245 villes" in out
    assert WORKFLOW in out


def test_second_run_keeps_an_edited_town_and_refreshes_a_pristine_one(capsys, monkeypatch):
    # The first run loads an older data file, where Ajaccio had another population.
    real_rows = loading._rows

    def older_rows(name: str):
        for row in real_rows(name):
            if row.get("insee_com") == "2A004":
                row = {**row, "population_municipale": "2"}
            yield row

    monkeypatch.setattr(loading, "_rows", older_rows)
    call_command("load_reference_data")
    assert Town.objects.get(insee_code="2A004").population == 2
    edited = Town.objects.get(insee_code="79191")  # Niort
    edited.name = "Niort (nom corrigé par la modération)"
    edited.population = 1
    edited.save()

    monkeypatch.setattr(loading, "_rows", real_rows)
    call_command("load_reference_data")

    edited.refresh_from_db()
    assert edited.name == "Niort (nom corrigé par la modération)"
    assert edited.population == 1
    refreshed = Town.objects.get(insee_code="2A004")
    assert refreshed.population > 2
    assert refreshed.name == "Ajaccio"
    assert Town.objects.count() == 245
    assert "1 fiche modifiée dans l’administration a été conservée" in capsys.readouterr().out


def test_second_run_adds_missing_rows_and_keeps_edited_programme_rows():
    call_command("load_reference_data")
    GlossaryTerm.objects.filter(acronym="ORT").update(expansion="Définition revue")
    Town.objects.filter(insee_code="2A004").delete()
    region = Region.objects.get(code="94")
    region.name = "Corse (édité)"
    region.save()

    call_command("load_reference_data")

    assert GlossaryTerm.objects.get(acronym="ORT").expansion == "Définition revue"
    assert Town.objects.filter(insee_code="2A004").exists()
    assert Region.objects.get(code="94").name == "Corse (édité)"
    assert Group.objects.filter(name=EDITORS).count() == 1
    assert Workflow.objects.filter(name=WORKFLOW).count() == 1
