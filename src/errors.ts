// Errors that end a command with a message and an exit code. Anything else
// that escapes is a bug: main() prints it once, asks for a report, exits 3.

export const EXIT = {
  ok: 0,
  problems: 1,
  usage: 2,
  failure: 3,
  cancelled: 130,
} as const;

export class NewsctlError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    // Each class by its own name (UsageError, FailureError…): API callers and stack traces tell them apart.
    this.name = new.target.name;
  }
}

/** Bad arguments or bad input: exit 2. */
export class UsageError extends NewsctlError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, EXIT.usage, options);
  }
}

/** A value on the command line that does not parse (--date 2013-13-01): exit 2, pointing at the command's help. */
export class ArgumentError extends UsageError {}

/** The command could not finish (a write failed, the archive stayed locked): exit 3. */
export class FailureError extends NewsctlError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, EXIT.failure, options);
  }
}

/** What a command says when the user answers no to "Write these files?": an answer, so exit 0. */
export const DECLINED = "not confirmed; nothing was written";

/** The user pressed Ctrl+C at a prompt: exit 130, nothing written. */
export class CancelledError extends NewsctlError {
  constructor() {
    super("cancelled; nothing was written", EXIT.cancelled);
  }
}

/** What each error a user can cause through the file system means, in words. */
const OS_CAUSES: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "the file system is read-only",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  EFBIG: "file too large",
  ENAMETOOLONG: "the name is too long for the file system",
  ENOTDIR: "a part of the path is not a folder",
  EISDIR: "it is a folder",
  ELOOP: "too many symbolic links (or a link where none may be)",
  EMFILE: "too many open files",
  ENFILE: "too many open files on the system",
  EEXIST: "it already exists",
  ENOENT: "no such file or folder",
  ENOTEMPTY: "the folder is not empty",
  EBUSY: "it is busy",
  EXDEV: "it is on another device",
  EIO: "input/output error",
  ETXTBSY: "it is busy",
};

const VERBS: Record<string, string> = {
  open: "open",
  read: "read",
  write: "write",
  mkdir: "create the folder",
  rmdir: "remove the folder",
  unlink: "remove",
  rename: "rename",
  scandir: "list the folder",
  lstat: "examine",
  stat: "examine",
  chmod: "change the mode of",
  fchmod: "change the mode of",
  fchown: "change the owner of",
  fsync: "save",
};

/** An error from the OS with a code a user can cause: a full disk, a permission, a long name. @internal */
export function isOsError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === "string" && (error as NodeJS.ErrnoException).code! in OS_CAUSES;
}

/** One line: what could not be done to which path, and why ("cannot create the folder /a/.newsctl: permission denied (EACCES)"). @internal */
export function describeOsError(error: unknown): string {
  if (!isOsError(error)) return error instanceof Error ? error.message : String(error);
  const { code, syscall, path, dest } = error as NodeJS.ErrnoException & { dest?: string };
  const cause = `${OS_CAUSES[code!]} (${code})`;
  if (!path) return error.message.startsWith(code!) ? cause : `${error.message}: ${cause}`;
  const verb = VERBS[syscall ?? ""] ?? syscall ?? "use";
  return `cannot ${verb} ${path}${dest ? ` to ${dest}` : ""}: ${cause}`;
}
