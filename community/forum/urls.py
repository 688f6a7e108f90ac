from django.urls import path

from . import views
from .feeds import TopicFeed

urlpatterns = [
    path("forum/", views.forum_index, name="forum-index"),
    path("forum/rss/", TopicFeed(), name="forum-feed"),
    path("forum/sujet/<int:pk>/", views.topic_detail, name="forum-topic"),
    path("forum/sujet/<int:pk>/repondre/", views.reply, name="forum-reply"),
    path("forum/sujet/<int:pk>/moderer/", views.moderate_topic, name="forum-moderate-topic"),
    path("forum/message/<int:pk>/", views.post_redirect, name="forum-post"),
    path("forum/message/<int:pk>/modifier/", views.edit_post, name="forum-edit"),
    path("forum/message/<int:pk>/supprimer/", views.delete_post, name="forum-delete"),
    path("forum/message/<int:pk>/signaler/", views.report_post, name="forum-report"),
    path("forum/message/<int:pk>/historique/", views.post_history, name="forum-history"),
    path("forum/message/<int:pk>/moderer/", views.moderate_post, name="forum-moderate-post"),
    path("forum/message/<int:pk>/reponse/", views.mark_answer, name="forum-answer"),
    path("forum/piece-jointe/<int:pk>/", views.attachment, name="forum-attachment"),
    path("forum/suivre/<str:kind>/<int:pk>/", views.follow, name="forum-follow"),
    path("forum/<slug:slug>/", views.category_detail, name="forum-category"),
    path("forum/<slug:slug>/rss/", TopicFeed(), name="forum-category-feed"),
    path("forum/<slug:slug>/nouveau-sujet/", views.new_topic, name="forum-new-topic"),
]
