// Process trees and memory from /proc: the app and every process it started (WebKitWebProcess,
// WebKitNetworkProcess, bwrap, xdg-dbus-proxy...), summed.
import { readdirSync, readFileSync, realpathSync } from "node:fs";

/** pid -> { ppid, comm } for every live process. */
function table() {
  const procs = new Map();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // comm is in parentheses and may hold spaces: split after the last ")".
      const close = stat.lastIndexOf(")");
      const comm = stat.slice(stat.indexOf("(") + 1, close);
      const ppid = Number(stat.slice(close + 2).split(" ")[1]);
      procs.set(Number(name), { ppid, comm });
    } catch {
      // It exited while we looked.
    }
  }
  return procs;
}

/** Every descendant of `root` (not `root` itself). */
export function descendants(root) {
  const procs = table();
  const out = [];
  const queue = [root];
  while (queue.length) {
    const parent = queue.shift();
    for (const [pid, p] of procs) {
      if (p.ppid === parent) {
        out.push({ pid, comm: p.comm });
        queue.push(pid);
      }
    }
  }
  return out;
}

export function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pid of the running `binary` below `root`, or null. */
export function findApp(root, binary) {
  const want = realpathSync(binary);
  for (const { pid } of descendants(root)) {
    try {
      if (realpathSync(`/proc/${pid}/exe`) === want) return pid;
    } catch {
      // Gone, or not ours to read.
    }
  }
  return null;
}

/** kB fields of /proc/<pid>/smaps_rollup. */
function rollup(pid) {
  const text = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
  const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(text)?.[1] ?? 0);
  return { rss: field("Rss"), pss: field("Pss") };
}

/** RSS and PSS in MB summed over `pid` and its descendants, with a per-name breakdown. */
export function memory(pid) {
  const all = [{ pid, comm: "app" }, ...descendants(pid)];
  let rss = 0;
  let pss = 0;
  const byName = {};
  for (const p of all) {
    try {
      const m = rollup(p.pid);
      rss += m.rss;
      pss += m.pss;
      byName[p.comm] = (byName[p.comm] ?? 0) + m.pss / 1024;
    } catch {
      // Exited between listing and reading.
    }
  }
  return { rss: rss / 1024, pss: pss / 1024, processes: all.length, byName };
}

/** CPU time the hypervisor gave to others ("steal") and all CPU time so far, in jiffies. */
function cpuTimes() {
  const fields = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1);
  const n = fields.map(Number);
  return { steal: n[7] ?? 0, total: n.reduce((a, b) => a + b, 0) };
}

/**
 * Runs `fn` and returns [its result, the share of CPU time stolen by the host meanwhile, in %].
 * On a shared VM a frame measurement is only as good as the quiet it ran in: this says how
 * quiet that was.
 */
export async function withSteal(fn) {
  const before = cpuTimes();
  const value = await fn();
  const after = cpuTimes();
  const total = after.total - before.total;
  return [value, total > 0 ? (100 * (after.steal - before.steal)) / total : 0];
}
