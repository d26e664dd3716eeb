from django.urls import path

from staff import views

app_name = "staff"

urlpatterns = [
    path("continue/", views.continue_to_next, name="continue"),
    path("unlock/", views.unlock, name="unlock"),
    path("passkey-unlock/", views.passkey_unlock, name="passkey-unlock"),
    path("keepalive/", views.keepalive, name="keepalive"),
    path("welcome/<str:uidb64>/<str:token>/", views.welcome, name="welcome"),
]
