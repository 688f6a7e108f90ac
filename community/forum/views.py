"""Forum pages. Every view asks `community.visibility`; what a user may not read is a 404."""

import uuid
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Count, Max, Prefetch, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from wagtail.log_actions import log

from cms.core.breadcrumbs import Crumb
from coeurdeville import ratelimit
from community import visibility

from . import moderation, posting
from .feeds import feed_link
from .forms import PostForm, ReportForm, TopicForm
from .markup import quote_markdown, render_markdown
from .models import POSTS_PER_PAGE, TOPICS_PER_PAGE, Attachment, Category, Post, ReadMarker, Topic
from .names import public_name
from .toolbar import TOOLBAR, apply_toolbar
from .town_field import town_labels

FORUM = Crumb("Forum", "/forum/")


def _home() -> Crumb:
    return Crumb("Accueil", "/")


def _page_number(request: HttpRequest) -> int | None:
    """The requested page; None when the parameter is not a plain positive number."""
    raw = request.GET.get("page", "1")
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 6 or int(raw) < 1:
        return None
    return int(raw)


def _out_of_range(request: HttpRequest, pages: int, title: str, url: str) -> HttpResponse:
    return TemplateResponse(
        request,
        "forum/page_out_of_range.html",
        {"title": title, "pages": pages, "url": url, "breadcrumbs": [_home(), FORUM]},
        status=404,
    )


def _rate_limited(scope: str, request: HttpRequest, default: tuple[int, int]) -> None:
    limit, period = ratelimit.limit_for(scope, default)
    ratelimit.hit(scope, f"user:{request.user.pk}", limit=limit, period=period)


def _readable_category(request: HttpRequest, slug: str) -> Category:
    category = get_object_or_404(Category.objects.select_related("group"), slug=slug)
    if not visibility.can_read_category(request.user, category):
        raise Http404
    return category


def _readable_topic(request: HttpRequest, pk: int) -> Topic:
    topic = get_object_or_404(Topic.objects.select_related("category__group"), pk=pk)
    if not visibility.can_read_topic(request.user, topic):
        raise Http404
    return topic


def _readable_post(request: HttpRequest, pk: int) -> Post:
    post = get_object_or_404(Post.objects.select_related("topic__category__group", "author"), pk=pk)
    if not visibility.can_read_topic(request.user, post.topic):
        raise Http404
    return post


@require_safe
def forum_index(request: HttpRequest) -> HttpResponse:
    live = Q(topics__is_deleted=False)
    categories = (
        Category.objects.filter(visibility.readable_categories_q(request.user))
        .select_related("group")
        .annotate(
            topic_total=Count("topics", filter=live),
            last_activity=Max("topics__last_post_at", filter=live),
        )
    )
    return TemplateResponse(
        request,
        "forum/index.html",
        {
            "title": "Forum",
            "meta_description": "Le forum des référents et des partenaires du programme Action cœur de ville.",
            "categories": categories,
            "feeds": [feed_link("Forum", reverse("forum-feed"))],
            "breadcrumbs": [_home()],
        },
    )


@require_safe
def category_detail(request: HttpRequest, slug: str) -> HttpResponse:
    category = _readable_category(request, slug)
    topics = Topic.objects.filter(category=category).select_related("author")
    if not visibility.is_moderator(request.user):
        topics = topics.filter(is_deleted=False)
    topics = topics.order_by("-is_pinned", "-last_post_at", "-pk")
    number = _page_number(request)
    paginator = Paginator(topics, TOPICS_PER_PAGE)
    if number is None or (number > 1 and number > paginator.num_pages):
        return _out_of_range(
            request, paginator.num_pages, category.title, category.get_absolute_url()
        )
    page = paginator.page(min(number, max(paginator.num_pages, 1)))
    topic_list = list(page.object_list)
    if visibility.is_member(request.user):
        read = dict(
            ReadMarker.objects.filter(
                user=request.user, topic__in=[t.pk for t in topic_list]
            ).values_list("topic_id", "last_read_number")
        )
        for topic in topic_list:
            topic.unread = read.get(topic.pk, 0) < topic.post_count
    else:
        # Set for the template: a missing attribute costs a dir() of the model per row.
        for topic in topic_list:
            topic.unread = False
    return TemplateResponse(
        request,
        "forum/category.html",
        {
            "title": category.title,
            "meta_description": category.description
            or f"Les sujets de la catégorie {category.title}.",
            "category": category,
            "page_obj": page,
            "topics": topic_list,
            "feeds": [
                feed_link(category.title, reverse("forum-category-feed", args=[category.slug]))
            ]
            if visibility.can_read_category(AnonymousUser(), category)
            else [],
            "can_post": visibility.can_post_in(request.user, category),
            "is_following": _follows(request.user, category=category),
            "breadcrumbs": [_home(), FORUM],
        },
    )


