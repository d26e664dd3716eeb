"""The admin's own login page hands over to the staff sign-in (password, then the second
factor), keeping the page that was asked for."""

from allauth.account.decorators import secure_admin_login
from django.contrib import admin

admin.site.login = secure_admin_login(admin.site.login)
