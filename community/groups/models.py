"""Working groups (one per axis and transversal theme, others added by editors), their
members, and their calls for contributions."""

from typing import Any

from django.conf import settings
from django.db import models
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from cms.core.blocks.text import RICH_TEXT_FEATURES


class Visibility(models.TextChoices):
    PUBLIC = "public", "Public"
    MEMBERS = "members", "Réservé aux membres du groupe"


class WorkingGroup(index.Indexed, ClusterableModel):
    title = models.CharField("nom", max_length=200)
    slug = models.SlugField("identifiant d’URL", max_length=120, unique=True)
    topic = models.OneToOneField(
        "programme.Topic",
        verbose_name="axe ou thème",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="working_group",
    )
    summary = models.TextField("résumé", blank=True)
    description = RichTextField("présentation", features=RICH_TEXT_FEATURES, blank=True)
    is_open = models.BooleanField(
        "adhésion libre",
        default=True,
        help_text="Décoché : les demandes d’adhésion sont validées par un coordinateur.",
    )
    forum_visibility = models.CharField(
        "visibilité du forum du groupe",
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.PUBLIC,
    )
    coordinators = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name="coordinateurs",
        blank=True,
        related_name="coordinated_groups",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("title"), FieldPanel("slug"), FieldPanel("topic")],
            heading="Identification",
        ),
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("is_open"), FieldPanel("forum_visibility"), FieldPanel("coordinators")],
            heading="Fonctionnement",
        ),
        InlinePanel("documents", heading="Restitution des travaux", label="Document"),
    ]
    search_fields = [index.SearchField("title", boost=2), index.SearchField("summary")]

    class Meta:
        verbose_name = "groupe de travail"
        verbose_name_plural = "groupes de travail"
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("group-detail", kwargs={"slug": self.slug})


class GroupDocument(Orderable):
    group = ParentalKey(WorkingGroup, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name="document", on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField("intitulé", max_length=255, blank=True)

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = "document de restitution"

    @property
    def display_title(self) -> str:
        return self.title or self.document.title


class Membership(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Demande en attente"
        ACTIVE = "active", "Membre"

    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="group_memberships"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    created_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "adhésion"
        verbose_name_plural = "adhésions"
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="groups_one_membership")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.group}"


class CallForContributions(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Ouvert"
        CLOSED = "closed", "Clos"
        SYNTHESIS = "synthesis", "Synthèse publiée"

    group = models.ForeignKey(
        WorkingGroup, verbose_name="groupe", on_delete=models.CASCADE, related_name="calls"
    )
    title = models.CharField("titre", max_length=200)
    text = RichTextField("texte de l’appel", features=RICH_TEXT_FEATURES)
    deadline = models.DateField("date limite")
    status = models.CharField("état", max_length=10, choices=Status.choices, default=Status.OPEN)
    synthesis = RichTextField("synthèse", features=RICH_TEXT_FEATURES, blank=True)
    questionnaire = models.ForeignKey(
        "groups.QuestionnairePage",
        verbose_name="questionnaire",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="calls",
    )
    forum_topic = models.OneToOneField(
        "forum.Topic",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="call",
    )
    created_at = models.DateTimeField(default=timezone.now)

    panels = [
        FieldPanel("group"),
        FieldPanel("title"),
        FieldPanel("text"),
        FieldPanel("deadline"),
        FieldPanel("status"),
        FieldPanel("synthesis"),
        FieldPanel("questionnaire"),
    ]

    class Meta:
        verbose_name = "appel à contributions"
        verbose_name_plural = "appels à contributions"
        ordering = ["deadline"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("call-detail", kwargs={"slug": self.group.slug, "pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN and self.deadline >= timezone.localdate()


class QuestionnaireField(AbstractFormField):
    page = ParentalKey("QuestionnairePage", on_delete=models.CASCADE, related_name="form_fields")


class QuestionnairePage(AbstractForm):
    """The optional questionnaire of a call for contributions, built with Wagtail's form
    builder; the group's coordinators read and export its answers (see `views`)."""

    introduction = RichTextField("introduction", features=RICH_TEXT_FEATURES, blank=True)
    thank_you_text = RichTextField(
        "message de remerciement", features=RICH_TEXT_FEATURES, blank=True
    )

    content_panels = [
        *AbstractForm.content_panels,
        FieldPanel("introduction"),
        InlinePanel("form_fields", label="Question"),
        FieldPanel("thank_you_text"),
    ]
    subpage_types: list[str] = []
    template = "groups/questionnaire_page.html"
    landing_page_template = "groups/questionnaire_page_landing.html"

    CLOSED = "Cet appel à contributions est clos : le questionnaire n’accepte plus de réponses."

    def accepts_answers(self) -> bool:
        """Open while one of its calls is open (a questionnaire of no call yet stays open)."""
        calls = list(self.calls.all())
        return not calls or any(call.is_open for call in calls)

    def get_context(self, request: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["accepts_answers"] = self.accepts_answers()
        return context

    def serve(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        """A public form: closed with its call, and rate-limited per address; a refusal
        re-renders what was typed."""
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        from coeurdeville import ratelimit

        refusal: ratelimit.RateLimited | None = None
        if self.accepts_answers():
            limit, period = ratelimit.limit_for("groups.questionnaire", (10, 3600))
            try:
                ratelimit.hit(
                    "groups.questionnaire",
                    f"{self.pk}:{ratelimit.client_ip(request)}",
                    limit=limit,
                    period=period,
                )
            except ratelimit.RateLimited as exc:
                refusal = exc
            else:
                return super().serve(request, *args, **kwargs)
        context = self.get_context(request, *args, **kwargs)
        context["form"] = self.get_form(request.POST, page=self, user=request.user)
        context["refusal"] = refusal.message if refusal else self.CLOSED
        response = TemplateResponse(request, self.get_template(request), context, status=403)
        return ratelimit.too_many_requests(response, refusal) if refusal else response

    class Meta:
        verbose_name = "questionnaire"