def _follows(user: Any, **target: Any) -> bool:
    from community.notifications.models import Follow

    return visibility.is_member(user) and Follow.objects.filter(user=user, **target).exists()


def _compose(request: HttpRequest, form: Any) -> tuple[str, bool]:
    """Toolbar buttons and the preview work without JavaScript: they post the form back."""
    preview = ""
    data = request.POST
    if "toolbar" in data and form.data.get("body") is not None:
        form.data = form.data.copy()
        form.data["body"] = apply_toolbar(form.data.get("body", ""), data["toolbar"])
        return "", True
    if "preview" in data:
        preview = render_markdown(form.data.get("body", "")[:20_000])
        return preview, True
    return preview, False


@require_http_methods(["GET", "POST"])
def new_topic(request: HttpRequest, slug: str) -> HttpResponse:
    category = _readable_category(request, slug)
    if not visibility.can_post_in(request.user, category):
        return _refused(request, category.get_absolute_url())
    form = TopicForm(
        request.POST or None,
        request.FILES or None,
        initial={"submission_key": uuid.uuid4()},
    )
    context = {
        "title": "Nouveau sujet",
        "category": category,
        "form": form,
        "toolbar": TOOLBAR,
        "town_labels": town_labels(),
        "breadcrumbs": [_home(), FORUM, Crumb(category.title, category.get_absolute_url())],
    }
    return _compose_and_publish(
        request,
        form,
        context,
        "forum/topic_form.html",
        "Votre sujet est publié.",
        lambda data: posting.create_topic(
            category=category,
            author=request.user,
            title=data["title"],
            body=data["body"],
            submission_key=data.get("submission_key"),
            files=data.get("attachments", []),
            town=data.get("town"),
            subject=data.get("subject"),
        ),
    )


def _compose_and_publish(
    request: HttpRequest,
    form: Any,
    context: dict[str, Any],
    template: str,
    success: str,
    publish: Callable[[dict[str, Any]], Any],
) -> HttpResponse:
    """The new-topic and reply forms: preview or toolbar, limits, one post per submission.
    A refused post re-renders what the member typed."""
    if request.method == "POST":
        preview, stay = _compose(request, form)
        context["preview"] = preview
        if not stay and form.is_valid():
            try:
                _rate_limited("forum.post", request, (10, 60))
                if form.mentioned:
                    _rate_limited("forum.mention", request, (30, 3600))
                created = publish(form.cleaned_data)
            except ratelimit.RateLimited as exc:
                context["rate_limited"] = exc.message
                return ratelimit.too_many_requests(
                    TemplateResponse(request, template, context), exc
                )
            except posting.DuplicateSubmission as duplicate:
                return redirect(duplicate.post.get_absolute_url())
            messages.success(request, success)
            return redirect(created.get_absolute_url())
    return TemplateResponse(request, template, context)


