import { html, type Html } from './html.ts';

export interface ChartSeries {
  label: string;
  color: string;
  values: (number | null)[];
}

/**
 * A small bar chart as inline SVG (no script, so the page's CSP can forbid inline scripts):
 * one bar group per time bucket, a max label and first/last time labels.
 */
export function barChart(title: string, times: string[], series: ChartSeries[], unit = ''): Html {
  const w = 420;
  const h = 110;
  const n = times.length || 1;
  const max = Math.max(1, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const bw = w / n;
  const bars = series.flatMap((s, si) =>
    s.values.map((v, i) => {
      if (!v) return html``;
      const bh = Math.max(1, (v / max) * (h - 12));
      const x = i * bw + (si * bw) / series.length;
      return html`<rect x="${x.toFixed(1)}" y="${(h - bh).toFixed(1)}" width="${Math.max(0.6, bw / series.length - 0.2).toFixed(2)}" height="${bh.toFixed(1)}" fill="${s.color}"><title>${times[i]}: ${Math.round(v * 10) / 10}${unit} ${s.label}</title></rect>`;
    }),
  );
  const legend = series.map((s) => html`<span style="color:${s.color}">■ ${s.label}</span> `);
  return html`<div class="chart"><h3>${title}</h3><svg role="img" aria-label="${title}" width="${w}" height="${h + 14}" viewBox="0 0 ${w} ${h + 14}">
    <line x1="0" y1="${h}" x2="${w}" y2="${h}" stroke="#adb5bd"/>${bars}
    <text x="2" y="10" font-size="10" fill="#6c757d">max ${Math.round(max * 10) / 10}${unit}</text>
    <text x="0" y="${h + 12}" font-size="10" fill="#6c757d">${times[0] ?? ''}</text>
    <text x="${w}" y="${h + 12}" font-size="10" fill="#6c757d" text-anchor="end">${times[times.length - 1] ?? ''}</text></svg>
    <div class="muted">${legend}</div></div>`;
}
