"""Live measures the progress app computes from what supervision already knows."""

from .cadence import within_cadence_share

LIVE_MEASURES = [
    {
        "key": "supervised-within-cadence",
        "name": "People supervised within their role's rhythm",
        "unit": "%",
        "question": "how_well",
        "higher_is_better": True,
        # (current people with a rhythm whose last supervision is within it, those with a rhythm)
        "compute": within_cadence_share,
    }
]
