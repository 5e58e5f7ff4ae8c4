// openArchive: which archive, checked as every command checks it (news/
// never a link, the state folder usable, a half-done change noticed), and
// a handle that remembers how it was opened. The CLI opens through openIn.

import { openArchiveRoot } from "../cli/archive-root.js";
import type { Context } from "../cli/context.js";
import { UsageError } from "../errors.js";
import { apiContext, type ApiOptions } from "./context.js";
import { inApiTerms } from "./errors.js";

export interface OpenOptions extends ApiOptions {
  /**
   * Open for writing (validate with fix): the state folder must be usable
   * and a change an earlier run left half-done is finished first, or the
   * open fails. Default false: nothing in the archive is written.
   */
  write?: boolean;
  /** Read-only, but finish a half-done change first as the CLI's readers do (this writes). Default false. */
  recover?: boolean;
}

/** An opened archive: pass it to validate and listEvents. */
export interface ArchiveHandle {
  /** The archive folder (the one holding news/), absolute. */
  readonly root: string;
  /** Opened with `write: true`. */
  readonly writable: boolean;
}

/** What a handle carries besides its public fields: the context its calls run in. */
const contexts = new WeakMap<ArchiveHandle, Context>();

/** @internal Opens the archive in a context: the CLI's, or one built from API options. */
export async function openIn(ctx: Context, path: string | undefined, opts: { write?: boolean; recover?: boolean; name?: string } = {}): Promise<ArchiveHandle> {
  const root = await openArchiveRoot(ctx, path, opts);
  const handle: ArchiveHandle = Object.freeze({ root, writable: Boolean(opts.write) });
  contexts.set(handle, ctx);
  return handle;
}

/**
 * The archive at `path` (resolved from `cwd`; it must hold news/), else the
 * nearest folder at or above `cwd` holding news/ ($NEWSCTL_ARCHIVE first
 * when `env` is given and sets it).
 */
export function openArchive(path?: string, options: OpenOptions = {}): Promise<ArchiveHandle> {
  return inApiTerms(async () => {
    if (path !== undefined && typeof path !== "string") throw new UsageError(`openArchive: the path must be a string, not ${typeof path}`);
    if (path === "") throw new UsageError("openArchive: the path is empty");
    const { write = false, recover = false } = options;
    return openIn(apiContext(options), path, { write, recover, name: "openArchive" });
  });
}

/** @internal The handle and its context; a path (or nothing) is opened first, for writing when `write`. */
export async function resolveArchive(archive: ArchiveHandle | string | undefined, options: OpenOptions, write: boolean): Promise<{ handle: ArchiveHandle; ctx: Context }> {
  if (archive === undefined || typeof archive === "string") {
    const handle = await openArchive(archive, { ...options, write });
    return { handle, ctx: contexts.get(handle)! };
  }
  const ctx = typeof archive === "object" && archive !== null ? contexts.get(archive) : undefined;
  if (!ctx) throw new UsageError("not an archive: pass a path or a handle from openArchive");
  if (write && !archive.writable) throw new UsageError(`${archive.root} was opened read-only: openArchive(path, { write: true }) to fix`);
  // A callback given to this call rather than to openArchive takes the notes of this call.
  return { handle: archive, ctx: options.onWarning ? { ...ctx, stderr: apiContext(options).stderr } : ctx };
}
