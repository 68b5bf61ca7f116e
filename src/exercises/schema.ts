import { z } from "zod";
import { packageNames } from "./packages";

// Zod probes `new Function` once to decide whether to compile parsers; under the app's CSP that
// probe is reported as a violation. Parsing a few small objects gains nothing from compiling.
z.config({ jitless: true });

/** One exercise's `exercise.json`. Only `title` and `phase` are required; the rest have defaults. */
export const exerciseSchema = z
  .strictObject({
    title: z.string().trim().min(1).describe("Shown in the roadmap and the workspace header."),
    phase: z.int().min(1).max(25).describe("Roadmap phase, 1–25 (see src/exercises/phases.ts)."),
    difficulty: z
      .enum(["beginner", "intermediate", "advanced"])
      .default("beginner")
      .describe("How hard the exercise is, shown next to its title."),
    order: z.int().min(0).default(100).describe("Position within its phase; ties sort by slug."),
    summary: z.string().default("").describe("One line for the roadmap."),
    hints: z.array(z.string().min(1)).default([]).describe("Revealed one at a time, in order."),
    timeoutMs: z
      .int()
      .min(100)
      .max(120_000)
      .default(5_000)
      .describe("Per-test time limit in milliseconds, with Vitest's semantics (default 5000)."),
    packages: z
      .array(z.enum(packageNames))
      .default([])
      .describe("Extra bare imports the exercise may use, beyond vitest and @roadlab/db."),
    runtime: z
      .enum(["local", "webcontainer"])
      .default("local")
      .describe("\"webcontainer\" when the task needs real node:* modules or npm packages: it then runs only in the WebContainer runtime (online) and the CLI's Node runtime."),
    readonly: z
      .array(z.string().min(1))
      .default([])
      .describe("Starter files the learner can read but not edit (e.g. types.ts); graders restore them from starter/."),
    topics: z
      .array(z.string().min(1))
      .default([])
      .describe("Which of its phase's roadmap topics the exercise teaches (see src/exercises/phases.ts)."),
    checkpoint: z
      .boolean()
      .default(false)
      .describe("true for the phase's checkpoint exercise: a larger, multi-file task; at most one per phase."),
  })
  .describe("exercise.json");

export type ExerciseConfig = z.infer<typeof exerciseSchema>;
export type ExerciseConfigInput = z.input<typeof exerciseSchema>;

export const exerciseFields = Object.keys(exerciseSchema.shape);
