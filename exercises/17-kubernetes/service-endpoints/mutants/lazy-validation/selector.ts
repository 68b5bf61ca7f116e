import { SelectorError, type LabelSelector, type LabelSelectorRequirement, type Labels } from "./types";

function check(req: LabelSelectorRequirement, index: number): void {
  const where = `matchExpressions[${index}] (${req.key})`;
  const count = req.values?.length ?? 0;
  switch (req.operator) {
    case "In":
    case "NotIn":
      if (count === 0) throw new SelectorError(`${where}: ${req.operator} needs at least one value`);
      return;
    case "Exists":
    case "DoesNotExist":
      if (count > 0) throw new SelectorError(`${where}: ${req.operator} takes no values, found ${count}`);
      return;
    default:
      throw new SelectorError(`${where}: operator must be In, NotIn, Exists or DoesNotExist, found ${JSON.stringify(req.operator)}`);
  }
}

function holds(req: LabelSelectorRequirement, labels: Labels): boolean {
  const present = Object.hasOwn(labels, req.key);
  switch (req.operator) {
    case "In": return present && req.values!.includes(labels[req.key]);
    // A pod without the key is "not in" any set of values.
    case "NotIn": return !present || !req.values!.includes(labels[req.key]);
    case "Exists": return present;
    case "DoesNotExist": return !present;
  }
}

/** Whether labels satisfy a label selector: every matchLabels pair and every expression (an empty selector matches all). */
export function matches(selector: LabelSelector, labels: Labels = {}): boolean {
  const expressions = selector.matchExpressions ?? [];
  const pairs = Object.entries(selector.matchLabels ?? {});
  return pairs.every(([k, v]) => Object.hasOwn(labels, k) && labels[k] === v) && expressions.every((req, i) => (check(req, i), holds(req, labels)));
}