def _refused(request: HttpRequest, back: str) -> HttpResponse:
    """Readable but not writable: say why, in French, and change nothing."""
    if not visibility.is_member(request.user):
        reason = "Connectez-vous pour participer au forum."
    elif visibility.is_suspended(request.user):
        reason = (
            "Votre compte est suspendu : vous ne pouvez pas écrire sur le forum pour l’instant."
        )
    else:
        reason = (
            "Vous ne pouvez pas écrire ici : ce sujet est verrouillé, ou cette catégorie "
            "est réservée aux membres du groupe de travail."
        )
    return TemplateResponse(
        request,
        "forum/refused.html",
        {
            "title": "Action impossible",
            "reason": reason,
            "back": back,
            "breadcrumbs": [_home(), FORUM],
        },
        status=403,
    )


@require_safe
def topic_detail(request: HttpRequest, pk: int) -> HttpResponse:
    topic = _readable_topic(request, pk)
    number = _page_number(request)
    all_posts = (
        Post.objects.filter(topic=topic)
        .select_related("author")
        .prefetch_related(Prefetch("attachments", queryset=Attachment.objects.order_by("pk")))
        .order_by("number")
    )
    paginator = Paginator(all_posts, POSTS_PER_PAGE)
    # Post numbers are contiguous, so the paginator's count is the topic's own counter.
    paginator.count = topic.post_count
    if number is None or number > max(paginator.num_pages, 1):
        return _out_of_range(request, paginator.num_pages, topic.title, topic.get_absolute_url())
    # A page is a range of post numbers (the (topic, number) index), not an OFFSET that
    # reads every earlier post: the last page of a long topic costs what the first costs.
    first = (number - 1) * POSTS_PER_PAGE + 1
    page = PaginatorPage(
        all_posts.filter(number__gte=first, number__lt=first + POSTS_PER_PAGE), number, paginator
    )
    posts = list(page.object_list)
    user = request.user
    is_mod = visibility.can_moderate(user, topic)
    can_reply = visibility.can_reply(user, topic)
    unread_from = None
    if visibility.is_member(user) and posts:
        marker, _created = ReadMarker.objects.get_or_create(user=user, topic=topic)
        unread_from = marker.last_read_number
        if posts[-1].number > marker.last_read_number:
            ReadMarker.objects.filter(pk=marker.pk).update(last_read_number=posts[-1].number)
    # Asked once per page (not only where the first post shows): query counts stay flat.
    topic_deletable = (
        visibility.is_member(user)
        and (is_mod or topic.author_id == user.pk)
        and visibility.can_delete_topic(user, topic)
    )
    for post in posts:
        post.topic = topic  # the rule below reads it: no query per post
        post.readable = post.is_visible or is_mod
        post.can_edit = visibility.can_edit_post(user, post)
        post.can_delete = post.can_edit and (post.number > 1 or topic_deletable)
        post.unread = unread_from is not None and post.number > unread_from
    return TemplateResponse(
        request,
        "forum/topic.html",
        {
            "title": topic.title,
            "meta_description": f"Discussion du forum Cœur de ville : {topic.title}",
            "topic": topic,
            "category": topic.category,
            "posts": posts,
            "page_obj": page,
            "is_moderator": is_mod,
            "can_reply": can_reply,
            "can_mark_answer": visibility.can_mark_answer(user, topic),
            "is_member": visibility.is_member(user),
            "is_suspended": visibility.is_suspended(user),
            "is_following": _follows(user, topic=topic),
            "reply_form": PostForm(initial={"submission_key": uuid.uuid4()}) if can_reply else None,
            "toolbar": TOOLBAR,
            "breadcrumbs": [
                _home(),
                FORUM,
                Crumb(topic.category.title, topic.category.get_absolute_url()),
            ],
        },
    )


