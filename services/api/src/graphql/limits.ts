import type { ValidationRule } from 'graphql';
import { graphql } from './graphql-js.js';

const { GraphQLError } = graphql;

// Bounds on what one document may ask for, checked before any resolver runs. Depth is limited by
// mercurius' own `queryDepth`; tokens by graphql's parser (`maxTokens`).
export const QUERY_LIMITS = { depth: 10, aliases: 30, directives: 20, tokens: 5_000 } as const;

export const maxAliasesRule = (max: number): ValidationRule => {
  return (context) => {
    let count = 0;
    return {
      Field(node) {
        if (node.alias && ++count === max + 1) {
          context.reportError(
            new GraphQLError(`Too many aliases: at most ${max} are allowed.`, { nodes: [node] }),
          );
        }
      },
    };
  };
};

export const maxDirectivesRule = (max: number): ValidationRule => {
  return (context) => {
    let count = 0;
    return {
      Directive(node) {
        if (++count === max + 1) {
          context.reportError(
            new GraphQLError(`Too many directives: at most ${max} are allowed.`, { nodes: [node] }),
          );
        }
      },
    };
  };
};
