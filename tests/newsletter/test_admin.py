"""Staff: the issue builder (pre-filled), preview, test send, schedule, stats, CSV import/export."""

import datetime
import email
from email import policy

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from newsletter import tasks
from newsletter.models import ConsentRecord, Delivery, Issue, Subscriber

from .conftest import make_subscribers

pytestmark = pytest.mark.django_db

ADMIN = "/admin/lettre-d-information"


def test_new_issue_is_prefilled_with_content_since_the_last_issue(
    admin_client, home_page, territories
):
    from cms.territories.models import Town

    last = Issue.objects.create(title="Précédent", slug="precedent", status=Issue.Status.SENT)
    Issue.objects.filter(pk=last.pk).update(sent_at=timezone.now() - datetime.timedelta(days=10))
    town = Town.objects.order_by("name").first()
    town.convention_signed_on = timezone.localdate() - datetime.timedelta(days=2)
    town.save()
    old = Town.objects.order_by("name")[1]
    old.convention_signed_on = timezone.localdate() - datetime.timedelta(days=40)
    old.save()
    response = admin_client.get("/admin/snippets/newsletter/issue/add/")
    assert response.status_code == 200
    html = response.content.decode()
    # The StreamField's value is in the page as JSON for the block editor.
    assert town.name in html
    assert old.name not in html
    from newsletter.prefill import prefill

    projects = [block.value["title"] for block in prefill(Issue()).projects]
    assert projects == [f"Convention signée : {town.name} ({town.department.name})"]


def test_preview_is_the_mail_html(admin_client, issue):
    response = admin_client.get(f"{ADMIN}/numero/{issue.pk}/apercu/")
    assert response.status_code == 200
    assert '<html lang="fr"' in response.content.decode()
    assert "sandbox" in response["Content-Security-Policy"]
    dashboard = admin_client.get(f"{ADMIN}/numero/{issue.pk}/").content.decode()
    assert "Aperçu du courriel" in dashboard
    assert f"{ADMIN}/numero/{issue.pk}/apercu/" in dashboard


def test_test_send_goes_to_the_chosen_addresses_only(admin_client, issue, smtpd):
    make_subscribers(3)
    admin_client.post(
        f"{ADMIN}/numero/{issue.pk}/test/", {"addresses": "relecture@anct.fr, chef@anct.fr"}
    )
    assert sorted(smtpd.recipients()) == ["chef@anct.fr", "relecture@anct.fr"]
    message = email.message_from_bytes(smtpd.messages[0][2], policy=policy.default)
    assert message["Subject"] == f"[TEST] {issue.title}"
    assert Issue.objects.get(pk=issue.pk).status == Issue.Status.DRAFT
    assert not Delivery.objects.exists()


@pytest.mark.parametrize(
    "addresses", ["", "pas-une-adresse", ",".join(f"a{i}@x.fr" for i in range(11)), "a\x00@x.fr"]
)
def test_bad_test_addresses_send_nothing(admin_client, issue, smtpd, addresses):
    response = admin_client.post(
        f"{ADMIN}/numero/{issue.pk}/test/", {"addresses": addresses}, follow=True
    )
    assert response.status_code == 200
    assert smtpd.messages == []


def test_send_button_twice_sends_once(admin_client, issue, smtpd):
    make_subscribers(4)
    admin_client.post(f"{ADMIN}/numero/{issue.pk}/envoyer/")
    second = admin_client.post(f"{ADMIN}/numero/{issue.pk}/envoyer/", follow=True)
    assert "rien n’a été relancé" in second.content.decode()
    assert len(smtpd.messages) == 4


def test_editors_without_permission_cannot_send(client, issue, django_user_model, smtpd):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user(email="lecteur@anct.fr", password="x" * 12)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    make_subscribers(2)
    # Wagtail answers a refused admin action with a redirect to the dashboard.
    refused = client.post(f"{ADMIN}/numero/{issue.pk}/envoyer/")
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    export = client.get(f"{ADMIN}/abonnes/export/")
    assert (export.status_code, export["Location"]) == (302, "/admin/")
    assert smtpd.messages == []
    assert Issue.objects.get(pk=issue.pk).status == Issue.Status.DRAFT