@require_http_methods(["GET", "POST"])
def reply(request: HttpRequest, pk: int) -> HttpResponse:
    topic = _readable_topic(request, pk)
    if not visibility.can_reply(request.user, topic):
        return _refused(request, topic.get_absolute_url())
    initial: dict[str, Any] = {"submission_key": uuid.uuid4()}
    quoted = request.GET.get("citer", "")
    if request.method == "GET" and quoted.isascii() and quoted.isdigit() and len(quoted) < 12:
        post = Post.objects.filter(pk=int(quoted), topic=topic).select_related("author").first()
        if post and visibility.can_read_post(request.user, post):
            initial["body"] = quote_markdown(public_name(post.author), post.body)
    form = PostForm(request.POST or None, request.FILES or None, initial=initial)
    context = {
        "title": f"Répondre : {topic.title}",
        "topic": topic,
        "form": form,
        "toolbar": TOOLBAR,
        "breadcrumbs": [_home(), FORUM, Crumb(topic.title, topic.get_absolute_url())],
    }
    return _compose_and_publish(
        request,
        form,
        context,
        "forum/reply_form.html",
        "Votre réponse est publiée.",
        lambda data: posting.create_reply(
            topic=topic,
            author=request.user,
            body=data["body"],
            submission_key=data.get("submission_key"),
            files=data.get("attachments", []),
        ),
    )


@require_safe
def post_redirect(request: HttpRequest, pk: int) -> HttpResponse:
    """The stable address of a post: its topic's page, at its anchor."""
    post = _readable_post(request, pk)
    url = post.topic.get_absolute_url()
    if post.page_number > 1:
        url += f"?page={post.page_number}"
    return HttpResponseRedirect(f"{url}#{post.anchor}")


@require_http_methods(["GET", "POST"])
def edit_post(request: HttpRequest, pk: int) -> HttpResponse:
    post = _readable_post(request, pk)
    if not visibility.can_edit_post(request.user, post):
        if not visibility.can_read_post(request.user, post):
            raise Http404
        return _refused(request, post.get_absolute_url())
    form_class = TopicForm if post.number == 1 else PostForm
    form = form_class(
        request.POST or None,
        initial={"body": post.body, "title": post.topic.title},
        allow_files=False,
    )
    context = {
        "title": "Modifier le message",
        "post": post,
        "topic": post.topic,
        "form": form,
        "toolbar": TOOLBAR,
        "breadcrumbs": [_home(), FORUM, Crumb(post.topic.title, post.topic.get_absolute_url())],
    }
    if request.method == "POST":
        preview, stay = _compose(request, form)
        context["preview"] = preview
        if not stay and form.is_valid():
            posting.edit_post(
                post,
                editor=request.user,
                body=form.cleaned_data["body"],
                title=form.cleaned_data.get("title"),
            )
            messages.success(request, "Le message est modifié.")
            return redirect(post.get_absolute_url())
    return TemplateResponse(request, "forum/edit_form.html", context)


@require_http_methods(["GET", "POST"])
def delete_post(request: HttpRequest, pk: int) -> HttpResponse:
    post = _readable_post(request, pk)
    if not visibility.can_delete_post(request.user, post):
        if not visibility.can_read_post(request.user, post):
            raise Http404
        return _refused(request, post.get_absolute_url())
    if request.method == "POST":
        posting.delete_post(post, by=request.user)
        if post.author_id != request.user.pk:
            log(post, "forum.delete", user=request.user)
        messages.success(request, "Le message est supprimé.")
        if post.number == 1:
            return redirect(post.topic.category.get_absolute_url())
        return redirect(post.get_absolute_url())
    return TemplateResponse(
        request,
        "forum/confirm_delete.html",
        {"title": "Supprimer le message", "post": post, "breadcrumbs": [_home(), FORUM]},
    )


@require_http_methods(["GET", "POST"])
def report_post(request: HttpRequest, pk: int) -> HttpResponse:
    post = _readable_post(request, pk)
    if not visibility.can_read_post(request.user, post):
        raise Http404
    if not visibility.can_report(request.user, post):
        if post.author_id == request.user.pk:
            messages.info(request, "Vous ne pouvez pas signaler votre propre message.")
            return redirect(post.get_absolute_url())
        return _refused(request, post.get_absolute_url())
    form = ReportForm(request.POST or None)
    context = {
        "title": "Signaler un message",
        "post": post,
        "form": form,
        "breadcrumbs": [_home(), FORUM, Crumb(post.topic.title, post.topic.get_absolute_url())],
    }
    if request.method == "POST" and form.is_valid():
        try:
            _rate_limited("forum.report", request, (10, 3600))
        except ratelimit.RateLimited as exc:
            context["rate_limited"] = exc.message
            return ratelimit.too_many_requests(
                TemplateResponse(request, "forum/report_form.html", context), exc
            )
        if posting.report_post(post, reporter=request.user, reason=form.cleaned_data["reason"]):
            messages.success(request, "Merci : votre signalement est transmis à la modération.")
        else:
            messages.info(request, "Vous avez déjà signalé ce message.")
        return redirect(post.get_absolute_url())
    return TemplateResponse(request, "forum/report_form.html", context)


