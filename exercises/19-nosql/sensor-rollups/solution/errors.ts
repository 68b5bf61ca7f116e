/** Read-only. */
export class SeriesError extends Error {
  readonly code = "INVALID";
  constructor(message: string) {
    super(message);
    this.name = "SeriesError";
  }
}
