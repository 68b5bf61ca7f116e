/** Splits a key into words as RabbitMQ does: "" has no words, and every dot separates two (maybe empty) words. */
export function splitKey(key: string): string[] {
  return key === "" ? [] : key.split(".");
}

/** Does a topic binding key (with `*` = one word, `#` = zero or more) match a routing key? */
export function matches(bindingKey: string, routingKey: string): boolean {
  const pattern = splitKey(bindingKey);
  const words = splitKey(routingKey);
  // seen[i][j]: pattern from i matches words from j; memoised so "#.#.#" stays linear-ish.
  const memo = new Map<number, boolean>();
  const match = (i: number, j: number): boolean => {
    const id = i * (words.length + 1) + j;
    const known = memo.get(id);
    if (known !== undefined) return known;
    let result: boolean;
    if (i === pattern.length) result = j === words.length;
    else if (pattern[i] === "#") result = j < words.length && (match(i + 1, j + 1) || match(i, j + 1));
    else result = j < words.length && (pattern[i] === "*" || pattern[i] === words[j]) && match(i + 1, j + 1);
    memo.set(id, result);
    return result;
  };
  return match(0, 0);
}
