/** Read-only. */
export class GraphError extends Error {
  readonly code = "INVALID";
  constructor(message: string) {
    super(message);
    this.name = "GraphError";
  }
}
