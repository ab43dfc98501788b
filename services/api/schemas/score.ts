// JSON schemas of a period's scores and rankings.
import { localizedSchema, looseObject } from './common.ts';

const indicatorView = {
  type: 'object',
  properties: {
    raw: looseObject, score: { type: 'number' }, band: localizedSchema, evidence: looseObject, evidenceDigest: { type: 'string' },
    links: { type: 'object', additionalProperties: { type: 'string' }, description: 'API paths of the evidence' },
  },
} as const;

const indicatorMap = { type: 'object', additionalProperties: indicatorView } as const;

const agencyRef = { type: 'object', properties: { slug: { type: 'string' }, nameFa: { type: 'string' }, nameEn: { type: 'string' } } } as const;

export const agencyScoreSchema = {
  $id: 'agencyScore',
  type: 'object',
  properties: {
    agency: agencyRef, rank: { type: 'integer' }, total: { type: 'number' }, band: localizedSchema,
    indicators: indicatorMap,
    targets: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, url: { type: 'string' }, kind: { type: 'string' }, indicators: indicatorMap } } },
  },
} as const;

/** What the report says beside the scores (e.g. the Chromium version changed within the period). */
export const noticesSchema = {
  type: 'array',
  items: { type: 'object', properties: { id: { type: 'string' }, fa: { type: 'string' }, en: { type: 'string' },
    versions: { type: 'array', items: { type: 'object', properties: { version: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, measurements: { type: 'integer' } } } } } },
} as const;

export const rankingSchema = {
  type: 'object',
  properties: {
    period: { type: 'string' }, frozen: { type: 'boolean' }, ruleSet: { type: 'object', properties: { id: { type: 'string' }, version: { type: 'integer' } } },
    notices: noticesSchema,
    items: { type: 'array', items: { type: 'object', properties: {
      rank: { type: 'integer' }, agency: agencyRef, total: { type: 'number' }, band: localizedSchema,
      scores: { type: 'object', additionalProperties: { type: 'number' } } } } },
  },
} as const;
