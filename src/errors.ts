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
  ) {
    super(message);
    this.name = "NewsctlError";
  }
}

/** Bad arguments or bad input: exit 2. */
export class UsageError extends NewsctlError {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

/** A value on the command line that does not parse (--date 2013-13-01): exit 2, pointing at the command's help. */
export class ArgumentError extends UsageError {}

/** The command could not finish (a write failed, the archive stayed locked): exit 3. */
export class FailureError extends NewsctlError {
  constructor(message: string) {
    super(message, EXIT.failure);
  }
}

/** The user pressed Ctrl+C at a prompt: exit 130, nothing written. */
export class CancelledError extends NewsctlError {
  constructor() {
    super("cancelled; nothing was written", EXIT.cancelled);
  }
}
