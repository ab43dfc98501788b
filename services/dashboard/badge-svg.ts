// Shields-style flat SVG badges: a grey label and a coloured value. Text is escaped; widths are
// estimated per character (Verdana 11 px ≈ 7 px a character), which is what such badges do.
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const width = (s: string) => 10 + Math.ceil([...s].length * 7);

export const badgeColours = { good: '#4c1', fair: '#dfb317', bad: '#e05d44', none: '#9f9f9f' } as const;

export function badgeSvg(label: string, value: string, colour: string): string {
  const lw = width(label), vw = width(value), w = lw + vw;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="20" role="img" aria-label="${escape(label)}: ${escape(value)}">` +
    `<title>${escape(label)}: ${escape(value)}</title>` +
    `<rect width="${lw}" height="20" fill="#555"/><rect x="${lw}" width="${vw}" height="20" fill="${colour}"/>` +
    `<g fill="#fff" text-anchor="middle" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">` +
    `<text x="${lw / 2}" y="14">${escape(label)}</text><text x="${lw + vw / 2}" y="14">${escape(value)}</text></g></svg>`;
}

export function uptimeColour(pct: number | null): string {
  if (pct === null) return badgeColours.none;
  return pct >= 99 ? badgeColours.good : pct >= 90 ? badgeColours.fair : badgeColours.bad;
}

export function tlsColour(grade: string | null): string {
  if (grade === null) return badgeColours.none;
  return grade.startsWith('A') ? badgeColours.good : grade === 'B' ? badgeColours.fair : badgeColours.bad;
}
