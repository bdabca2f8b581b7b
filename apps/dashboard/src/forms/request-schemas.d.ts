declare module 'virtual:request-schemas' {
  /** Request-body JSON Schemas of the OpenAPI document, keyed `"POST /v1/actions"`. */
  const schemas: Record<string, Record<string, unknown>>;
  export default schemas;
}
