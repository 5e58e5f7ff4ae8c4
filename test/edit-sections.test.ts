// Every edit keeps every part of the file: for event files in every shape
// the parser accepts, each edit (title, summary, sources, tags, related,
// changes list) changes its own field only; re-parsing gives the old value
// of every other field.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { writeChangesList } from "../src/archive/format/changes-list.js";
import { editSources, editSummary, editTitle, setFrontMatter } from "../src/archive/format/event-edit.js";
import { buildArchive } from "../src/archive/model.js";
import { sortTags } from "../src/archive/format/contexts.js";
import { parseEvent } from "../src/archive/format/parse-event.js";
import { parseArchivePath } from "../src/archive/format/paths.js";
import { readArchive } from "../src/archive/read/read-archive.js";
import { planRevision } from "../src/archive/revision.js";
import { cloneDoc, joinText } from "../src/archive/format/text.js";
import type { EventFile } from "../src/archive/types.js";
import { eventValues, type EventValues } from "../src/archive/format/verify.js";
import { contextTailOf, rewriteContexts, rewriteLink } from "../src/archive/format/write.js";
import { PATH, eventText, tags, words } from "./event-gen.js";
import { readText, runCli, SEED_PATH, tempArchive, writeFile } from "./helpers.js";
import { assertSeeded } from "./seeded.js";

const parse = (text: string) => parseEvent(PATH, parseArchivePath(PATH)!, text);

/** Apply `edit` to a copy of the file; the result must read back as `expected`, and no worse. */
function expectEdit(file: EventFile, edit: (doc: EventFile["doc"]) => void, expected: Partial<EventValues>): void {
  const doc = cloneDoc(file.doc);
  edit(doc);
  const after = parse(joinText(doc));
  expect(eventValues(after)).toEqual({ ...eventValues(file), ...expected });
  expect(after.notes.map((n) => n.rule).sort()).toEqual(file.notes.map((n) => n.rule).sort());
}

const newSummary = fc.array(fc.oneof(words, fc.constant("")), { maxLength: 4 }).map((l) => l.join("\n").trim());
const newSources = fc.array(fc.record({ name: words, url: fc.constantFrom("https://a.test/1", "https://a.test/x)y", "https://a.test/end\\", "https://a.test/(p)") }), { maxLength: 3 });
const changeLines = fc.array(fc.tuple(words, fc.integer({ min: 1, max: 9 })), { minLength: 1, maxLength: 3 });

describe("edits keep every other part of the file", () => {
  it("title, summary, sources, tags, a Related item and the Changes list, each alone", () => {
    assertSeeded(
      fc.property(eventText, words, newSummary, newSources, tags, changeLines, (text, title, summary, sources, newTags, changes) => {
        const file = parse(text);
        if (!file.title || file.notes.some((n) => n.severity === "error")) return;
        expectEdit(file, (doc) => editTitle(doc, file, title), { title });
        expectEdit(file, (doc) => editSummary(doc, file, summary), { summary });
        expectEdit(file, (doc) => editSources(doc, file, sources), { sources });
        const flow = `[${newTags.map((t) => JSON.stringify(t)).join(", ")}]`;
        expectEdit(file, (doc) => setFrontMatter(doc, file, [["contexts", flow]]), { tags: sortTags(newTags) });
        const item = file.related[file.related.length - 1];
        if (item) {
          const hasList = contextTailOf(file.doc, item) !== null;
          const related = eventValues(file).related;
          related[related.length - 1] = { title: "Retitled (2)", to: "news/2020/02/2/new.md", contexts: hasList ? newTags : item.contexts };
          expectEdit(
            file,
            (doc) => {
              rewriteContexts(doc, item, newTags);
              rewriteLink(doc, item, { text: "Retitled (2)", path: "news/2020/02/2/new.md" });
            },
            { related },
          );
        }
        const lines = changes.map(([t, n], i) => `${i + 1}. [${t.replace(/[\\[\]]/g, (c) => "\\" + c)}](/news/2013/01/21/w${n}.md) _(Update)_`);
        const values = changes.map(([t, n]) => ({ title: t, to: `news/2013/01/21/w${n}.md`, kind: "update", timestamp: null }));
        expectEdit(file, (doc) => writeChangesList(doc, file, lines), { changes: values });
      }),
      400,
    );
  });

  it("a whole revision of such a file reads back as asked, and verifies itself", () => {
    assertSeeded(
      fc.property(eventText, words, newSummary, newSources, tags, (text, title, summary, sources, newTags) => {
        const file = parse(text);
        if (!file.title || file.notes.some((n) => n.severity === "error")) return;
        const archive = buildArchive("/nonexistent-archive", [file]);
        const event = archive.eventOf.get(PATH)!;
        const plan = planRevision(archive, event, { title, summary, sources, tags: newTags }, new Date("2026-01-02T03:04:05Z"));
        const written = plan.writes.find((w) => w.path === plan.path)!;
        const values = eventValues(parseEvent(plan.path, parseArchivePath(plan.path)!, written.content));
        const retagged = JSON.stringify(sortTags(newTags)) !== JSON.stringify(event.contexts);
        expect(values).toMatchObject({ title, summary, sources, tags: retagged ? sortTags(newTags) : eventValues(file).tags });
        expect(values.covers).toEqual(eventValues(file).covers);
        expect(values.related.map((r) => r.to)).toEqual(eventValues(file).related.map((r) => r.to));
      }),
      300,
    );
  });
});

