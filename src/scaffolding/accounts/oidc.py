"""Optional sign-in through the council's identity provider (for example Microsoft Entra ID).

Only people who already have an active account can sign in this way: the
provider proves who they are, and Scaffolding decides what they may see.
"""

from mozilla_django_oidc.auth import OIDCAuthenticationBackend


class PartnershipOIDCBackend(OIDCAuthenticationBackend):
    def filter_users_by_claims(self, claims):
        email = (claims.get("email") or "").strip()
        if not email:
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(email__iexact=email, is_active=True)

    def create_user(self, claims):
        return None
