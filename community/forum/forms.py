"""Forms for writing posts: French messages, limits on length, files and mentions."""

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from cms.programme.models import Topic as ProgrammeTopic

from . import mentions
from .town_field import TownField

MAX_BODY = 20_000
MAX_FILES = 3
MAX_FILE_SIZE = 10 * 1024 * 1024
# Extension → (content type served, leading bytes that a real file of that type starts with).
ALLOWED_FILES: dict[str, tuple[str, tuple[bytes, ...]]] = {
    "pdf": ("application/pdf", (b"%PDF-",)),
    "png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "webp": ("image/webp", (b"RIFF",)),
    "odt": ("application/vnd.oasis.opendocument.text", (b"PK\x03\x04",)),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", (b"PK\x03\x04",)),
    "odp": ("application/vnd.oasis.opendocument.presentation", (b"PK\x03\x04",)),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (b"PK\x03\x04",),
    ),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        (b"PK\x03\x04",),
    ),
    "pptx": (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        (b"PK\x03\x04",),
    ),
}
ALLOWED_LABEL = "PDF, PNG, JPEG, WebP, ODT, ODS, ODP, DOCX, XLSX ou PPTX"


def clean_text(value: str) -> str:
    """NUL and other control characters have no place in a post."""
    return "".join(ch for ch in value if ch in "\n\t" or ch >= " ").replace("\r", "")


def checked_type(upload: UploadedFile) -> str:
    """The content type of an allowed upload, or a French ValidationError."""
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if extension not in ALLOWED_FILES:
        raise forms.ValidationError(
            f"« {upload.name[:80]} » : ce type de fichier n’est pas accepté ({ALLOWED_LABEL})."
        )
    if upload.size > MAX_FILE_SIZE:
        raise forms.ValidationError(f"« {upload.name[:80]} » dépasse la taille maximale de 10 Mo.")
    content_type, signatures = ALLOWED_FILES[extension]
    head = upload.read(16)
    upload.seek(0)
    if not head.startswith(signatures):
        raise forms.ValidationError(
            f"« {upload.name[:80]} » ne correspond pas à un fichier {extension.upper()} valide."
        )
    return content_type


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"class": "fr-upload"}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


class PostForm(forms.Form):
    body = forms.CharField(
        label="Message",
        help_text=(
            "Mise en forme : **gras**, *italique*, listes (« - »), [lien](https://…), "
            "> citation, `code`. Mentionnez un membre avec @prenom.nom."
        ),
        widget=forms.Textarea(attrs={"rows": 10, "class": "fr-input"}),
        error_messages={"required": "Le message est vide : écrivez quelque chose avant d’envoyer."},
    )
    attachments = MultipleFileField(
        label="Pièces jointes",
        required=False,
        help_text=f"3 fichiers au plus, 10 Mo chacun : {ALLOWED_LABEL}.",
    )
    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, allow_files: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not allow_files:
            del self.fields["attachments"]
        self.mentioned: dict[str, list[Any]] = {}

    def clean_body(self) -> str:
        body = clean_text(self.cleaned_data["body"]).strip()
        if not body:
            raise forms.ValidationError(
                "Le message est vide : écrivez quelque chose avant d’envoyer."
            )
        if len(body) > MAX_BODY:
            raise forms.ValidationError(
                f"Le message est trop long ({len(body)} caractères) : {MAX_BODY} au plus."
            )
        found, missing = mentions.resolve(mentions.mentioned_handles(body))
        if missing:
            names = ", ".join(f"@{handle}" for handle in missing)
            raise forms.ValidationError(
                f"Aucun membre ne correspond à {names}. Vérifiez l’orthographe (@prenom.nom)."
            )
        self.mentioned = found
        return body

    def clean_attachments(self) -> list[tuple[UploadedFile, str]]:
        files = self.cleaned_data.get("attachments") or []
        if len(files) > MAX_FILES:
            raise forms.ValidationError(f"{MAX_FILES} pièces jointes au plus par message.")
        return [(upload, checked_type(upload)) for upload in files]


class TopicForm(PostForm):
    title = forms.CharField(
        label="Titre du sujet",
        max_length=200,
        error_messages={
            "required": "Donnez un titre au sujet.",
            "max_length": "Le titre est trop long : 200 caractères au plus.",
        },
        widget=forms.TextInput(attrs={"class": "fr-input"}),
    )
    town = TownField(
        label="Ville concernée (facultatif)",
        help_text="Tapez le nom de la ville et choisissez-la dans la liste.",
    )
    subject = forms.ModelChoiceField(
        label="Axe ou thème (facultatif)",
        queryset=ProgrammeTopic.objects.order_by("kind", "number"),
        required=False,
        empty_label="—",
        error_messages={"invalid_choice": "Cet axe ou ce thème n’existe pas."},
    )
    field_order = ["title", "town", "subject", "body", "attachments"]

    def clean_title(self) -> str:
        title = clean_text(self.cleaned_data["title"]).replace("\n", " ").strip()
        if not title:
            raise forms.ValidationError("Donnez un titre au sujet.")
        return title


class ReportForm(forms.Form):
    reason = forms.CharField(
        label="Motif du signalement",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4, "class": "fr-input"}),
        error_messages={
            "required": "Indiquez le motif du signalement.",
            "max_length": "Le motif est trop long : 1 000 caractères au plus.",
        },
    )

    def clean_reason(self) -> str:
        reason = clean_text(self.cleaned_data["reason"]).strip()
        if not reason:
            raise forms.ValidationError("Indiquez le motif du signalement.")
        return reason
