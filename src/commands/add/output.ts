// What add prints: the new path (text), the new event as a list item
// (json), the file itself for --dry-run, and the preview before confirming.

import type { ChalkInstance } from "chalk";
import { buildArchive } from "../../archive/model.js";
import { parseFile } from "../../archive/read/read-archive.js";
import type { EventFile } from "../../archive/types.js";
import { toListItem, type ListItem } from "../list/item.js";
import type { AddPlan, FileChange } from "./plan.js";

/** The new event in the shape of a `list --format json` item, read back from the text that is written. */
export function eventItem(root: string, plan: AddPlan): ListItem {
  const file = parseFile(plan.path, Buffer.from(plan.content, "utf8")) as EventFile;
  return toListItem(buildArchive(root, [file]), file);
}

function describeChange(change: FileChange): string {
  if (change.why === "event") return `${change.path} (new event)`;
  if (change.why === "day page") return `${change.path} (${change.before === null ? "new day page" : "day page, one line added"})`;
  return `${change.path} (backlink in its Related list)`;
}

/** One line per file the add writes. */
export function describeChanges(plan: AddPlan): string[] {
  return plan.changes.map(describeChange);
}

export function formatResult(root: string, plan: AddPlan, format: "text" | "json", dryRun: boolean): string {
  if (format === "json") return JSON.stringify(eventItem(root, plan), null, 2) + "\n";
  return dryRun ? plan.content : plan.path + "\n";
}

export function formatDryRunNote(plan: AddPlan): string {
  return `newsctl: dry run, nothing written; it would write:\n${describeChanges(plan)
    .map((line) => `  ${line}\n`)
    .join("")}`;
}

export function formatPreview(plan: AddPlan, c: ChalkInstance): string {
  const rule = c.dim("─".repeat(60));
  const files = describeChanges(plan)
    .map((line) => `  ${line}\n`)
    .join("");
  return `\n${c.bold(plan.path)}\n${rule}\n${plan.content}${rule}\n${c.bold("Files to write:")}\n${files}\n`;
}