def test_anonymous_cannot_reach_admin_views(client, issue):
    response = client.get(f"{ADMIN}/numero/{issue.pk}/apercu/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_scheduled_issue_is_sent_once_by_the_beat_even_after_an_outage(admin_client, issue, smtpd):
    make_subscribers(3)
    issue.scheduled_at = timezone.now() - datetime.timedelta(hours=5)  # missed during an outage
    issue.save()
    admin_client.post(f"{ADMIN}/numero/{issue.pk}/programmer/")
    assert Issue.objects.get(pk=issue.pk).status == Issue.Status.SCHEDULED
    assert tasks.dispatch_due() == [issue.pk]
    assert tasks.dispatch_due() == []  # the next tick fires nothing
    assert len(smtpd.messages) == 3


def test_future_schedule_waits(issue, smtpd):
    make_subscribers(1)
    Issue.objects.filter(pk=issue.pk).update(
        status=Issue.Status.SCHEDULED, scheduled_at=timezone.now() + datetime.timedelta(days=1)
    )
    assert tasks.dispatch_due() == []
    assert smtpd.messages == []


def test_schedule_without_date_takes_the_monthly_slot(admin_client, issue):
    from newsletter.models import NewsletterSchedule

    schedule = NewsletterSchedule.load()
    schedule.day_of_month, schedule.hour = 5, 9
    schedule.save()
    admin_client.post(f"{ADMIN}/numero/{issue.pk}/programmer/")
    issue.refresh_from_db()
    local = timezone.localtime(issue.scheduled_at)
    assert (local.day, local.hour) == (5, 9)
    assert issue.scheduled_at > timezone.now()


def test_stats_page_has_figures_and_a_chart_without_script(admin_client, issue, smtpd):
    make_subscribers(3)
    admin_client.post(f"{ADMIN}/numero/{issue.pk}/envoyer/")
    html = admin_client.get(f"{ADMIN}/statistiques/").content.decode()
    assert "<svg" in html
    assert issue.title in html
    assert "3 envoyés" in html


def test_import_keeps_good_rows_and_reports_rejected_ones(admin_client, programme):
    Subscriber.objects.create(email="partie@exemple.fr", status=Subscriber.Status.UNSUBSCRIBED)
    csv = (
        b"email;date_consentement;preuve;themes\n"
        b"bonne@exemple.fr;2026-03-01;formulaire salon des maires 2026;habitat\n"
        b"sans-preuve@exemple.fr;2026-03-01;;\n"
        b"pas-une-adresse;2026-03-01;formulaire;\n"
        b"futur@exemple.fr;2099-01-01;formulaire;\n"
        b"partie@exemple.fr;2026-03-01;formulaire;\n"
        b"=HYPERLINK(1)@x.fr;2026-03-01;formulaire;\n"
    )
    response = admin_client.post(
        f"{ADMIN}/abonnes/import/", {"fichier": SimpleUploadedFile("abonnes.csv", csv, "text/csv")}
    )
    html = response.content.decode()
    assert "1 adresse importée" in html
    for line in (3, 4, 5, 6, 7):
        assert f"Ligne {line} :" in html
    imported = Subscriber.objects.get(email="bonne@exemple.fr")
    assert imported.status == Subscriber.Status.ACTIVE
    assert [t.slug for t in imported.topics.all()] == ["habitat"]
    record = ConsentRecord.objects.get(email="bonne@exemple.fr")
    assert record.kind == ConsentRecord.Kind.IMPORTED
    assert record.proof == "formulaire salon des maires 2026"
    assert (
        Subscriber.objects.get(email="partie@exemple.fr").status == Subscriber.Status.UNSUBSCRIBED
    )


def test_import_of_an_unusable_file_changes_nothing(admin_client):
    response = admin_client.post(
        f"{ADMIN}/abonnes/import/",
        {"fichier": SimpleUploadedFile("x.csv", b"\xff\xfe\x00garbage", "text/csv")},
    )
    assert response.status_code == 400
    assert (
        "Colonnes manquantes" in response.content.decode() or "lisible" in response.content.decode()
    )
    assert not Subscriber.objects.exists()


def test_export_streams_every_subscriber_and_defuses_formulas(admin_client):
    make_subscribers(3)
    Subscriber.objects.create(email="=cmd@exemple.fr", status=Subscriber.Status.ACTIVE)
    response = admin_client.get(f"{ADMIN}/abonnes/export/")
    body = b"".join(response.streaming_content).decode()
    lines = body.strip().splitlines()
    assert lines[0].lstrip("\ufeff").startswith("email,statut")
    assert len(lines) == 5
    assert "'=cmd@exemple.fr" in body


def test_consent_records_are_read_only_in_the_admin(admin_client):
    (subscriber,) = make_subscribers(1)
    record = ConsentRecord.objects.create(
        subscriber=subscriber, kind="imported", email=subscriber.email, wording_version="x"
    )
    assert admin_client.get("/admin/snippets/newsletter/consentrecord/").status_code == 200
    assert admin_client.get(
        f"/admin/snippets/newsletter/consentrecord/edit/{record.pk}/"
    ).status_code in {302, 403}
    assert admin_client.get("/admin/snippets/newsletter/consentrecord/add/").status_code in {
        302,
        403,
    }
    assert admin_client.get("/admin/snippets/newsletter/subscriber/add/").status_code in {302, 403}


def test_a_sent_issue_can_no_longer_be_edited(admin_client, issue):
    Issue.objects.filter(pk=issue.pk).update(status=Issue.Status.SENT, sent_at=timezone.now())
    response = admin_client.get(f"/admin/snippets/newsletter/issue/edit/{issue.pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"{ADMIN}/numero/{issue.pk}/"
    changed = admin_client.post(
        f"/admin/snippets/newsletter/issue/edit/{issue.pk}/", {"title": "Falsifié", "slug": "x"}
    )
    assert changed.status_code == 302
    assert Issue.objects.get(pk=issue.pk).title == issue.title
