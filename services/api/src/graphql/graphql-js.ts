import { createRequire } from 'node:module';

/**
 * graphql-js, loaded the way mercurius loads it (CommonJS). Importing 'graphql' from our ES modules
 * would load its .mjs build as a second copy, and in production graphql-js refuses types and errors
 * from "another realm". Everything in the service that needs graphql-js values takes them from here.
 */
export const graphql: typeof import('graphql') = createRequire(import.meta.url)('graphql');
