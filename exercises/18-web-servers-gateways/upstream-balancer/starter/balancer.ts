import type { Balancer, BalancerOptions } from "./types";

/** An nginx `upstream` block: see the README for each rule. */
export function createBalancer({ servers, method = "round_robin", healthCheck = {}, now = Date.now }: BalancerOptions): Balancer {
  void servers, method, healthCheck, now;
  return {
    pick() {
      // TODO: available servers (down, health, max_fails/fail_timeout), primaries before backups, then the method.
      throw new Error("not implemented: pick");
    },
    done(name, ok) {
      // TODO: one active request fewer; count a failure, or clear the count on success.
      throw new Error(`not implemented: done(${name}, ${ok})`);
    },
    checked(name, healthy) {
      // TODO: `fails` bad results in a row take the server out, `passes` good ones bring it back.
      throw new Error(`not implemented: checked(${name}, ${healthy})`);
    },
  };
}
