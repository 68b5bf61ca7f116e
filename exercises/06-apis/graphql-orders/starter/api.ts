import { defaultFieldResolver, execute, GraphQLError, parse, specifiedRules, validate, type DocumentNode, type ExecutionResult } from "graphql";
import { depthLimit } from "./depth-limit";
import { createContext, resolvers, schema } from "./schema";
import type { Store } from "./store";

export interface Options { maxDepth?: number }

/** One GraphQL request, as a POST /graphql handler would run it: never throws, always a GraphQL result. */
export async function executeQuery(
  store: Store, source: string, variables: Record<string, unknown> = {}, { maxDepth = 5 }: Options = {},
): Promise<ExecutionResult> {
  let document: DocumentNode;
  try {
    document = parse(source);
  } catch (error) {
    return { errors: [error as GraphQLError] };
  }
  const errors = validate(schema, document, [...specifiedRules, depthLimit(maxDepth)]);
  if (errors.length > 0) return { errors };
  return execute({
    schema, document, variableValues: variables, contextValue: createContext(store),
    fieldResolver: (source, args, ctx, info) =>
      (resolvers[info.parentType.name]?.[info.fieldName] ?? defaultFieldResolver)(source, args, ctx, info),
  });
}
