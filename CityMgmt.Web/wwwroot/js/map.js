// The map behind MapView.razor: Leaflet (ADR 0009) with our own vector tiles drawn on canvases. Nothing here
// reaches outside the app's origin unless an administrator configured a base layer (Map:BaseLayerUrl).
import { createVectorLayer } from './map-mvt.js';
import { areaPainter, componentPainter, casePainter } from './map-style.js';
import { editPolygon, editPoint } from './map-edit.js';

const base = new URL('../', import.meta.url);
let leaflet;

function ensureStylesheet(id, href) {
  if (document.getElementById(id)) return;
  const link = document.createElement('link');
  link.id = id; link.rel = 'stylesheet'; link.href = href;
  document.head.appendChild(link);
}

/** Leaflet ships as a browser global: load it once from wwwroot/lib. */
function loadLeaflet() {
  ensureStylesheet('cm-leaflet-css', new URL('lib/leaflet/leaflet.css', base).href);
  ensureStylesheet('cm-map-css', new URL('css/map.css', base).href);
  if (window.L) return Promise.resolve(window.L);
  return leaflet ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = new URL('lib/leaflet/leaflet.js', base).href;
    script.onload = () => resolve(window.L);
    script.onerror = () => reject(new Error('leaflet.js could not be loaded'));
    document.head.appendChild(script);
  });
}

const metresPerPixel = (lat, zoom) => 40075016.686 * Math.cos(lat * Math.PI / 180) / 2 ** (zoom + 8);

export async function create(element, dotnet, options) {
  const L = await loadLeaflet();
  const map = L.map(element, { minZoom: 5, maxZoom: 20, zoomSnap: 0.5, attributionControl: !!options.baseLayer, doubleClickZoom: true });
  if (options.baseLayer) map.attributionControl.setPrefix(false);
  const shownMajors = new Set(options.majors);
  const layers = {
    streets: createVectorLayer(L, { url: options.tileUrl, layer: 'streets', zIndex: 4, paint: areaPainter({ stroke: '#37474f', width: 2.5, dash: [8, 4] }) }),
    communities: createVectorLayer(L, { url: options.tileUrl, layer: 'communities', zIndex: 3, minZoom: options.minZooms.communities, paint: areaPainter({ stroke: '#3949ab', width: 1.5, fill: 'rgba(57,73,171,0.04)' }) }),
    grids: createVectorLayer(L, { url: options.tileUrl, layer: 'grids', zIndex: 2, minZoom: options.minZooms.grids, paint: areaPainter({ stroke: '#78909c', width: 0.8, labelZoom: 18 }) }),
    components: createVectorLayer(L, { url: options.tileUrl, layer: 'components', zIndex: 5, minZoom: options.minZooms.components, paint: componentPainter(options.styles.majors, options.styles.fallback, m => shownMajors.has(m)) }),
    cases: createVectorLayer(L, { url: options.tileUrl, layer: 'cases', zIndex: 6, paint: casePainter(options.styles.statuses) }),
  };
  if (options.baseLayer) {
    const b = options.baseLayer;
    layers.base = L.tileLayer(b.url, { attribution: b.attribution, subdomains: b.subdomains, maxZoom: 20, maxNativeZoom: b.maxZoom, zIndex: 1 });
  }
  for (const [name, layer] of Object.entries(layers)) if (options.visible[name]) layer.addTo(map);

  if (options.center) map.setView([options.center[1], options.center[0]], options.zoom ?? 15);
  else fit(map, options.extent, 16);

  let highlight = null, marker = null, edit = null;
  map.on('click', e => dotnet.invokeMethodAsync('HandleClick', e.latlng.lng, e.latlng.lat, map.getZoom(), metresPerPixel(e.latlng.lat, map.getZoom())));
  map.on('zoomend', () => { element.dataset.zoom = String(map.getZoom()); });
  const resize = new ResizeObserver(() => map.invalidateSize());
  resize.observe(element);

  const controller = {
    setVisible(name, on) { const layer = layers[name]; if (!layer) return; if (on) layer.addTo(map); else layer.remove(); },
    setMajors(majors) { shownMajors.clear(); majors.forEach(m => shownMajors.add(m)); layers.components.repaint(); },
    refresh(name) { (name ? [layers[name]] : Object.values(layers)).forEach(l => l && l.redraw && l.redraw()); },
    fitBounds(extent, maxZoom) { fit(map, extent, maxZoom ?? 18); },
    setView(lon, lat, zoom) { map.setView([lat, lon], zoom ?? map.getZoom()); },
    highlight(ring) {
      if (highlight) highlight.remove();
      highlight = ring ? L.polygon(ring.map(([x, y]) => [y, x]), { color: '#d50000', weight: 3, fill: false, interactive: false, dashArray: '6 4' }).addTo(map) : null;
    },
    setMarker(lon, lat) {
      if (marker) marker.remove();
      marker = lon == null ? null : L.circleMarker([lat, lon], { radius: 10, color: '#d50000', weight: 3, fillOpacity: 0.15, interactive: false }).addTo(map);
    },
    editPolygon(ring) { controller.stopEdit(); edit = editPolygon(L, map, ring); },
    editPoint(lon, lat) { controller.stopEdit(); edit = editPoint(L, map, lon, lat); },
    getEdited() { return edit ? edit.get() : null; },
    stopEdit() { if (edit) edit.remove(); edit = null; },
    /** Where a lon/lat is drawn inside the map element, in CSS pixels (used by browser tests). */
    project(lon, lat) { const p = map.latLngToContainerPoint([lat, lon]); return [p.x, p.y]; },
    getView() { const c = map.getCenter(); return [c.lng, c.lat, map.getZoom()]; },
    dispose() { resize.disconnect(); map.remove(); delete element.cityMgmtMap; },
  };
  element.cityMgmtMap = controller;
  element.dataset.zoom = String(map.getZoom());
  element.dataset.mapReady = 'true';
  return controller;
}

function fit(map, [minX, minY, maxX, maxY], maxZoom) {
  map.fitBounds([[minY, minX], [maxY, maxX]], { padding: [24, 24], maxZoom });
}
