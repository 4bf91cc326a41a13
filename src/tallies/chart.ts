/**
 * The year-over-year chart: grouped bars of the main tallies, drawn at build time as SVG (no
 * JavaScript). The numbers are also in a table next to it; the SVG is one image with a description.
 */
import { escapeHtml } from "../html/html.ts";

export interface ChartSeries {
  label: string;
  /** One value per year, in the order of `years`. */
  values: number[];
  color: string;
}

const WIDTH = 760;
const HEIGHT = 320;
const MARGIN = { top: 24, right: 16, bottom: 64, left: 56 };

/** A "nice" axis maximum: 1, 2 or 5 times a power of ten, at or above `max`. */
function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((m) => m * power).find((v) => v >= max) ?? 10 * power;
}

export function yearChartSvg(
  title: string,
  years: readonly number[],
  series: readonly ChartSeries[],
): string {
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values)));
  const groupW = plotW / Math.max(1, years.length);
  const barW = Math.max(2, (groupW * 0.8) / Math.max(1, series.length));
  const y = (v: number) => MARGIN.top + plotH - (v / max) * plotH;
  const parts: string[] = [];
  // Five steps: a 1-2-5 maximum of 5 or more divides into whole numbers.
  for (let i = 0; i <= 5; i++) {
    const v = (max * i) / 5;
    if (!Number.isInteger(v)) continue;
    parts.push(
      `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#ccc"/>`,
    );
    parts.push(
      `<text x="${MARGIN.left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" font-size="12">${Math.round(v)}</text>`,
    );
  }
  years.forEach((year, yi) => {
    const x0 = MARGIN.left + yi * groupW + groupW * 0.1;
    series.forEach((s, si) => {
      const v = s.values[yi] ?? 0;
      const x = x0 + si * barW;
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${y(v).toFixed(1)}" width="${(barW - 1).toFixed(1)}" height="${(MARGIN.top + plotH - y(v)).toFixed(1)}" fill="${s.color}"><title>${year}年 ${escapeHtml(s.label)}：${v}</title></rect>`,
      );
    });
    parts.push(
      `<text x="${(x0 + (barW * series.length) / 2).toFixed(1)}" y="${HEIGHT - MARGIN.bottom + 18}" text-anchor="middle" font-size="13">${year}年</text>`,
    );
  });
  series.forEach((s, si) => {
    const x = MARGIN.left + si * 120;
    parts.push(
      `<rect x="${x}" y="${HEIGHT - 24}" width="12" height="12" fill="${s.color}"/><text x="${x + 16}" y="${HEIGHT - 14}" font-size="12">${escapeHtml(s.label)}</text>`,
    );
  });
  const desc = years
    .map((year, yi) => `${year}年：${series.map((s) => `${s.label}${s.values[yi] ?? 0}`).join("，")}`)
    .join("；");
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" role="img" aria-labelledby="chart-title chart-desc" class="year-chart"><title id="chart-title">${escapeHtml(title)}</title><desc id="chart-desc">${escapeHtml(desc)}</desc><line x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${MARGIN.top}" y2="${MARGIN.top + plotH}" stroke="#333"/>${parts.join("")}</svg>`;
}
