// How each of our tile layers is drawn. Colours and symbols come from the server (MapView.Styles) so the legend and
// the map never disagree.

function path(ctx, parts, scale, close) {
  ctx.beginPath();
  for (const part of parts) {
    part.forEach(([x, y], i) => (i ? ctx.lineTo(x * scale, y * scale) : ctx.moveTo(x * scale, y * scale)));
    if (close) ctx.closePath();
  }
}

function symbol(ctx, shape, x, y, r) {
  ctx.beginPath();
  switch (shape) {
    case 'square': ctx.rect(x - r, y - r, 2 * r, 2 * r); break;
    case 'triangle': ctx.moveTo(x, y - r * 1.2); ctx.lineTo(x + r * 1.1, y + r * 0.8); ctx.lineTo(x - r * 1.1, y + r * 0.8); ctx.closePath(); break;
    case 'diamond': ctx.moveTo(x, y - r * 1.3); ctx.lineTo(x + r * 1.1, y); ctx.lineTo(x, y + r * 1.3); ctx.lineTo(x - r * 1.1, y); ctx.closePath(); break;
    case 'hexagon':
      for (let i = 0; i < 6; i++) { const a = Math.PI / 3 * i; i ? ctx.lineTo(x + r * Math.cos(a), y + r * Math.sin(a)) : ctx.moveTo(x + r, y); }
      ctx.closePath(); break;
    default: ctx.arc(x, y, r, 0, 2 * Math.PI);
  }
}

const ratio = () => window.devicePixelRatio || 1;
const componentRadius = zoom => (zoom >= 18 ? 5.5 : zoom >= 17 ? 4.5 : zoom >= 16 ? 3.5 : zoom >= 15 ? 2.6 : 1.8) * ratio();

/** Area outlines (grids, communities, streets). Grids carry their code as a label when zoomed in far enough. */
export function areaPainter({ stroke, width, fill, dash, labelZoom }) {
  return (ctx, layer, scale, zoom) => {
    ctx.lineWidth = width * ratio();
    ctx.strokeStyle = stroke;
    ctx.setLineDash(dash ? dash.map(d => d * ratio()) : []);
    for (const feature of layer.features) {
      path(ctx, feature.parts, scale, true);
      if (fill) { ctx.fillStyle = fill; ctx.fill('evenodd'); }
      ctx.stroke();
    }
    ctx.setLineDash([]);
    if (labelZoom && zoom >= labelZoom) {
      ctx.font = `${11 * ratio()}px "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.lineWidth = 3 * ratio();
      ctx.strokeStyle = 'rgba(255,255,255,0.85)';
      ctx.fillStyle = '#455a64';
      for (const feature of layer.features) {
        const { code, lx, ly } = feature.props;
        if (lx == null || ly == null) continue;
        const x = lx * scale, y = ly * scale, half = ctx.measureText(code).width / 2 + 4;
        if (x + half < 0 || x - half > ctx.canvas.width || y < -20 || y > ctx.canvas.height + 20) continue;
        ctx.strokeText(code, x, y);
        ctx.fillText(code, x, y);
      }
    }
    return layer.features.length;
  };
}

/** Components: one colour and symbol per major class; damaged or lost ones get a red ring. `visible(major)` filters. */
export function componentPainter(majors, fallback, visible) {
  return (ctx, layer, scale, zoom) => {
    const r = componentRadius(zoom);
    let drawn = 0;
    for (const feature of layer.features) {
      const major = feature.props.major;
      if (!visible(major)) continue;
      const style = majors[major] || fallback;
      ctx.fillStyle = style.color;
      ctx.strokeStyle = style.color;
      ctx.lineWidth = 2 * ratio();
      if (feature.type === 1) {
        for (const [[x, y]] of feature.parts) {
          symbol(ctx, style.shape, x * scale, y * scale, r);
          ctx.fill();
          if (feature.props.state === 'Damaged' || feature.props.state === 'Lost') {
            ctx.strokeStyle = '#d50000'; ctx.lineWidth = 1.5 * ratio(); ctx.stroke();
          } else if (r > 3) {
            ctx.strokeStyle = '#ffffff'; ctx.lineWidth = 1 * ratio(); ctx.stroke();
          }
        }
      } else {
        path(ctx, feature.parts, scale, feature.type === 3);
        if (feature.type === 3) { ctx.globalAlpha = 0.3; ctx.fill(); ctx.globalAlpha = 1; }
        ctx.stroke();
      }
      drawn++;
    }
    return drawn;
  };
}

/** Open cases as dots coloured by status; overdue ones get a dark outer ring. */
export function casePainter(statuses) {
  return (ctx, layer, scale) => {
    const r = 6.5 * ratio();
    for (const feature of layer.features) {
      for (const [[x, y]] of feature.parts) {
        ctx.beginPath();
        ctx.arc(x * scale, y * scale, r, 0, 2 * Math.PI);
        ctx.fillStyle = statuses[feature.props.status] || '#757575';
        ctx.fill();
        ctx.lineWidth = 2 * ratio();
        ctx.strokeStyle = feature.props.overdue ? '#212121' : '#ffffff';
        ctx.stroke();
      }
    }
    return layer.features.length;
  };
}