describe("revise --summary on headings without a space", () => {
  const headings = ["###Source:", "###Related:", "###Changes:"];
  it("keeps every section of the file", async () => {
    const seed = SEED_PATH;
    const root = tempArchive();
    const original = readText(root, seed);
    writeFile(root, seed, original.replace("### Source:", headings[0]!).replace("### Related:", headings[1]!).replace("### Changes:", headings[2]!));
    const r = await runCli(["revise", seed, "--summary", "A new summary.", "--yes", "--format", "json", "--archive", root]);
    expect(r.code, r.stderr).toBe(0);
    const path = JSON.parse(r.stdout).path as string;
    const archive = readArchive(root);
    const before = eventValues(parseEvent(seed, parseArchivePath(seed)!, original));
    const after = eventValues(archive.files.get(path) as EventFile);
    expect(after.summary).toBe("A new summary.");
    expect(after.sources).toEqual(before.sources);
    expect(after.covers).toEqual(before.covers);
    expect(after.related).toEqual(before.related);
    expect(after.changes.slice(0, -1).map((c) => c.to)).toEqual(before.changes.map((c) => c.to));
    for (const h of headings) expect(readText(root, path)).toContain(`\n${h}\n`);
  });
});

describe("a revision copies the current version's Changes list as it is", () => {
  it("even a malformed item the older versions lack", () => {
    const dir = "news/2014/05/6";
    const item = (slug: string, tail: string) => `[${slug}](/${dir}/${slug}.md) _${tail}_`;
    const old = parseEvent(`${dir}/a.md`, parseArchivePath(`${dir}/a.md`)!, `# a\n\n### Changes:\n\n1. ${item("a", "2014-05-06 10:00:00 (First version)")}\n2. ${item("b", "(Current version)")}\n`);
    const cur = parseEvent(`${dir}/b.md`, parseArchivePath(`${dir}/b.md`)!, `# b\n\n### Changes:\n\n1. ${item("a", "2014-05-06 10:00:00 (First version)")}\n- a note, not a link\n2. ${item("b", "(Current version)")}\n`);
    const archive = buildArchive("/nonexistent-archive", [old, cur]);
    const event = archive.eventOf.get(`${dir}/b.md`)!;
    const plan = planRevision(archive, event, { title: "c", summary: "", sources: [], tags: null }, new Date("2026-01-02T03:04:05Z"));
    expect(plan.writes.find((w) => w.path === `${dir}/a.md`)!.content).toContain("\n- a note, not a link\n");
  });
});
