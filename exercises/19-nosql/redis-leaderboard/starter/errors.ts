/** Read-only. */
export class LeaderboardError extends Error {
  readonly code = "INVALID";
  constructor(message: string) {
    super(message);
    this.name = "LeaderboardError";
  }
}
