// Small JSON schemas shared by the routes of issue 7.
export const idParam = {
  type: 'object', required: ['id'], additionalProperties: false,
  properties: { id: { type: 'integer', minimum: 1, maximum: 9_007_199_254_740_991 } },
} as const;

export const periodParam = {
  type: 'object', required: ['period'], additionalProperties: false,
  properties: { period: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$' } },
} as const;

export const localizedSchema = {
  type: 'object', required: ['fa', 'en'], properties: { fa: { type: 'string' }, en: { type: 'string' } },
} as const;

/** Any JSON object (evidence, raw values): kept as stored. */
export const looseObject = { type: 'object', additionalProperties: true } as const;

export const problemRef = { $ref: 'problem#' } as const;

/** Problems every authenticated route can answer. */
export const authProblems = { 400: problemRef, 401: problemRef, 403: problemRef, 404: problemRef, 429: problemRef } as const;
