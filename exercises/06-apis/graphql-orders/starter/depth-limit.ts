import type { ASTVisitor, ValidationContext } from "graphql";

/** A validation rule: reports QUERY_TOO_DEEP when any operation nests fields deeper than `max`. */
export function depthLimit(max: number): (context: ValidationContext) => ASTVisitor {
  return (context) => {
    // TODO: on each OperationDefinition, measure its deepest field path (following fragment spreads and
    // inline fragments) and context.reportError(...) a GraphQLError with extensions.code QUERY_TOO_DEEP.
    void max; void context;
    return {};
  };
}
