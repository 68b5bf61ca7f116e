/** Splits a key into words as RabbitMQ does (see the README). */
export function splitKey(key: string): string[] {
  // TODO
  void key;
  throw new Error("not implemented: splitKey");
}

/** Does a topic binding key (with `*` = one word, `#` = zero or more) match a routing key? */
export function matches(bindingKey: string, routingKey: string): boolean {
  // TODO
  void bindingKey, routingKey;
  throw new Error("not implemented: matches");
}
