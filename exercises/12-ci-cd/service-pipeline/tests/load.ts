import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from "@actions/workflow-parser";
import { parse } from "yaml";

export interface Step { uses?: string; run?: string; with?: Record<string, unknown> }
export interface Job {
  needs?: string | string[];
  "runs-on"?: unknown;
  "timeout-minutes"?: number;
  permissions?: unknown;
  if?: string;
  environment?: string | { name?: string };
  concurrency?: string | { group?: string; "cancel-in-progress"?: boolean };
  strategy?: { "fail-fast"?: boolean; matrix?: Record<string, unknown> };
  steps?: Step[];
}
export interface Workflow {
  on?: unknown;
  permissions?: unknown;
  concurrency?: { group?: string; "cancel-in-progress"?: boolean };
  jobs: Record<string, Job>;
}

/** GitHub's parser for validity (schema, expressions, needs), `yaml` for reading the structure. */
export async function load(source: string) {
  const parsed = parseWorkflow({ name: "service.yml", content: source }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  let events: Record<string, unknown> = {};
  if (parsed.value && errors.length === 0) {
    const template = await convertWorkflowTemplate(parsed.context, parsed.value);
    errors.push(...(template.errors ?? []).map((e) => e.Message));
    events = (template.events ?? {}) as Record<string, unknown>;
  }
  const doc = (parse(source) ?? {}) as Workflow;
  doc.jobs ??= {};
  return { errors, events, doc };
}

export const needsOf = (job: Job | undefined): string[] =>
  job?.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs];

export const compact = (value: unknown): string => String(value).replace(/\s+/g, "");

export const runs = (job: Job | undefined): string[] =>
  (job?.steps ?? []).flatMap((s) => (typeof s.run === "string" ? [s.run.trim()] : []));
