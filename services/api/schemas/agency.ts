// JSON schemas of the agency resource (public fields only).
export const agencySchema = {
  $id: 'agency',
  type: 'object',
  required: ['slug', 'nameFa', 'nameEn', 'portalUrl', 'hasPortal'],
  properties: {
    slug: { type: 'string' },
    nameFa: { type: 'string' },
    nameEn: { type: 'string' },
    portalUrl: { type: ['string', 'null'] },
    hasPortal: { type: 'boolean', description: 'false: "no portal" (بدون درگاه), never probed' },
  },
} as const;

export const slugParam = {
  type: 'object',
  required: ['slug'],
  properties: { slug: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$' } },
} as const;
