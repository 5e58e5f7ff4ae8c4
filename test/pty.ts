// The real binary in a real pseudo-terminal, without a native module:
// python3's pty module forks it, waits for each expected text on the screen,
// types the keys, and gives up (killing the child) at a hard deadline.

import { spawn } from "node:child_process";
import { BIN } from "./helpers.js";

export interface PtyStep {
  /** Text to wait for (ANSI codes stripped), after the previous step's. */
  expect: string;
  /** Keys to type once it shows: "\r" is Enter, "\x03" is Ctrl+C. */
  send: string;
}

export interface PtyResult {
  code: number | null;
  output: string;
  timedOut: boolean;
  failedStep: string | null;
}

const DRIVER = String.raw`
import json, os, pty, re, select, signal, struct, sys, time, fcntl, termios
spec = json.loads(sys.argv[1])
deadline = time.time() + spec["timeout"]
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 200, 0, 0))
    os.execve(spec["cmd"][0], spec["cmd"], spec["env"])
out = b""
ansi = re.compile(rb"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][A-Za-z0-9]|\x1b[=>78]")
def text():
    return ansi.sub(b"", out).decode("utf8", "replace").replace("\r", "")
def pump(wait):
    global out
    ready, _, _ = select.select([fd], [], [], wait)
    if not ready:
        return True
    try:
        data = os.read(fd, 65536)
    except OSError:
        return False
    out += data
    return len(data) > 0
def finish(code, timed_out, failed):
    print(json.dumps({"code": code, "output": text(), "timedOut": timed_out, "failedStep": failed}))
    sys.exit(0)
def kill_and_finish(failed):
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    finish(None, True, failed)
pos = 0
for step in spec["steps"]:
    while True:
        found = text().find(step["expect"], pos)
        if found >= 0:
            pos = found + len(step["expect"])
            break
        if time.time() > deadline or not pump(0.05):
            kill_and_finish(step["expect"])
    # Let the prompt finish drawing and start listening before typing.
    time.sleep(0.1)
    os.write(fd, step["send"].encode())
while time.time() < deadline and pump(0.1):
    pass
while time.time() < deadline:
    done, status = os.waitpid(pid, os.WNOHANG)
    if done:
        finish(os.waitstatus_to_exitcode(status), False, None)
    time.sleep(0.02)
kill_and_finish(None)
`;

export function runInPty(args: string[], steps: PtyStep[], options: { timeoutMs?: number } = {}): Promise<PtyResult> {
  const timeout = (options.timeoutMs ?? 20_000) / 1000;
  const env: Record<string, string> = { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "/", TERM: "xterm-256color", NO_COLOR: "1" };
  const spec = { cmd: [process.execPath, BIN, ...args], steps, env, timeout };
  return new Promise((resolve, reject) => {
    const child = spawn("python3", ["-c", DRIVER, JSON.stringify(spec)], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    // A second, outer deadline in case python itself hangs.
    const timer = setTimeout(() => child.kill("SIGKILL"), (timeout + 10) * 1000);
    child.on("error", reject);
    child.on("close", () => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(stdout) as PtyResult);
      } catch {
        reject(new Error(`the pty driver failed: ${stderr || stdout}`));
      }
    });
  });
}
