from django.apps import AppConfig


class VoiceConfig(AppConfig):
    name = "scaffolding.voice"
    label = "voice"
    verbose_name = "Young people's voice"
    navigation = []
