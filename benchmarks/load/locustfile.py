"""Signed-in people using Scaffolding: each signs in as a demo role, then opens the
home page and the pages in their navigation, as a person would, with a pause between.

Run through benchmarks/load/run.py (bounded in time, loopback only).
"""

import random
import re

from locust import HttpUser, between, task

PASSWORD = "demo-scaffolding-2026"  # noqa: S105 - the published demo password
# Demo accounts from `scaffolding demo-data`; admins are left out (they need two-step sign-in).
ACCOUNTS = [
    "practitioner@glenmorven.example",
    "carer@glenmorven.example",
    "supervisor@glenmorven.example",
    "learning@glenmorven.example",
    "promise@glenmorven.example",
]
NAV_LINK = re.compile(r'class="sc-site-navigation__link" href="([^"]+)"')
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Person(HttpUser):
    wait_time = between(1, 3)

    def _headers(self, path):
        # The server runs with production settings, which expect a TLS proxy in front:
        # say so (X-Forwarded-Proto), and send the Secure cookies the client holds.
        secure_host = self.host.replace("http://", "https://")
        cookies = "; ".join(f"{c.name}={c.value}" for c in self.client.cookies)
        return {"X-Forwarded-Proto": "https", "Referer": secure_host + path, "Cookie": cookies}

    def get(self, path):
        with self.client.get(
            path, name=path, headers=self._headers(path), catch_response=True
        ) as response:
            if response.status_code >= 400:
                response.failure(f"status {response.status_code}")
            elif "/sign-in/" in response.url and path != "/sign-in/":
                response.failure("signed out")
            else:
                response.success()
        return response

    def on_start(self):
        page = self.get("/sign-in/")
        token = CSRF.search(page.text).group(1)
        response = self.client.post(
            "/sign-in/",
            {
                "username": random.choice(ACCOUNTS),
                "password": PASSWORD,
                "csrfmiddlewaretoken": token,
            },
            headers=self._headers("/sign-in/"),
            name="/sign-in/ (POST)",
        )
        self.links = NAV_LINK.findall(response.text) or ["/"]

    @task(3)
    def home(self):
        response = self.get("/")
        self.links = NAV_LINK.findall(response.text) or self.links

    @task(7)
    def a_page_from_the_navigation(self):
        self.get(random.choice(self.links))
