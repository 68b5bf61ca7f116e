import { SelectorError, type LabelSelector, type Labels } from "./types";

/** Whether labels satisfy a label selector: every matchLabels pair and every expression (an empty selector matches all). */
export function matches(selector: LabelSelector, labels: Labels = {}): boolean {
  // TODO: validate each expression (SelectorError), then matchLabels AND matchExpressions
  void selector; void labels; void SelectorError;
  throw new Error("not implemented");
}
