"""A young person's things in the test world, built once per world (world.extra)."""

import base64

from django.core.files.uploadedfile import SimpleUploadedFile

# The smallest real PNG: files are checked by content, so tests send real bytes.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def png(name="me.png"):
    return SimpleUploadedFile(name, PNG, content_type="image/png")


def voice_world(world):
    if "voice" in world.extra:
        return world.extra["voice"]
    from scaffolding.voice import domain
    from scaffolding.voice.models import Audience, NewWorkerQuestion, WorkerLink

    young = world.extra["young_person"]
    me = world.users["young_person"]
    practitioner = world.people["practitioner"]
    things = {
        "everyone": domain.add_item(
            young,
            me,
            title="My football team",
            text="We won on Saturday.",
            audience=Audience.EVERYONE,
            upload=png(),
        ),
        "only_me": domain.add_item(young, me, title="My secret diary", text="Just for me."),
        "named": domain.add_item(
            young,
            me,
            title="About my mum",
            text="I miss her.",
            audience=Audience.NAMED,
            people=[practitioner],
        ),
    }
    profile = domain.profile_of(young)
    domain.save_profile(young, me, matters="My dog Bramble.", helps="Walking while we talk.")
    domain.set_share(profile, me, audience=Audience.NAMED, people=[practitioner])
    things["profile"] = profile
    things["views"] = domain.add_views(
        young, me, people=[practitioner], meeting="My review in March", worries="Moving school."
    )
    carer_link = WorkerLink.objects.get(young_person=young, person=world.people["family_carer"])
    things["question"] = NewWorkerQuestion.objects.create(link=carer_link)
    things["alert"] = domain.raise_alert(young, "Someone shouted at me.")
    world.extra["voice"] = things
    return things


def pk_of(name):
    return lambda world: {"pk": voice_world(world)[name].pk}


def young_pk(world):
    voice_world(world)
    return {"pk": world.extra["young_person"].pk}
