// Event files in every shape the parser accepts: heading variants
// (`###Source:`, `## Sources`, `###### related :`), list markers and
// indents, CRLF/LF/CR, a byte-order mark, front matter or none, missing
// sections, no final newline, a stray heading, the sections in any order.

import fc from "fast-check";

export const PATH = "news/2013/01/21/event.md";

const word = fc.constantFrom("Mali", "Gao", "troops", "élection", "東京", "news", "(film)", "x_y", "a*b", "#1", "[x]", "back\\slash", "C#");
export const words = fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(" "));
const tag = fc.constantFrom("Mali", "Gao", "France", "Diabaly", "Élection", "東京");
export const tags = fc.uniqueArray(tag, { maxLength: 4 });

const heading = (names: string[]) =>
  fc
    .tuple(fc.integer({ min: 2, max: 6 }), fc.constantFrom("", " ", "\t", "  "), fc.constantFrom(...names), fc.constantFrom("", ":", " :"), fc.constantFrom("", " ", "\t"))
    .map(([n, pre, name, colon, post]) => "#".repeat(n) + pre + name + colon + post);

const bullet = fc.tuple(fc.constantFrom("", " ", "  ", "   ", "\t"), fc.constantFrom("1.", "1)", "-", "*", "+", "12.", "2."), fc.constantFrom(" ", "\t", "  ")).map(([i, m, g]) => i + m + g);

const url = fc.tuple(fc.integer({ min: 1, max: 99 }), fc.constantFrom("", "(x)", "a)b", "q?x=1&y=%20", "end\\")).map(([n, s]) => `https://x.test/${n}${s}`);
const dest = (u: string) => u.replace(/[\\<>]/g, (c) => "\\" + c).replace(/\)/g, (c) => (/\(.*\)/.test(u) ? c : "\\" + c));

const sourceItem = fc.tuple(bullet, words, url).map(([b, name, u]) => `${b}[${name.replace(/[\\[\]]/g, (c) => "\\" + c)}](${dest(u)})`);
const coverItem = fc.tuple(bullet, url).map(([b, u]) => `${b}[Cover Image](${dest(u)})`);
const relatedItem = fc
  .tuple(bullet, words, fc.integer({ min: 1, max: 9 }), fc.option(tags, { nil: null }), fc.constantFrom("/news/2013/01/14/r", "/news/2013/01/14/r%2D", "../14/r"))
  .map(([b, t, n, ctx, base]) => `${b}[${t.replace(/[\\[\]]/g, (c) => "\\" + c)} ](${base}${n}.md)${ctx ? ` _Context: ${ctx.join(", ")}_` : ""}`);
const changeItem = fc
  .tuple(bullet, words, fc.integer({ min: 1, max: 9 }), fc.constantFrom("_2017-08-25 03:37:18 (First version)_", "_2017-08-27 03:37:28 (Update)_"))
  .map(([b, t, n, tail]) => `${b}[${t.replace(/[\\[\]]/g, (c) => "\\" + c)}](/news/2013/01/21/v${n}.md) ${tail}`);
const ownChange = fc.tuple(bullet, words).map(([b, t]) => `${b}[${t}](/${PATH}) _(Current version)_`);

const blanks = fc.integer({ min: 0, max: 2 }).map((n) => Array<string>(n).fill(""));

function section(head: fc.Arbitrary<string>, items: fc.Arbitrary<string[]>): fc.Arbitrary<string[]> {
  return fc.tuple(head, blanks, items, blanks).map(([h, b1, list, b2]) => [h, ...b1, ...list, ...b2]);
}

const sources = section(heading(["Source", "Sources", "source", "SOURCES"]), fc.tuple(fc.array(sourceItem, { maxLength: 3 }), fc.option(coverItem, { nil: null })).map(([s, c]) => (c ? [...s, c] : s)));
const related = section(heading(["Related", "related", "RELATED"]), fc.array(relatedItem, { maxLength: 3 }));
const changes = section(heading(["Changes", "changes"]), fc.tuple(fc.array(changeItem, { maxLength: 2 }), ownChange).map(([c, own]) => [...c, own]));

const frontMatter = fc.constantFrom<string[]>([], ["---", "contexts: [Mali, Gao]", "---"], ["---", "foo: bar", "contexts:", "  - France", "---"], ["---yaml", "a: 1", "..."], ["---json", '{"contexts": ["Mali"], "x": 1}', "---"]);
const summary = fc.array(fc.oneof(words, fc.constant(""), fc.constantFrom("#hashtag", "##no-space", "1. a list", "- dash", "   indented ## x", "#######")), { maxLength: 4 });

/** An event file as text, in one of the many shapes real archives hold. */
export const eventText: fc.Arbitrary<string> = fc
  .record({
    bom: fc.boolean(),
    eol: fc.constantFrom("\n", "\r\n", "\r", "mixed"),
    fm: frontMatter,
    date: fc.boolean(),
    title: fc.tuple(fc.constantFrom("# ", "#  ", "#\t"), words, fc.constantFrom("", " ")).map(([h, t, s]) => h + t + s),
    summary,
    parts: fc.tuple(fc.option(sources, { nil: null }), fc.option(related, { nil: null }), fc.option(changes, { nil: null })),
    order: fc.constantFrom([0, 1, 2], [1, 0, 2], [2, 1, 0], [0, 2, 1]),
    stray: fc.option(fc.constantFrom(["## Notes", "", "A note."], ["### See also", "text"]), { nil: null }),
    finalEol: fc.boolean(),
    gaps: fc.array(blanks, { minLength: 4, maxLength: 4 }),
  })
  .map((g) => {
    const lines: string[] = [...g.fm];
    if (g.date) lines.push("### [2013-01-21](/news/2013/01/21/index.md)", ...g.gaps[0]!);
    lines.push(g.title, ...g.gaps[1]!, ...g.summary, ...g.gaps[2]!);
    if (g.stray) lines.push(...g.stray);
    for (const i of g.order) if (g.parts[i]) lines.push(...g.parts[i]!);
    const eols = lines.map((_, i) => (g.eol === "mixed" ? ["\n", "\r\n", "\r"][i % 3]! : g.eol));
    if (!g.finalEol) eols[eols.length - 1] = "";
    return (g.bom ? "\uFEFF" : "") + lines.map((l, i) => l + eols[i]).join("");
  });
