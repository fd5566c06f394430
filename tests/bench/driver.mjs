// tauri-driver, started per phase so each phase gets its own environment (the app inherits
// it through WebKitWebDriver), and stopped by pid with everything it started.
import { spawn } from "node:child_process";
import { openSync } from "node:fs";
import { connect } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { alive, descendants } from "./proc.mjs";

// Another tauri-driver may be running (other test runs): both ports can be moved.
export const PORT = Number(process.env.BENCH_DRIVER_PORT ?? 4444);
const NATIVE_PORT = PORT + 1;

function portOpen(port = PORT) {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}

/** Starts tauri-driver with extra environment; resolves once it listens. */
export async function startDriver(env, logPath) {
  for (const port of [PORT, NATIVE_PORT])
    if (await portOpen(port)) throw new Error(`port ${port} is in use: set BENCH_DRIVER_PORT`);
  const log = openSync(logPath, "a");
  const child = spawn(
    "tauri-driver",
    ["--port", String(PORT), "--native-port", String(NATIVE_PORT)],
    {
      env: { ...process.env, ...env },
      stdio: ["ignore", log, log],
    },
  );
  for (let i = 0; i < 100; i += 1) {
    if (await portOpen()) return child;
    if (child.exitCode !== null) break;
    await sleep(50);
  }
  child.kill("SIGTERM");
  throw new Error(`tauri-driver did not start (see ${logPath})`);
}

/** Stops the driver, then anything it started that outlived it, each by pid. */
export async function stopDriver(child) {
  const started = descendants(child.pid).map((p) => p.pid);
  child.kill("SIGTERM");
  for (let i = 0; i < 50 && child.exitCode === null && child.signalCode === null; i += 1)
    await sleep(100);
  for (let i = 0; i < 30 && started.some(alive); i += 1) await sleep(100);
  for (const pid of started.filter(alive)) process.kill(pid, "SIGKILL");
}
