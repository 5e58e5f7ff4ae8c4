import { describe, expect, it } from "vitest";
import { runCli, runMain, tempArchive } from "./helpers.js";
import { DRIFT, FIRST_TAKE } from "./tags-drift.js";

const drift = () => tempArchive({ from: null, files: DRIFT });

describe("newsctl tags", () => {
  it("counts each tag's current events, most used first, on the fixture archive", async () => {
    const r = await runCli(["tags", "--archive", tempArchive()]);
    expect([r.code, r.stderr]).toEqual([0, ""]);
    expect(r.stdout).toBe(["  6  Mali", "  4  France", "  4  Islamist", "  2  Diabaly", "  1  Deportation", "  1  Douentza", ""].join("\n"));
  });

  it("shows tags that differ only by case apart; --sort name, --format json", async () => {
    const r = await runMain(["tags", "--sort", "name", "--format", "json", "--archive", drift()]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { tag: "Al Qaeda", count: 1 },
      { tag: "Al-Qaeda", count: 1 },
      { tag: "Companies", count: 1 },
      { tag: "Company", count: 1 },
      { tag: "Cote d'Ivoire", count: 2 },
      { tag: "Côte d'Ivoire", count: 1 },
      { tag: "Gaza", count: 1 },
      { tag: "Gaza Strip", count: 1 },
      { tag: "Iran", count: 1 },
      { tag: "Iranian", count: 1 },
      { tag: "Iraq", count: 1 },
      { tag: "Islamist", count: 1 },
      { tag: "Islamists", count: 1 },
      { tag: "Mali", count: 3 },
      { tag: "mali", count: 3 },
      { tag: "Oil", count: 1 },
      { tag: "Oilfield", count: 1 },
    ]);
  });

  it("counts current versions only: a superseded version's tags are history", async () => {
    const files = { ...DRIFT, [FIRST_TAKE]: DRIFT[FIRST_TAKE]!.replace("_Context: mali, Gaza_", "_Context: Ghost_") };
    const r = await runMain(["tags", "--format", "json", "--archive", tempArchive({ from: null, files })]);
    expect(JSON.parse(r.stdout).map((t: { tag: string }) => t.tag)).not.toContain("Ghost");
  });

  it("--similar groups likely duplicates, the most used spelling first, with why", async () => {
    const r = await runMain(["tags", "--similar", "--format", "json", "--archive", drift()]);
    expect(r.code).toBe(0);
    const groups = JSON.parse(r.stdout) as { winner: string; count: number; tags: { tag: string; count: number; reason: string | null }[] }[];
    expect(groups.map((g) => [g.winner, g.count, g.tags.map((t) => `${t.tag}:${t.count}:${t.reason}`)])).toEqual([
      ["Mali", 5, ["Mali:3:null", "mali:3:case"]],
      ["Cote d'Ivoire", 3, ["Cote d'Ivoire:2:null", "Côte d'Ivoire:1:diacritics"]],
      ["Al Qaeda", 2, ["Al Qaeda:1:null", "Al-Qaeda:1:punctuation"]],
      ["Companies", 2, ["Companies:1:null", "Company:1:plural"]],
      ["Gaza", 2, ["Gaza:1:null", "Gaza Strip:1:prefix"]],
      ["Iran", 2, ["Iran:1:null", "Iranian:1:prefix"]],
      ["Islamist", 2, ["Islamist:1:null", "Islamists:1:plural"]],
    ]);
    const byName = JSON.parse((await runMain(["tags", "--similar", "--sort", "name", "--format", "json", "--archive", drift()])).stdout) as { winner: string }[];
    expect(byName.map((g) => g.winner)).toEqual(["Al Qaeda", "Companies", "Cote d'Ivoire", "Gaza", "Iran", "Islamist", "Mali"]);
    // Iraq is not Iran, and a prefix needs four letters: Oil is not Oilfield.
    expect(groups.flatMap((g) => g.tags.map((t) => t.tag))).not.toContain("Iraq");
    expect(groups.flatMap((g) => g.tags.map((t) => t.tag))).not.toContain("Oil");
  });

  it("--similar as text: each group, its count, the reasons and the merge that would settle it", async () => {
    const r = await runCli(["tags", "--similar", "--archive", drift()]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(["Mali  (5 events)", "  3  Mali", "  3  mali  case", "  newsctl tags merge mali INTO Mali", ""].join("\n"));
    expect(r.stdout).toContain(`  newsctl tags merge "Côte d'Ivoire" INTO "Cote d'Ivoire"\n`);
    expect(r.stdout).toContain(`  newsctl tags merge "Gaza Strip" INTO Gaza\n`);
  });

  it("says so on stderr when there is nothing to show", async () => {
    const root = tempArchive({ from: null, files: {} });
    expect(await runMain(["tags", "--archive", root])).toEqual({ code: 0, stdout: "", stderr: "newsctl: no event has a context tag\n" });
    expect(await runMain(["tags", "--similar", "--archive", tempArchive()])).toEqual({ code: 0, stdout: "", stderr: "newsctl: no similar tags\n" });
    expect(await runMain(["tags", "--similar", "--format", "json", "--archive", tempArchive()])).toEqual({ code: 0, stdout: "[]\n", stderr: "" });
  });

  it("refuses an unknown sort and a stray word (exit 2)", async () => {
    expect((await runMain(["tags", "--sort", "size", "--archive", tempArchive()])).code).toBe(2);
    expect((await runMain(["tags", "Mali", "--archive", tempArchive()])).code).toBe(2);
  });
});
