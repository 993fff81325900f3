// Prints the status page's land outline as one SVG path, in the page's projection: equirectangular,
// 2.5 units per degree, x from 180°W, y from 84°N down to 58°S (nothing Houston serves is further
// south; Antarctica would take a fifth of the map). Points are rounded to whole units and repeats
// dropped, so the 110m outline stays a few tens of kilobytes.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { feature } from "topojson-client";

const require = createRequire(import.meta.url);
const topology = JSON.parse(readFileSync(require.resolve("world-atlas/land-110m.json"), "utf8"));
const land = feature(topology, topology.objects.land);

export const SCALE = 2.5, NORTH = 84, SOUTH = -58;
const project = ([lon, lat]) => [Math.round((lon + 180) * SCALE), Math.round((NORTH - Math.max(lat, SOUTH)) * SCALE)];

// A ring that crosses the antimeridian (Chukotka, Fiji) jumps from +180 to -180: unwrap its longitudes
// so it stays continuous, and draw it a second time shifted by 360° so each half shows on its side
// (the SVG viewBox clips what falls outside). Otherwise it draws a line across the whole map.
function unwrap(ring) {
  const out = [ring[0]];
  for (let i = 1; i < ring.length; i++) {
    let [lon, lat] = ring[i];
    const prev = out[i - 1][0];
    while (lon - prev > 180) lon -= 360;
    while (prev - lon > 180) lon += 360;
    out.push([lon, lat]);
  }
  return out;
}

const rings = land.features.flatMap(f => f.geometry.type === "Polygon" ? f.geometry.coordinates : f.geometry.coordinates.flat())
  .map(unwrap)
  .flatMap(r => r.some(([lon]) => lon > 180) ? [r, r.map(([lon, lat]) => [lon - 360, lat])]
    : r.some(([lon]) => lon < -180) ? [r, r.map(([lon, lat]) => [lon + 360, lat])] : [r]);
const parts = [];
for (const ring of rings) {
  if (ring.every(([, lat]) => lat < SOUTH)) continue;
  const points = [];
  for (const p of ring.map(project)) {
    const last = points[points.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) points.push(p);
  }
  if (points.length < 4) continue;
  parts.push("M" + points.map(([x, y]) => x + " " + y).join("L") + "Z");
}
process.stdout.write(parts.join("") + "\n");
