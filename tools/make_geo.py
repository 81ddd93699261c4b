"""Make data/geo/europe.geojson from Natural Earth's public-domain low-resolution countries.

Run once, by hand; neither geopandas nor pyshp is needed at run time:

    pip download --no-deps geopandas==0.14.4 pyshp==3.1.6 -d build/geo
    (cd build/geo && unzip -o geopandas-0.14.4-*.whl 'geopandas/datasets/naturalearth_lowres/*' \
        && unzip -o pyshp-*.whl -d pyshp)
    PYTHONPATH=build/geo/pyshp python tools/make_geo.py \
        build/geo/geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp

(`build/` is git-ignored.)

The map draws these outlines as plain filled shapes, so nothing is fetched from a CDN.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import shapefile  # pyshp

BOX = (-25.0, 33.0, 60.0, 72.0)  # lon_min, lat_min, lon_max, lat_max: Europe and neighbours
TOLERANCE = 0.08  # degrees; enough detail for a classroom map, small file
FIX_CODES = {"France": "FRA", "Norway": "NOR", "Kosovo": "XKX"}  # '-99' in this edition
OUT = Path(__file__).resolve().parents[1] / "data" / "geo" / "europe.geojson"


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas–Peucker: keep the points that matter for the outline's shape."""
    if len(points) < 3:
        return points
    (x1, y1), (x2, y2) = points[0], points[-1]
    length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5
    if length < 1e-9:  # a closed ring: measure from its first point
        distances = [((x - x1) ** 2 + (y - y1) ** 2) ** 0.5 for x, y in points[1:-1]]
    else:
        distances = [abs((y2 - y1) * x - (x2 - x1) * y + x2 * y1 - y2 * x1) / length for x, y in points[1:-1]]
    far = max(range(len(distances)), key=distances.__getitem__)
    if distances[far] <= tolerance:
        return [points[0], points[-1]]
    split = far + 1
    return simplify(points[: split + 1], tolerance)[:-1] + simplify(points[split:], tolerance)


def rings(shape) -> list[list[tuple[float, float]]]:
    parts = list(shape.parts) + [len(shape.points)]
    return [shape.points[a:b] for a, b in zip(parts[:-1], parts[1:], strict=True)]


def in_box(bbox) -> bool:
    lon_min, lat_min, lon_max, lat_max = bbox
    return not (lon_max < BOX[0] or lon_min > BOX[2] or lat_max < BOX[1] or lat_min > BOX[3])


def main(shp_path: str) -> None:
    reader = shapefile.Reader(shp_path)
    fields = [f[0] for f in reader.fields[1:]]
    features = []
    for record, shape in zip(reader.records(), reader.shapes(), strict=True):
        props = dict(zip(fields, record, strict=True))
        if not in_box(shape.bbox):
            continue
        code = FIX_CODES.get(props["name"], props["iso_a3"])
        polygons = []
        for ring in rings(shape):
            small = simplify([(round(x, 2), round(y, 2)) for x, y in ring], TOLERANCE)
            if len(small) >= 4:
                polygons.append([[list(p) for p in small]])
        features.append({"type": "Feature", "id": code,
                         "properties": {"iso3": code, "name": props["name"]},
                         "geometry": {"type": "MultiPolygon", "coordinates": polygons}})
    collection = {
        "type": "FeatureCollection",
        "source": "Natural Earth 1:110m admin-0 countries (public domain), via the geopandas 0.14.4 "
                  "naturalearth_lowres dataset; simplified. Borders are today's.",
        "features": sorted(features, key=lambda f: f["id"]),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {OUT} ({len(features)} countries, {OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main(sys.argv[1])
