"""Staff import and export of subscribers as CSV.

An import needs proof of consent for every row (when and where the person agreed); rows
without it, or with a bad address, are rejected and reported with their line number, and
the good rows are kept. Imported addresses are active at once: the proof replaces the
double opt-in, and is stored in the consent record.
"""

import csv
import datetime
import io
from dataclasses import dataclass, field

from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from cms.programme.models import Topic

from .consent import CONSENT_WORDINGS, CURRENT_CONSENT_VERSION
from .models import ConsentRecord, Subscriber

REQUIRED = ("email", "date_consentement", "preuve")
MAX_ROWS = 200_000
EXPORT_HEADER = ["email", "statut", "inscrit_le", "confirme_le", "desabonne_le", "themes"]


@dataclass
class ImportReport:
    created: int = 0
    already: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)


def _consent_time(value: str) -> datetime.datetime | None:
    value = value.strip()
    moment = parse_datetime(value)
    if moment is None:
        day = parse_date(value)
        if day is None:
            return None
        moment = datetime.datetime.combine(day, datetime.time(12))
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValueError("Le fichier n’est pas un CSV lisible (encodage UTF-8 attendu).")


def import_subscribers(data: bytes, *, imported_by: str) -> ImportReport:
    """Import the file's good rows; raise ValueError (French) if the file itself is unusable."""
    text = _decode(data).replace("\x00", "")
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    headers = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [name for name in REQUIRED if name not in headers]
    if missing:
        raise ValueError(
            "Colonnes manquantes : " + ", ".join(missing) + ". Colonnes attendues : "
            "email, date_consentement, preuve (et facultatif : source, version, themes)."
        )
    reader.fieldnames = headers
    topics = {t.slug: t.pk for t in Topic.objects.all()}
    report = ImportReport()
    now = timezone.now()
    for line, row in enumerate(reader, start=2):
        if line > MAX_ROWS + 1:
            report.rejected.append((line, f"au-delà de {MAX_ROWS} lignes : non traité"))
            break
        row = {k: (v or "").strip() if isinstance(v, str) else "" for k, v in row.items() if k}
        error = _row_error(row, now)
        if error:
            report.rejected.append((line, error))
            continue
        email = row["email"].lower()
        version = row.get("version") or CURRENT_CONSENT_VERSION
        with transaction.atomic():
            subscriber, created = Subscriber.objects.select_for_update().get_or_create(email=email)
            if subscriber.status in {Subscriber.Status.ACTIVE, Subscriber.Status.SUPPRESSED}:
                report.already += 1
                continue
            if subscriber.status == Subscriber.Status.UNSUBSCRIBED and not created:
                report.rejected.append(
                    (line, "adresse désabonnée : seule une nouvelle inscription peut la réabonner")
                )
                continue
            consented_at = _consent_time(row["date_consentement"])
            ConsentRecord.objects.create(
                subscriber=subscriber,
                kind=ConsentRecord.Kind.IMPORTED,
                email=email,
                recorded_at=consented_at,
                wording_version=version,
                source=(row.get("source") or f"import par {imported_by}")[:500],
                proof=row["preuve"][:2000],
            )
            subscriber.status = Subscriber.Status.ACTIVE
            subscriber.confirmed_at = consented_at
            subscriber.save(update_fields=["status", "confirmed_at"])
            slugs = [s.strip() for s in row.get("themes", "").split("|") if s.strip()]
            subscriber.topics.set([topics[s] for s in slugs if s in topics])
            report.created += 1
    return report


def _row_error(row: dict[str, str], now: datetime.datetime) -> str:
    email = row.get("email", "")
    if not email:
        return "adresse manquante"
    if len(email) > 254 or not email.isascii():
        return "adresse non valide"
    try:
        validate_email(email)
    except Exception:
        return "adresse non valide"
    if not row.get("preuve"):
        return "preuve du consentement manquante"
    moment = _consent_time(row.get("date_consentement", ""))
    if moment is None:
        return "date du consentement manquante ou illisible (AAAA-MM-JJ attendu)"
    if moment > now:
        return "date du consentement dans le futur"
    version = row.get("version")
    if version and version not in CONSENT_WORDINGS:
        return f"version du texte de consentement inconnue : {version[:40]}"
    return ""


def _cell(value: str) -> str:
    # Spreadsheets run cells starting with these characters as formulas.
    return "'" + value if value[:1] in {"=", "+", "-", "@", "\t", "\r"} else value


def export_rows():
    """The export, one CSV line at a time (streamed: flat memory at 10⁵ subscribers)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def line(values: list[str]) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([_cell(v) for v in values])
        return buffer.getvalue()

    yield "\ufeff" + line(EXPORT_HEADER)
    subscribers = Subscriber.objects.order_by("pk").prefetch_related("topics")
    for subscriber in subscribers.iterator(chunk_size=2000):
        yield line(
            [
                subscriber.email,
                subscriber.status,
                _iso(subscriber.created_at),
                _iso(subscriber.confirmed_at),
                _iso(subscriber.unsubscribed_at),
                "|".join(t.slug for t in subscriber.topics.all()),
            ]
        )


def _iso(value: datetime.datetime | None) -> str:
    return value.isoformat(timespec="seconds") if value else ""
