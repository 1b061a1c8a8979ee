"""Build the offline base map of the dashboard from the npm package ``world-atlas`` (Natural Earth, ISC).

    cd "$(mktemp -d)" && npm pack world-atlas && tar xzf world-atlas-*.tgz
    python -m hadath.api._world package/countries-110m.json hadath/api/static/world.json

Decodes the TopoJSON (quantised, delta-encoded arcs), projects it equirectangularly onto a 720 x 360
plane (x = 2 * (lon + 180), y = 2 * (90 - lat); the dashboard places markers with the same formula) and
writes one SVG path per country: ``{"width", "height", "source", "countries": [{"id", "name", "d"}]}``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

SCALE = 2.0


def decode_arcs(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """The arcs of a TopoJSON topology as lists of (lon, lat)."""
    tr = topo.get("transform")
    arcs: list[list[tuple[float, float]]] = []
    for arc in topo["arcs"]:
        pts: list[tuple[float, float]] = []
        x = y = 0.0
        for p in arc:
            if tr:
                x += p[0]
                y += p[1]
                pts.append((x * tr["scale"][0] + tr["translate"][0], y * tr["scale"][1] + tr["translate"][1]))
            else:
                pts.append((float(p[0]), float(p[1])))
        arcs.append(pts)
    return arcs


def ring_points(ring: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """The points of one ring (arc indices; ~i is arc i reversed)."""
    out: list[tuple[float, float]] = []
    for i in ring:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        out.extend(pts if not out else pts[1:])
    return out


def path_d(polys: list[list[list[int]]], arcs: list[list[tuple[float, float]]]) -> str:
    """An SVG path for polygons (lists of rings)."""
    parts: list[str] = []
    for poly in polys:
        for ring in poly:
            pts = ring_points(ring, arcs)
            if len(pts) < 3:
                continue
            xy = [(round(SCALE * (lon + 180), 1), round(SCALE * (90 - lat), 1)) for lon, lat in pts]
            dedup = [xy[0]] + [p for a, p in zip(xy, xy[1:], strict=False) if p != a]
            parts.append("M" + "L".join(f"{x:g},{y:g}" for x, y in dedup) + "Z")
    return "".join(parts)


def convert(topo: dict[str, Any]) -> dict[str, Any]:
    """The dashboard's map JSON from a world-atlas countries topology."""
    arcs = decode_arcs(topo)
    out = []
    for g in topo["objects"]["countries"]["geometries"]:
        if g.get("type") == "Polygon":
            polys = [g["arcs"]]
        elif g.get("type") == "MultiPolygon":
            polys = g["arcs"]
        else:
            continue
        out.append({"id": g.get("id"), "name": (g.get("properties") or {}).get("name"), "d": path_d(polys, arcs)})
    return {"width": 360 * SCALE, "height": 180 * SCALE, "projection": "equirectangular",
            "source": "world-atlas (Natural Earth 1:110m, ISC/public domain)", "countries": out}


def main(argv: list[str]) -> int:
    """``python -m hadath.api._world IN.json OUT.json``."""
    if len(argv) != 2:
        print("usage: python -m hadath.api._world countries-110m.json world.json", file=sys.stderr)
        return 2
    data = convert(json.loads(Path(argv[0]).read_text(encoding="utf-8")))
    Path(argv[1]).write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"{len(data['countries'])} countries -> {argv[1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
