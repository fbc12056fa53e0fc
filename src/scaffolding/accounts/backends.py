"""Sign-in with email and password, and nothing more.

Django's ModelBackend also grants permissions: every permission in the database
to a superuser, and any given through groups. Scaffolding decides who may do
what only through its rules (django-rules), so this backend checks passwords
and grants nothing.
"""

from django.contrib.auth.backends import ModelBackend


class PasswordBackend(ModelBackend):
    def get_user_permissions(self, user_obj, obj=None):
        return set()

    def get_group_permissions(self, user_obj, obj=None):
        return set()

    def get_all_permissions(self, user_obj, obj=None):
        return set()

    def has_perm(self, user_obj, perm, obj=None):
        return False

    def has_module_perms(self, user_obj, app_label):
        return False