@require_safe
def post_history(request: HttpRequest, pk: int) -> HttpResponse:
    post = _readable_post(request, pk)
    if not visibility.can_moderate(request.user, post.topic):
        raise Http404
    return TemplateResponse(
        request,
        "forum/history.html",
        {
            "title": "Versions précédentes du message",
            "post": post,
            "revisions": post.revisions.select_related("edited_by"),
            "breadcrumbs": [_home(), FORUM, Crumb(post.topic.title, post.topic.get_absolute_url())],
        },
    )


@require_POST
def moderate_topic(request: HttpRequest, pk: int) -> HttpResponse:
    topic = _readable_topic(request, pk)
    action = request.POST.get("action", "")
    if not visibility.can_moderate(request.user, topic):
        raise Http404
    if action not in moderation.TOPIC_FLAGS:
        messages.error(request, "Action de modération inconnue.")
    else:
        moderation.set_topic_flag(topic, action, by=request.user)
        messages.success(request, "C’est fait.")
    return redirect(topic.get_absolute_url())


@require_POST
def moderate_post(request: HttpRequest, pk: int) -> HttpResponse:
    post = _readable_post(request, pk)
    if not visibility.can_moderate(request.user, post.topic):
        raise Http404
    action = request.POST.get("action", "")
    if action == "hide":
        moderation.hide_post(post, by=request.user)
    elif action == "restore":
        moderation.restore_post(post, by=request.user)
    else:
        messages.error(request, "Action de modération inconnue.")
        return redirect(post.get_absolute_url())
    messages.success(request, "C’est fait.")
    return redirect(post.get_absolute_url())


@require_POST
def mark_answer(request: HttpRequest, pk: int) -> HttpResponse:
    post = _readable_post(request, pk)
    topic = post.topic
    if not visibility.can_read_post(request.user, post):
        raise Http404
    if not visibility.can_mark_answer(request.user, topic) or post.number == 1:
        return _refused(request, post.get_absolute_url())
    Topic.objects.filter(pk=topic.pk).update(answer=None if topic.answer_id == post.pk else post)
    log(topic, "forum.answer", user=request.user)
    messages.success(request, "La réponse du sujet est mise à jour.")
    return redirect(post.get_absolute_url())


@require_POST
def follow(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    from community.notifications.models import Follow

    if kind == "sujet":
        target = {"topic": _readable_topic(request, pk)}
    elif kind == "categorie":
        target = {"category": get_object_or_404(Category, pk=pk)}
        if not visibility.can_read_category(request.user, target["category"]):
            raise Http404
    else:
        raise Http404
    obj = next(iter(target.values()))
    if not visibility.is_member(request.user):
        return _refused(request, obj.get_absolute_url())
    if request.POST.get("follow") == "0":
        Follow.objects.filter(user=request.user, **target).delete()
        messages.success(request, "Vous ne suivez plus ce contenu.")
    else:
        Follow.objects.get_or_create(user=request.user, **target)
        messages.success(
            request, "Vous suivez ce contenu : vous serez notifié des nouveaux messages."
        )
    return redirect(obj.get_absolute_url())


@require_safe
def attachment(request: HttpRequest, pk: int) -> FileResponse:
    item = get_object_or_404(
        Attachment.objects.select_related("post__topic__category__group"), pk=pk
    )
    if not visibility.can_read_post(request.user, item.post):
        raise Http404
    try:
        handle = item.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle, content_type=item.content_type, as_attachment=True, filename=item.name
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
