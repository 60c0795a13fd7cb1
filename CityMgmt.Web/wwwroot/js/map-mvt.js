// Vector tiles for Leaflet without WebGL (ADR 0009): a small Mapbox Vector Tile decoder and a canvas GridLayer
// that draws our own /api/tiles layers. Covers what the server writes: points, lines, polygons; string/number/bool values.

const decoder = new TextDecoder();
const zigzag = n => (n >>> 1) ^ -(n & 1);

class Reader {
  constructor(bytes) { this.buf = bytes; this.pos = 0; this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength); }
  varint() {
    let result = 0, shift = 0, b;
    do { b = this.buf[this.pos++]; result += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
    return result;
  }
  bytes() { const len = this.varint(); const start = this.pos; this.pos += len; return [start, this.pos]; }
  string() { const [s, e] = this.bytes(); return decoder.decode(this.buf.subarray(s, e)); }
  packed() { const [s, e] = this.bytes(); const out = []; const save = this.pos; this.pos = s; while (this.pos < e) out.push(this.varint()); this.pos = save; return out; }
  skip(wire) {
    if (wire === 0) this.varint();
    else if (wire === 1) this.pos += 8;
    else if (wire === 2) this.pos += this.varint();
    else if (wire === 5) this.pos += 4;
    else throw new Error('unsupported wire type ' + wire);
  }
}

/** Decodes a tile into { layerName: { extent, features: [{ type, props, parts: [[[x, y], …], …] }] } }. */
export function decodeTile(buffer) {
  const r = new Reader(new Uint8Array(buffer));
  const layers = {};
  while (r.pos < r.buf.length) {
    const tag = r.varint();
    if (tag >> 3 === 3) { const [s, e] = r.bytes(); const layer = readLayer(r, s, e); layers[layer.name] = layer; } else r.skip(tag & 7);
  }
  return layers;
}

function readLayer(r, start, end) {
  const layer = { name: '', extent: 4096, keys: [], values: [], features: [] };
  const raw = [];
  r.pos = start;
  while (r.pos < end) {
    const tag = r.varint(), field = tag >> 3;
    if (field === 1) layer.name = r.string();
    else if (field === 2) raw.push(r.bytes());
    else if (field === 3) layer.keys.push(r.string());
    else if (field === 4) { const [s, e] = r.bytes(); const save = r.pos; layer.values.push(readValue(r, s, e)); r.pos = save; }
    else if (field === 5) layer.extent = r.varint();
    else r.skip(tag & 7);
  }
  for (const [s, e] of raw) layer.features.push(readFeature(r, s, e, layer));
  r.pos = end;
  return layer;
}

function readValue(r, start, end) {
  let value = null;
  r.pos = start;
  while (r.pos < end) {
    const tag = r.varint(), field = tag >> 3;
    if (field === 1) value = r.string();
    else if (field === 2) { value = r.view.getFloat32(r.pos, true); r.pos += 4; }
    else if (field === 3) { value = r.view.getFloat64(r.pos, true); r.pos += 8; }
    else if (field === 4 || field === 5) value = r.varint();
    else if (field === 6) { const n = r.varint(); value = n % 2 ? -(n + 1) / 2 : n / 2; }
    else if (field === 7) value = r.varint() !== 0;
    else r.skip(tag & 7);
  }
  return value;
}

function readFeature(r, start, end, layer) {
  const feature = { type: 0, props: {}, parts: [] };
  r.pos = start;
  while (r.pos < end) {
    const tag = r.varint(), field = tag >> 3;
    if (field === 2) { const tags = r.packed(); for (let i = 0; i + 1 < tags.length; i += 2) feature.props[layer.keys[tags[i]]] = layer.values[tags[i + 1]]; }
    else if (field === 3) feature.type = r.varint();
    else if (field === 4) feature.parts = decodeGeometry(r.packed());
    else r.skip(tag & 7);
  }
  return feature;
}

function decodeGeometry(commands) {
  const parts = [];
  let x = 0, y = 0, part = null, i = 0;
  while (i < commands.length) {
    const command = commands[i++], id = command & 7, count = command >>> 3;
    if (id === 1 || id === 2) {
      for (let k = 0; k < count; k++) {
        x += zigzag(commands[i++]); y += zigzag(commands[i++]);
        if (id === 1) { part = []; parts.push(part); }
        part.push([x, y]);
      }
    } else if (id === 7 && part && part.length) part.push([part[0][0], part[0][1]]);
  }
  return parts;
}

/**
 * A Leaflet GridLayer drawing one of our layers on canvases. `paint(ctx, layer, scale, zoom)` returns how many
 * features it drew; the count is put on the canvas (data-features) so tests can see what was drawn.
 */
export function createVectorLayer(L, { url, layer, paint, zIndex, minZoom, maxZoom }) {
  const Layer = L.GridLayer.extend({
    createTile(coords, done) {
      const canvas = L.DomUtil.create('canvas', 'cm-tile');
      const size = this.getTileSize(), ratio = window.devicePixelRatio || 1;
      canvas.width = size.x * ratio; canvas.height = size.y * ratio;
      canvas.dataset.layer = layer;
      canvas.dataset.tile = `${coords.z}/${coords.x}/${coords.y}`;
      const abort = new AbortController();
      canvas._cmAbort = abort;
      const address = url.replace('{layer}', layer).replace('{z}', coords.z).replace('{x}', coords.x).replace('{y}', coords.y);
      fetch(address, { credentials: 'same-origin', signal: abort.signal })
        .then(response => { if (!response.ok) throw new Error('HTTP ' + response.status); return response.arrayBuffer(); })
        .then(buffer => { canvas._cmData = decodeTile(buffer)[layer] || null; canvas._cmZoom = coords.z; this.paintTile(canvas); done(null, canvas); })
        .catch(error => { if (error.name !== 'AbortError') canvas.dataset.error = String(error.message || error); done(error, canvas); });
      return canvas;
    },
    paintTile(canvas) {
      const ctx = canvas.getContext('2d');
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      const data = canvas._cmData;
      canvas.dataset.features = String(data ? paint(ctx, data, canvas.width / data.extent, canvas._cmZoom) : 0);
    },
    /** Repaints loaded tiles with the current style (e.g. after a class was switched off) without refetching. */
    repaint() {
      for (const key in this._tiles) { const el = this._tiles[key].el; if ('_cmData' in el) this.paintTile(el); }
    },
  });
  const instance = new Layer({ zIndex, minZoom, maxZoom, maxNativeZoom: maxZoom, updateWhenZooming: false });
  instance.on('tileunload', e => e.tile._cmAbort && e.tile._cmAbort.abort());
  return instance;
}
