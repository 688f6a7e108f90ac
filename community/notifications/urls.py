from django.urls import path

from . import views

urlpatterns = [
    path("notifications/", views.notification_list, name="notifications"),
    path("annonces/nouvelle/", views.new_announcement, name="announcement-new"),
    path("notifications/tout-lire/", views.mark_all_read, name="notifications-read"),
]
