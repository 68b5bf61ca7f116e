export { chainEvent, verifyChain, LogChain, type ChainProblem } from "./chain";
export { changeSchema, logEventSchema, type Change, type LogEntry, type LogEvent } from "./log";
export { applyChanges, replayFiles, ReplayError } from "./replay";
export { checkIntegrity, parseSubmission, sessionFacts, submissionSchema, SubmissionError, type Integrity, type SessionFacts, type Submission } from "./submission";
export { taskHash, type TaskParts } from "./task-hash";
export { canonicalJson, sha256Hex } from "./canonical-json";
