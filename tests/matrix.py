"""The permission matrix: every URL, every role.

Each app lists its URLs in `tests/routes/<app>.py` as `ROUTES = [Route(...), ...]`.
`tests/test_permission_matrix.py` checks that every named URL in the project is
listed, and asks each one as anonymous, each role, and the admin of another
partnership.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from tests.conftest import ROLES

OK, FORBIDDEN, NOT_FOUND, REDIRECT, NOT_ALLOWED = 200, 403, 404, 302, 405


@dataclass
class Route:
    name: str  # "namespace:url_name"
    # world -> kwargs for reverse(); objects belong to the home partnership.
    kwargs: Callable = field(default=lambda world: {})
    # role -> expected status for GET; roles not listed get `otherwise`.
    allowed: tuple = ()
    otherwise: int = FORBIDDEN
    public: bool = False  # reachable without signing in
    # The admin of another partnership gets 404 for records that are not theirs;
    # partnership-wide pages answer them normally (checked for leaks instead).
    outsider: int | None = None
    method: str = "get"
    query: str = ""
    # Expected status per role when it differs from allowed/otherwise.
    overrides: dict = field(default_factory=dict)

    def expected(self, role: str) -> int:
        if role in self.overrides:
            return self.overrides[role]
        if role == "anonymous":
            return OK if self.public else REDIRECT
        if role == "young_person" and not self.public and not self.name.startswith("voice:"):
            # A young person's account reaches their own pages only (voice.middleware).
            return FORBIDDEN
        if role == "outsider":
            if self.outsider is not None:
                return self.outsider
            return self.expected("partnership_admin")
        if self.public:
            return OK
        return OK if role in self.allowed else self.otherwise


# Everyone in the workforce; young people reach only their own pages (tests/routes/voice.py).
EVERY_ROLE = tuple(role for role in ROLES if role != "young_person")
