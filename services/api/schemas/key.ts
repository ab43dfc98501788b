// JSON schemas of API keys (never the key itself, except once in the creation answer).
import { roles } from '../../../db/store/api-keys.ts';

const keyProperties = {
  id: { type: 'integer' }, prefix: { type: 'string' }, role: { type: 'string', enum: [...roles] },
  agency: { type: ['string', 'null'] }, label: { type: ['string', 'null'] },
  createdAt: { type: 'string', format: 'date-time' }, revokedAt: { type: ['string', 'null'], format: 'date-time' },
  lastUsedAt: { type: ['string', 'null'], format: 'date-time' },
} as const;

export const apiKeySchema = { $id: 'apiKey', type: 'object', required: ['id', 'prefix', 'role'], properties: keyProperties } as const;

export const createdKeySchema = {
  type: 'object', required: ['key'],
  properties: { ...keyProperties, key: { type: 'string', description: 'shown only in this answer; store it now' } },
} as const;

export const createKeyBody = {
  type: 'object', required: ['role'], additionalProperties: false,
  properties: {
    role: { type: 'string', enum: [...roles] },
    agency: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$' },
    label: { type: 'string', minLength: 1, maxLength: 200 },
  },
} as const;
