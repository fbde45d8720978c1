// One batched query per field (mercurius loaders); see schema.graphql.
export const loaders = {};
