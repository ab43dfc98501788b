// Lighthouse runtimeError codes → SpeedError classes, on literal errors (no browser).
import { describe, expect, it } from 'vitest';
import { classifyRuntimeError } from '../../../probes/speed/classify.ts';

const cases: ReadonlyArray<[string, string, string | null, object]> = [
  ['DNS_FAILURE', 'DNS servers could not resolve the provided domain.', null, { class: 'dns_failure' }],
  ['FAILED_DOCUMENT_REQUEST', 'unable to load (Details: net::ERR_CONNECTION_REFUSED)', null,
    { class: 'connection_failed', reason: 'ERR_CONNECTION_REFUSED' }],
  ['FAILED_DOCUMENT_REQUEST', 'unable to load (Details: net::ERR_NAME_NOT_RESOLVED)', null, { class: 'dns_failure' }],
  ['FAILED_DOCUMENT_REQUEST', 'unable to load (Details: net::ERR_CERT_DATE_INVALID)', null,
    { class: 'tls_error', reason: 'ERR_CERT_DATE_INVALID' }],
  ['FAILED_DOCUMENT_REQUEST', 'unable to load (Details: net::ERR_TIMED_OUT)', null, { class: 'page_timeout' }],
  ['FAILED_DOCUMENT_REQUEST', 'unable to load (Details: net::ERR_EMPTY_RESPONSE)', null, { class: 'no_content' }],
  ['ERRORED_DOCUMENT_REQUEST', 'unable to reliably load the page (Status code: 503)', null,
    { class: 'http_status', status: 503 }],
  ['INSECURE_DOCUMENT_REQUEST', 'The URL you have provided does not have a valid security certificate.', null,
    { class: 'tls_error' }],
  ['CHROME_INTERSTITIAL_ERROR', 'Chrome prevented page load with an interstitial.', 'net::ERR_CONNECTION_REFUSED',
    { class: 'connection_failed', reason: 'ERR_CONNECTION_REFUSED' }],
  ['CHROME_INTERSTITIAL_ERROR', 'Chrome prevented page load with an interstitial.', 'net::ERR_CERT_AUTHORITY_INVALID',
    { class: 'tls_error', reason: 'ERR_CERT_AUTHORITY_INVALID' }],
  ['CHROME_INTERSTITIAL_ERROR', 'Chrome prevented page load with an interstitial.', null, { class: 'connection_failed' }],
  ['PAGE_HUNG', 'page stopped responding', null, { class: 'page_timeout' }],
  ['NO_FCP', 'The page did not paint any content.', null, { class: 'no_content' }],
  ['NOT_HTML', 'The page provided is not HTML (served as MIME type application/pdf).', null, { class: 'not_html' }],
  ['TARGET_CRASHED', 'Browser tab has unexpectedly crashed.', null, { class: 'browser_failure' }],
  ['PROTOCOL_TIMEOUT', 'Waiting for DevTools protocol response has exceeded the allotted time.', null,
    { class: 'lighthouse_error', reason: 'PROTOCOL_TIMEOUT' }],
];

describe('classifyRuntimeError', () => {
  it.each(cases)('%s (%s) → %o', (code, message, netError, expected) => {
    expect(classifyRuntimeError({ code, message }, netError)).toMatchObject(expected);
  });
});
