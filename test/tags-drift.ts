// One small archive whose tags have drifted as real ones do: case,
// diacritics, punctuation, plurals, prefixes; front matter as a YAML flow
// list, a block list with comments, JSON; a superseded version.

import { archiveFiles, pathOf, type Ev } from "./tags-helpers.js";

export const A: Ev = {
  date: "2020-01-01",
  slug: "flow-list",
  frontMatter: [`contexts: [Mali, "Côte d'Ivoire", 'Islamists'] # tags`, 'recorded: "2020-01-01 10:00:00"'],
  related: [{ path: "news/2020/01/2/block-list.md", tail: "_Context: Mali, Islamists_" }],
};
export const B: Ev = {
  date: "2020-01-02",
  slug: "block-list",
  frontMatter: ["title: kept as it is", "contexts:", "  - mali   # lower case", "  - Islamist", 'recorded: "2020-01-02 10:00:00"'],
  related: [{ path: pathOf(A), tail: "_Context: mali_" }],
};
export const C: Ev = {
  date: "2020-01-03",
  slug: "json-front-matter",
  fence: "json",
  frontMatter: ["{", `  "contexts": ["Cote d'Ivoire", "Mali"],`, '  "recorded": "2020-01-03 10:00:00"', "}"],
};
export const D: Ev = {
  date: "2020-01-03",
  slug: "no-front-matter",
  related: [
    { path: pathOf(A), tail: "_Context: Mali, mali_" },
    { path: pathOf(C), tail: "_Context: Cote d'Ivoire,Mali_" },
  ],
};
export const FIRST_TAKE = "news/2020/02/1/first-take.md";
export const E: Ev = { date: "2020-02-01", slug: "second-take", versions: [FIRST_TAKE], related: [{ path: pathOf(D), tail: "_Context: mali, Gaza_" }] };
export const F: Ev = { date: "2020-02-02", slug: "gaza", frontMatter: ["contexts: [Gaza Strip, Al-Qaeda, Iran]"] };
export const G: Ev = { date: "2020-02-03", slug: "iraq", frontMatter: ["contexts: [Iraq, Al Qaeda, Companies]"] };
export const H: Ev = { date: "2020-02-03", slug: "company", frontMatter: ["contexts: [Company, Oil, Oilfield, Iranian]"] };

export const DRIFT = archiveFiles([A, B, C, D, E, F, G, H]);
