// newsctl as a library: open an archive, validate it, list its events. The
// CLI's validate and list run through these same functions; the results
// are what their --format json prints.
//
//   import { openArchive, validate, listEvents } from "newsctl";

export { openArchive, type ArchiveHandle, type OpenOptions } from "./open.js";
export { validate, type ValidateOptions } from "./validate.js";
export { listEvents, type ListQuery } from "./list.js";
export { FailureError, NewsctlError, UsageError } from "./errors.js";
export type { ApiOptions } from "./context.js";
export type { FixReport, ListItem, Problem, Severity, ValidateReport, ValidateResult, ValidateSummary } from "./types.js";
