/*
 * <attention-overlay>: an image with one concept's attention map (or all concepts') drawn over it.
 *
 * Attributes (all plain strings, so the server can set them before the element is upgraded):
 *   src      image URL
 *   grid     G, patches per side of the network's input crop
 *   maps     JSON [[G*G numbers] per concept], row-major (row y, column x at y*G+x)
 *   crop     JSON {"left","top","width","height"}: where the input crop lies, in fractions of the image
 *   concept  "none" | "all" | a concept index
 *   opacity  0..1 (default 0.6)
 *   colors   JSON ["#rrggbb" per concept], used by the "all" view
 *
 * One concept is drawn with a colour map (dark blue -> red -> yellow); "all" paints each pixel in the colour
 * of the concept that attends to it most. Maps are scaled to 0..1 per concept and upsampled bilinearly
 * between patch centres. After each draw the element sets the attribute drawn="<concept>".
 */
(() => {
  if (customElements.get('attention-overlay')) {
    return;
  }

  // A perceptual-ish heat map: (t, r, g, b) stops.
  const HEAT = [
    [0.0, 13, 8, 135], [0.25, 126, 3, 168], [0.5, 204, 71, 120], [0.75, 248, 149, 64], [1.0, 240, 249, 33]];
  const MAX_SIDE = 384;

  function heat(t) {
    for (let i = 1; i < HEAT.length; i++) {
      if (t <= HEAT[i][0]) {
        const a = HEAT[i - 1], b = HEAT[i], f = (t - a[0]) / (b[0] - a[0]);
        return [a[1] + f * (b[1] - a[1]), a[2] + f * (b[2] - a[2]), a[3] + f * (b[3] - a[3])];
      }
    }
    return HEAT[HEAT.length - 1].slice(1);
  }

  function hex(c) {
    const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c || '');
    return m ? [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)] : [255, 0, 0];
  }

  function normalised(map) {
    let lo = Infinity, hi = -Infinity;
    for (const v of map) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    const span = hi - lo;
    return map.map(v => (span > 0 ? (v - lo) / span : 0));
  }

  /** Bilinear value at (u, v) in [0,1]^2 of the crop, with samples at patch centres. */
  function sample(map, g, u, v) {
    const gx = Math.min(g - 1, Math.max(0, u * g - 0.5));
    const gy = Math.min(g - 1, Math.max(0, v * g - 0.5));
    const x0 = Math.floor(gx), y0 = Math.floor(gy);
    const x1 = Math.min(g - 1, x0 + 1), y1 = Math.min(g - 1, y0 + 1);
    const fx = gx - x0, fy = gy - y0;
    const top = map[y0 * g + x0] * (1 - fx) + map[y0 * g + x1] * fx;
    const bottom = map[y1 * g + x0] * (1 - fx) + map[y1 * g + x1] * fx;
    return top * (1 - fy) + bottom * fy;
  }

  class AttentionOverlay extends HTMLElement {
    static get observedAttributes() {
      return ['src', 'grid', 'maps', 'crop', 'concept', 'opacity', 'colors'];
    }

    constructor() {
      super();
      const root = this.attachShadow({mode: 'open'});
      root.innerHTML = `
        <style>
          :host { display: inline-block; position: relative; line-height: 0; }
          img { display: block; width: 100%; height: 100%; object-fit: contain; }
          canvas { position: absolute; left: 0; top: 0; width: 100%; height: 100%; pointer-events: none; }
        </style>
        <img alt=""><canvas></canvas>`;
      this.img = root.querySelector('img');
      this.canvas = root.querySelector('canvas');
      this.img.addEventListener('load', () => this.draw());
    }

    connectedCallback() {
      this.draw();
    }

    attributeChangedCallback(name, oldValue, value) {
      if (name === 'src') {
        this.img.src = value || '';
        this.img.alt = this.getAttribute('alt') || '';
      } else {
        this.draw();
      }
    }

    json(name, fallback) {
      try {
        const v = this.getAttribute(name);
        return v ? JSON.parse(v) : fallback;
      } catch (e) {
        return fallback;
      }
    }

    draw() {
      const img = this.img;
      if (!img.complete || !img.naturalWidth) {
        return;
      }
      const scale = Math.min(1, MAX_SIDE / Math.max(img.naturalWidth, img.naturalHeight));
      const w = Math.max(1, Math.round(img.naturalWidth * scale));
      const h = Math.max(1, Math.round(img.naturalHeight * scale));
      // the canvas matches the image's aspect ratio; object-fit keeps both aligned in the box
      this.canvas.width = w;
      this.canvas.height = h;
      this.style.aspectRatio = `${img.naturalWidth} / ${img.naturalHeight}`;
      const ctx = this.canvas.getContext('2d');
      ctx.clearRect(0, 0, w, h);
      const concept = this.getAttribute('concept') || 'none';
      const maps = this.json('maps', []);
      const g = parseInt(this.getAttribute('grid') || '0', 10);
      if (concept === 'none' || !maps.length || !g) {
        this.setAttribute('drawn', 'none');
        return;
      }
      const crop = this.json('crop', {left: 0, top: 0, width: 1, height: 1});
      const opacity = Math.max(0, Math.min(1, parseFloat(this.getAttribute('opacity') || '0.6')));
      const colors = this.json('colors', []).map(hex);
      const all = concept === 'all';
      const index = all ? -1 : parseInt(concept, 10);
      if (!all && !(index >= 0 && index < maps.length)) {
        this.setAttribute('drawn', 'none');
        return;
      }
      const norm = maps.map(normalised);
      const x0 = Math.round(crop.left * w), y0 = Math.round(crop.top * h);
      const cw = Math.max(1, Math.round(crop.width * w)), ch = Math.max(1, Math.round(crop.height * h));
      const out = ctx.createImageData(cw, ch);
      for (let y = 0; y < ch; y++) {
        const v = (y + 0.5) / ch;
        for (let x = 0; x < cw; x++) {
          const u = (x + 0.5) / cw;
          let r, gr, b, a;
          if (all) {
            let best = 0, which = 0;
            for (let m = 0; m < norm.length; m++) {
              const t = sample(norm[m], g, u, v);
              if (t > best) { best = t; which = m; }
            }
            [r, gr, b] = colors[which] || [255, 0, 0];
            a = opacity * best;
          } else {
            const t = sample(norm[index], g, u, v);
            [r, gr, b] = heat(t);
            a = opacity * (0.15 + 0.85 * t);
          }
          const o = (y * cw + x) * 4;
          out.data[o] = r;
          out.data[o + 1] = gr;
          out.data[o + 2] = b;
          out.data[o + 3] = Math.round(255 * a);
        }
      }
      ctx.putImageData(out, x0, y0);
      this.setAttribute('drawn', concept);
    }
  }

  customElements.define('attention-overlay', AttentionOverlay);
})();
