// JSON schemas of targets.
export const targetSchema = {
  $id: 'target',
  type: 'object',
  required: ['id', 'agency', 'kind', 'url', 'paused', 'retired'],
  properties: {
    id: { type: 'integer' }, agency: { type: 'string' }, kind: { type: 'string', enum: ['portal', 'service'] },
    url: { type: 'string' }, name: { type: ['string', 'null'] }, paused: { type: 'boolean' }, retired: { type: 'boolean' },
    createdAt: { type: 'string', format: 'date-time' }, retiredAt: { type: ['string', 'null'], format: 'date-time' },
  },
} as const;

export const createTargetBody = {
  type: 'object', required: ['url'], additionalProperties: false,
  properties: {
    url: { type: 'string', minLength: 1, maxLength: 2048 },
    kind: { type: 'string', enum: ['portal', 'service'], default: 'service' },
    name: { type: 'string', minLength: 1, maxLength: 200 },
  },
} as const;

export const patchTargetBody = {
  type: 'object', additionalProperties: false, minProperties: 1,
  properties: { name: { type: ['string', 'null'], minLength: 1, maxLength: 200 }, paused: { type: 'boolean' } },
} as const;
