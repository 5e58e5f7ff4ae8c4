// The summary prompt, the same in add and revise. A summary may run to
// several paragraphs, which a one-line input cannot hold: so the first
// question is what to do with it (keep it: Enter; type one paragraph; write
// several in the editor), and the editor opens only on that explicit choice,
// never on a plain Enter. The transcript always shows the summary chosen.

import type { Choice, Prompter } from "./prompts.js";

export interface SummaryPrompt {
  /** The summary as it stands ("" for a new event). */
  current: string;
  /** Whether it may be left empty (revise may remove one; add needs one). */
  optional: boolean;
  /** The field's rule, as a prompt validator. */
  validate: (value: string) => boolean | string;
  /** The editor the editor choice opens, named for the user. */
  editor: string;
  /** Writes a line of transcript where the prompts are. */
  say: (text: string) => void;
}

type Action = "keep" | "type" | "editor" | "remove";

/** The editor @inquirer/prompts opens: $VISUAL, else $EDITOR, else vim (notepad on Windows). */
export function editorName(env: Record<string, string | undefined>): string {
  return env["VISUAL"] || env["EDITOR"] || (process.platform.startsWith("win") ? "notepad" : "vim");
}

const paragraphs = (text: string) => text.split(/\n[ \t]*\n/).filter((p) => p.trim() !== "").length;

/** "“First words…” (3 paragraphs)": enough of a summary to recognise it on one line. */
export function describeSummary(text: string): string {
  if (text === "") return "(none)";
  const first = text.split("\n")[0]!.trim();
  const shown = first.length > 60 ? first.slice(0, 59) + "…" : first;
  const n = paragraphs(text);
  return `"${shown}"${n > 1 ? ` (${n} paragraphs)` : text.includes("\n") ? " (several lines)" : ""}`;
}

function choices(o: SummaryPrompt): Choice<Action>[] {
  const out: Choice<Action>[] = [];
  const multi = o.current.includes("\n");
  if (o.current !== "") out.push({ name: `Keep it: ${describeSummary(o.current)}`, value: "keep", short: `kept ${describeSummary(o.current)}`, description: o.current });
  out.push({
    name: o.current === "" ? "Type it here (one paragraph)" : multi ? "Type a new one here (one paragraph, replacing it all)" : "Edit it here (one paragraph)",
    value: "type",
    short: "typed here",
  });
  out.push({
    name: `${o.current === "" ? "Write it" : "Edit it"} in your editor (${o.editor}; several paragraphs: a blank line between two)`,
    value: "editor",
    short: `in ${o.editor}`,
    description: "Opens $VISUAL (or $EDITOR); save the file and quit the editor to go on.",
  });
  if (o.optional && o.current !== "") out.push({ name: "Remove it", value: "remove", short: "removed" });
  return out;
}

export async function promptSummary(prompter: Prompter, o: SummaryPrompt): Promise<string> {
  const action = await prompter.select<Action>({ message: "Summary", choices: choices(o) });
  if (action === "keep") return o.current;
  if (action === "remove") return "";
  if (action === "type") {
    const oneLine = o.current.includes("\n") ? undefined : o.current || undefined;
    return prompter.input({ message: "Summary (one paragraph)", default: oneLine, prefill: "editable", validate: o.validate });
  }
  const written = await prompter.editor({ message: "Summary", default: o.current, validate: o.validate, waitForUserInput: false, postfix: ".md" });
  o.say(`  Summary: ${describeSummary(written.replace(/\r\n?/g, "\n").trim())}`);
  return written;
}
