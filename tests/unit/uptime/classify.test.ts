// classify() on literal errors: one row per code family it must recognise (style guide §3).
import { describe, expect, it } from 'vitest';
import { classify, errorCode, type Phase } from '../../../probes/uptime/classify.ts';
import { EgressDeniedError } from '../../../probes/egress/policy.ts';
import { errorClasses } from '../../../probes/uptime/result.ts';

const coded = (code: string): Error => Object.assign(new Error(code), { code });
const named = (name: string): Error => Object.assign(new Error(name), { name });

describe('classify', () => {
  it.each([
    ['ENOTFOUND', 'connect', { class: 'dns_nxdomain' }],
    ['EAI_AGAIN', 'dns', { class: 'dns_timeout' }],
    ['ECONNREFUSED', 'connect', { class: 'connection_refused' }],
    ['ECONNRESET', 'wait', { class: 'connection_reset' }],
    ['UND_ERR_SOCKET', 'wait', { class: 'connection_reset' }],
    ['EPIPE', 'wait', { class: 'connection_reset' }],
    ['UND_ERR_CONNECT_TIMEOUT', 'connect', { class: 'connect_timeout' }],
    ['UND_ERR_CONNECT_TIMEOUT', 'tls', { class: 'connect_timeout' }],
    ['UND_ERR_CONNECT_TIMEOUT', 'dns', { class: 'dns_timeout' }],
    ['ETIMEDOUT', 'connect', { class: 'connect_timeout' }],
    ['EHOSTUNREACH', 'connect', { class: 'connect_timeout' }],
    ['UND_ERR_HEADERS_TIMEOUT', 'wait', { class: 'response_timeout' }],
    ['UND_ERR_BODY_TIMEOUT', 'body', { class: 'response_timeout' }],
    ['HPE_INVALID_CONSTANT', 'wait', { class: 'invalid_response' }],
    ['UND_ERR_HEADERS_OVERFLOW', 'wait', { class: 'invalid_response' }],
    ['Z_DATA_ERROR', 'body', { class: 'invalid_response' }],
    ['CERT_HAS_EXPIRED', 'tls', { class: 'tls_error', reason: 'CERT_HAS_EXPIRED' }],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls', { class: 'tls_error', reason: 'DEPTH_ZERO_SELF_SIGNED_CERT' }],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls', { class: 'tls_error', reason: 'ERR_TLS_CERT_ALTNAME_INVALID' }],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'tls', { class: 'tls_error', reason: 'ERR_SSL_WRONG_VERSION_NUMBER' }],
  ] as const)('%s in phase %s → %o', (code, phase, expected) => {
    expect(classify(coded(code), phase as Phase)).toEqual(expected);
  });

  it.each([
    ['dns', 'dns_timeout'], ['connect', 'connect_timeout'], ['tls', 'connect_timeout'],
    ['wait', 'response_timeout'], ['body', 'response_timeout'],
  ] as const)('our deadline (TimeoutError) in phase %s → %s', (phase, cls) => {
    expect(classify(named('TimeoutError'), phase)).toEqual({ class: cls });
    expect(classify(coded('ABORT_ERR'), phase)).toEqual({ class: cls });
  });

  it('egress refusals keep the policy\'s message as the reason', () => {
    const e = classify(new EgressDeniedError('10.0.0.7', 'private'), 'connect');
    expect(e).toMatchObject({ class: 'egress_denied' });
    expect(e?.class === 'egress_denied' && e.reason).toMatch(/10\.0\.0\.7.*private/);
  });

  it('undici parser errors without a code are invalid_response', () => {
    expect(classify(Object.assign(new Error('bad'), { name: 'HTTPParserError', code: undefined }), 'wait')).toEqual({ class: 'invalid_response' });
  });

  it('reads the code of a cause', () => {
    expect(errorCode(new Error('fetch failed', { cause: coded('ECONNREFUSED') }))).toBe('ECONNREFUSED');
  });

  it('an error no target can cause (no code, or an unknown one) is not classified', () => {
    expect(classify(new TypeError('x is undefined'), 'wait')).toBeNull();
    expect(classify(coded('ERR_SOMETHING_OF_OURS'), 'wait')).toBeNull();
    expect(classify('a string', 'wait')).toBeNull();
  });

  it('lists every class once', () => {
    expect(new Set(errorClasses).size).toBe(errorClasses.length);
    expect(errorClasses).toHaveLength(13);
  });
});
