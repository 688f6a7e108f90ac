"""`/comptes/…`: allauth's account views under French paths, and « Mon compte »."""

from allauth.account import views as allauth_views
from django.urls import path, re_path

from . import views

urlpatterns = [
    path("comptes/", views.account_home, name="account_home"),
    path("comptes/connexion/", allauth_views.login, name="account_login"),
    path("comptes/deconnexion/", allauth_views.logout, name="account_logout"),
    path("comptes/inscription/", allauth_views.signup, name="account_signup"),
    path("comptes/inactif/", allauth_views.account_inactive, name="account_inactive"),
    path(
        "comptes/reauthentification/",
        allauth_views.reauthenticate,
        name="account_reauthenticate",
    ),
    path("comptes/adresses/", allauth_views.email, name="account_email"),
    path(
        "comptes/confirmation/",
        allauth_views.email_verification_sent,
        name="account_email_verification_sent",
    ),
    re_path(
        r"^comptes/confirmation/(?P<key>[-:\w]+)/$",
        allauth_views.confirm_email,
        name="account_confirm_email",
    ),
    path(
        "comptes/mot-de-passe/",
        allauth_views.password_change,
        name="account_change_password",
    ),
    path(
        "comptes/mot-de-passe/definir/",
        allauth_views.password_set,
        name="account_set_password",
    ),
    path(
        "comptes/mot-de-passe/oubli/",
        allauth_views.password_reset,
        name="account_reset_password",
    ),
    path(
        "comptes/mot-de-passe/oubli/envoye/",
        allauth_views.password_reset_done,
        name="account_reset_password_done",
    ),
    re_path(
        r"^comptes/mot-de-passe/nouveau/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$",
        allauth_views.password_reset_from_key,
        name="account_reset_password_from_key",
    ),
    path(
        "comptes/mot-de-passe/nouveau/fait/",
        allauth_views.password_reset_from_key_done,
        name="account_reset_password_from_key_done",
    ),
    path("comptes/profil/", views.profile_edit, name="account_profile"),
    path("comptes/courriels/", views.email_preferences, name="account_email_preferences"),
    path("comptes/export/", views.export_data, name="account_export"),
    path("comptes/suppression/", views.delete_account, name="account_delete"),
    path("comptes/desabonnement/<str:token>/", views.unsubscribe, name="account_unsubscribe"),
]
