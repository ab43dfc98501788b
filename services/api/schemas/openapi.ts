// The OpenAPI 3 document's header: served at /docs/json, browsable at /docs.
export const openApiInfo: { openapi: string; info: { title: string; version: string; description: string }; components: { securitySchemes: { bearer: { type: 'http'; scheme: string } } }; security: Record<string, string[]>[] } = {
  openapi: '3.0.3',
  info: {
    title: 'Sanjeh API',
    version: '1',
    description: 'Indicators 3 (availability), 4 (speed) and 5 (TLS) of Iran\'s e-government assessment. '
      + 'Send `Authorization: Bearer <key>`; errors are RFC 9457 problem details naming the bad field.',
  },
  components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
  security: [{ bearer: [] }],
};
