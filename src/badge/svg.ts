/**
 * The badge as a flat SVG in the shields.io style. Text widths come from a fixed table of
 * Verdana 11px advance widths (approximate), so the output depends on nothing but the badge.
 */
import type { Badge } from './badge.js';

const NARROW = new Set([...'ijlI.,:;\'|!()[]{} ']);
const SEMI = new Set([...'frtJ1-/']);
const WIDE = new Set([...'mwMWæÆ@%']);

/** Approximate advance width in pixels of `s` in Verdana 11px. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    if (NARROW.has(ch)) w += 3.6;
    else if (SEMI.has(ch)) w += 4.7;
    else if (WIDE.has(ch)) w += 10.5;
    else if (ch >= 'A' && ch <= 'Z') w += 7.5;
    else if (ch >= '0' && ch <= '9') w += 7;
    else w += 6.6;
  }
  return Math.round(w);
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function badgeSvg(badge: Badge): string {
  const lw = textWidth(badge.label) + 10;
  const mw = textWidth(badge.message) + 10;
  const w = lw + mw;
  const label = escape(badge.label);
  const message = escape(badge.message);
  const title = `${label}: ${message}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="20" role="img" aria-label="${title}">`,
    `  <title>${title}</title>`,
    '  <linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>',
    `  <clipPath id="r"><rect width="${w}" height="20" rx="3" fill="#fff"/></clipPath>`,
    '  <g clip-path="url(#r)">',
    `    <rect width="${lw}" height="20" fill="#555"/>`,
    `    <rect x="${lw}" width="${mw}" height="20" fill="${badge.hex}"/>`,
    `    <rect width="${w}" height="20" fill="url(#s)"/>`,
    '  </g>',
    '  <g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">',
    `    <text x="${lw / 2}" y="15" fill="#010101" fill-opacity=".3">${label}</text>`,
    `    <text x="${lw / 2}" y="14">${label}</text>`,
    `    <text x="${lw + mw / 2}" y="15" fill="#010101" fill-opacity=".3">${message}</text>`,
    `    <text x="${lw + mw / 2}" y="14">${message}</text>`,
    '  </g>',
    '</svg>',
    '',
  ].join('\n');
}
