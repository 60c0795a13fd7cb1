// Minimal editing for administrators: drag a polygon's vertices (insert one by dragging a midpoint, remove one with a
// right click) and drag a point. The server validates and saves; this only collects the geometry.

const vertexIcon = L => L.divIcon({ className: 'cm-vertex', iconSize: [12, 12] });
const midIcon = L => L.divIcon({ className: 'cm-vertex cm-vertex-mid', iconSize: [10, 10] });

/** Starts editing a ring of [lon, lat] pairs (closed or not). Returns { get(): [[lon, lat], …], remove() }. */
export function editPolygon(L, map, ring) {
  const points = ring.map(([lon, lat]) => L.latLng(lat, lon));
  if (points.length > 1 && points[0].equals(points[points.length - 1])) points.pop();
  const shape = L.polygon(points, { color: '#e65100', weight: 2, fillOpacity: 0.15, interactive: false }).addTo(map);
  let handles = [];

  const redraw = () => shape.setLatLngs(points);
  const rebuild = () => {
    handles.forEach(h => h.remove());
    handles = [];
    points.forEach((point, i) => {
      const handle = L.marker(point, { draggable: true, icon: vertexIcon(L), zIndexOffset: 1000 }).addTo(map);
      handle.on('drag', e => { points[i] = e.target.getLatLng(); redraw(); });
      handle.on('dragend', rebuild);
      handle.on('contextmenu', () => { if (points.length > 3) { points.splice(i, 1); redraw(); rebuild(); } });
      handles.push(handle);
      const next = points[(i + 1) % points.length];
      const mid = L.marker(L.latLng((point.lat + next.lat) / 2, (point.lng + next.lng) / 2), { draggable: true, icon: midIcon(L), zIndexOffset: 900 }).addTo(map);
      mid.on('dragstart', () => points.splice(i + 1, 0, mid.getLatLng()));
      mid.on('drag', e => { points[i + 1] = e.target.getLatLng(); redraw(); });
      mid.on('dragend', rebuild);
      handles.push(mid);
    });
  };
  rebuild();
  return {
    get: () => points.map(p => [p.lng, p.lat]),
    remove: () => { handles.forEach(h => h.remove()); shape.remove(); },
  };
}

/** Starts moving a point. Returns { get(): [lon, lat], remove() }. */
export function editPoint(L, map, lon, lat) {
  const marker = L.marker(L.latLng(lat, lon), { draggable: true, icon: L.divIcon({ className: 'cm-move', iconSize: [18, 18] }), zIndexOffset: 1000 }).addTo(map);
  return {
    get: () => [marker.getLatLng().lng, marker.getLatLng().lat],
    remove: () => marker.remove(),
  };
}
