"""Calibrated event confidence: a logistic model over a few properties of a coded event.

The coder's rule confidence (``0.85`` minus penalties) orders events reasonably but is not a probability:
on events-dev, events at 0.8-0.9 were right 43% of the time. This module maps an event to the probability
that an expert coder would have coded the same event (root, source and target), from features that carry
that information: the rule confidence, what kind of actors fill the roles, the CAMEO root group, the
trigger's voice and whether the event was reported more than once in the article.

The weights live in ``hadath/data/calibration.tsv`` (fitted by ``tools/fit_calibration.py``; see its header
for the data and the cross-validated reliability). ``[stages.events] calibrate = false`` turns it off.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from hadath.errors import KBError
from hadath.kb.schema import VOICE_NOUN, VOICE_PASSIVE
from hadath.model import ActorRef, Event

ROOT_GROUPS = {  # CAMEO roots by the quad classes' finer split (01-05 verbal cooperation is the base)
    **{f"{r:02d}": "material_coop" for r in range(6, 10)},
    **{f"{r:02d}": "verbal_conflict" for r in range(10, 14)},
    **{f"{r:02d}": "material_conflict" for r in range(14, 18)},
    **{f"{r:02d}": "violence" for r in range(18, 21)},
}
ACTOR_KINDS = {"person": "person", "state": "state", "igo": "igo", "agent": "agent",
               "armed_group": "group", "organisation": "group", "party": "group", "media": "group", "tribe": "group"}
FEATURES: tuple[str, ...] = (
    "bias", "raw",
    *(f"src_{k}" for k in ("person", "state", "igo", "agent", "group", "none")),
    *(f"tgt_{k}" for k in ("person", "state", "igo", "agent", "group", "none")),
    *(f"root_{g}" for g in ("material_coop", "verbal_conflict", "material_conflict", "violence")),
    "voice_noun", "voice_passive", "multi", "modal",
)


def _kind(a: ActorRef | None) -> str:
    if a is None:
        return "none"
    return ACTOR_KINDS.get(a.type or "", "group" if a.id else "agent")


def event_features(e: Event, voice: str) -> dict[str, float]:
    """The calibration features of one event (``voice``: the trigger pattern's voice)."""
    f = {"bias": 1.0, "raw": e.confidence - 0.75, f"src_{_kind(e.source)}": 1.0, f"tgt_{_kind(e.target)}": 1.0}
    group = ROOT_GROUPS.get(e.cameo[:2])
    if group:
        f[f"root_{group}"] = 1.0
    if voice == VOICE_NOUN:
        f["voice_noun"] = 1.0
    elif voice == VOICE_PASSIVE:
        f["voice_passive"] = 1.0
    if e.n_mentions > 1:
        f["multi"] = 1.0
    if e.modality is not None:
        f["modal"] = 1.0
    return f


@dataclass(frozen=True)
class Calibration:
    """Logistic weights per feature name."""

    weights: dict[str, float]

    def probability(self, e: Event, voice: str) -> float:
        """P(the event is right) for ``e``; clipped to [0.01, 0.99]."""
        z = sum(self.weights.get(k, 0.0) * v for k, v in event_features(e, voice).items())
        p = 1.0 / (1.0 + math.exp(-z))
        # (clipped as min(0.99, max(0.01, p)) did, by conditional expressions: builtin calls parse their arguments)
        p = p if p > 0.01 else 0.01
        return p if p < 0.99 else 0.99


def read_calibration(path: Path) -> Calibration:
    """Read a ``feature<TAB>weight`` TSV (``#`` comments, a header row)."""
    weights: dict[str, float] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("feature\t"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or parts[0] not in FEATURES:
            raise KBError(f"{path}:{n}: expected 'feature<TAB>weight' with a known feature, got {line!r}")
        try:
            weights[parts[0]] = float(parts[1])
        except ValueError:
            raise KBError(f"{path}:{n}: weight is not a number: {parts[1]!r}") from None
    return Calibration(weights)


@lru_cache(maxsize=1)
def default_calibration() -> Calibration:
    """The bundled calibration (``hadath/data/calibration.tsv``)."""
    with resources.as_file(resources.files("hadath") / "data" / "calibration.tsv") as p:
        return read_calibration(Path(p))
