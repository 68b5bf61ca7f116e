import type { z } from "zod";

/** One RFC 9457 problem: thrown by handlers, turned into an application/problem+json response by app.onError. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: Record<string, string>,
    readonly headers: Record<string, string> = {},
  ) {
    super(title);
  }

  toResponse(): Response {
    const body = { type: this.type, title: this.title, status: this.status, detail: this.detail, errors: this.errors };
    return new Response(JSON.stringify(body), {
      status: this.status,
      headers: { "content-type": "application/problem+json", ...this.headers },
    });
  }
}

export const notFound = () => new ApiProblem(404, "about:blank", "Not Found");
export const methodNotAllowed = (allow: string) =>
  new ApiProblem(405, "about:blank", "Method Not Allowed", undefined, undefined, { allow });
export const invalidJson = () =>
  new ApiProblem(400, "/problems/invalid-json", "Malformed request body", "The body must be a JSON object.");
export const conflict = (type: string, detail: string) => new ApiProblem(409, type, "Conflict", detail);

/** 422 with one message per field, keyed by the dotted path to it ("lines.0.quantity"). */
export function validation(errors: Record<string, string>): ApiProblem {
  return new ApiProblem(422, "/problems/validation", "Invalid request", "Some fields are invalid.", errors);
}

export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[issue.path.join(".")] ??= issue.message;
  return errors;
}
