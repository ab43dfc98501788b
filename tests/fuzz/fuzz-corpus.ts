// The malformed inputs the API fuzz test throws at every route: SQL fragments, unicode tricks,
// wrong types, bad JSON, odd content types, huge bodies. Deterministic (no randomness), so a
// failure always reproduces.
export const sqlFragments = [
  "' OR '1'='1", "'; DROP TABLE agencies; --", '1; SELECT pg_sleep(5)', "1 UNION SELECT key_hash FROM api_keys --",
  "\\'; DELETE FROM targets; --", '$1', "') OR ('a'='a", "admin'--", "1)) OR 1=1 /*", 'E\'\\x00\'',
];

export const unicodeTricks = [
  '\u202eevil\u202c', 'a\u200bb', '\u0000', 'x\u0000y', '\ud800', '\udfff\ud800', '💩'.repeat(50), 'İı', 'ǅ',
  '\uFEFFslug', 'ａｄｍｉｎ', '../../etc/passwd', '%2e%2e%2f', '\r\nX-Injected: 1', '<script>alert(1)</script>',
];

/** Path parameter values; none is a valid existing id or slug (so writes can never succeed). */
export const paramValues = [
  ...sqlFragments, ...unicodeTricks, '-1', '0', '1.5', '99999999999999999999999', 'NaN', 'Infinity', '[]', '{}',
  'a'.repeat(300), 'UPPER', 'slug_with_underscore', 'null', 'no-such-thing',
];

/**
 * Wrong types for a constrained field. Ajv coerces scalars (123 → "123", true → 1), so values that
 * would coerce to something valid are left out: these stay invalid after coercion.
 */
export const wrongTypes: unknown[] = [-1, 1.5, 1e308, null, [], {}, [1, 2], { $gt: '' }, 'x'.repeat(100_000)];

/** Wrong types for a free-text field (where any string, and so any coerced scalar, is valid). */
export const wrongTypesForText: unknown[] = [{}, [1, 2], { $gt: '' }, { toString: 'x' }];

/** Raw bodies that are not the JSON a route expects. */
export const badJsonBodies = [
  '{', '{"role":', '[', 'nul', '{"a":1}}', '\u0000', '"just a string"', '42', '[1,2,3]', '{"__proto__":{"role":"admin"}}',
  '{"constructor":{"prototype":{"admin":true}}}', '['.repeat(5_000) + ']'.repeat(5_000), `{"a":"${'\\u0000'.repeat(100)}"}`,
  '\uFEFF{}', '{"role":"admin",}', "{'role':'admin'}", '{"role":NaN}', '{"slug":"' + 'x'.repeat(1000) + '"}',
];

export const badContentTypes: Array<[string, string]> = [
  ['text/plain', 'role=admin'], ['application/x-www-form-urlencoded', 'role=admin&agency=central-bank'],
  ['application/xml', '<role>admin</role>'], ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="role"\r\n\r\nadmin\r\n--x--'],
  ['application/json; charset=utf-16', '{"role":"admin"}'], ['image/png', '\x89PNG'],
];

export const queryValues = [...sqlFragments, ...unicodeTricks, '-5', '0', '100000000', '2025-13-45T99:99:99Z', 'yesterday', ''];
