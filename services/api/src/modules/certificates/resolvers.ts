// Filled in by this module's service; see schema.graphql.
export {};
