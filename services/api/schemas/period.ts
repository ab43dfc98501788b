// JSON schemas of rule sets and periods.
import { calendars } from '../../../services/scoring/period-dates.ts';
import { localizedSchema, looseObject } from './common.ts';

const day = { type: 'object', properties: { fa: { type: 'string' }, en: { type: 'string' }, jalali: { type: 'string' }, gregorian: { type: 'string' } } } as const;

export const periodSchema = {
  $id: 'period',
  type: 'object',
  required: ['slug', 'name', 'startsAt', 'endsAt', 'ruleSet', 'closed'],
  properties: {
    slug: { type: 'string' },
    name: localizedSchema,
    startsAt: { type: 'string', format: 'date-time', description: 'Tehran midnight of the first day (UTC instant)' },
    endsAt: { type: 'string', format: 'date-time', description: 'Tehran midnight after the last day (exclusive)' },
    firstDay: day,
    lastDay: day,
    ruleSet: { type: 'object', properties: { id: { type: 'string' }, version: { type: 'integer' } } },
    closed: { type: 'boolean' },
    closedAt: { type: ['string', 'null'], format: 'date-time' },
  },
} as const;

const dateText = { type: 'string', minLength: 8, maxLength: 10, description: 'YYYY-MM-DD in `calendar` (Persian digits accepted)' } as const;

export const createPeriodBody = {
  type: 'object',
  required: ['slug', 'nameFa', 'nameEn', 'calendar', 'firstDay', 'lastDay'],
  additionalProperties: false,
  properties: {
    slug: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$' },
    nameFa: { type: 'string', minLength: 1, maxLength: 200 },
    nameEn: { type: 'string', minLength: 1, maxLength: 200 },
    calendar: { type: 'string', enum: [...calendars] },
    firstDay: dateText,
    lastDay: dateText,
    ruleSet: {
      type: 'object', required: ['id'], additionalProperties: false,
      properties: { id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$' }, version: { type: 'integer', minimum: 1, maximum: 1_000_000 } },
    },
  },
} as const;

export const ruleSetRecordSchema = {
  $id: 'ruleSetRecord',
  type: 'object',
  properties: {
    id: { type: 'string' }, version: { type: 'integer' }, checksum: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' }, usedByPeriods: { type: 'integer' },
    body: looseObject,
  },
} as const;
