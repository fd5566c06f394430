import { TIME_BUDGET_MS, type OverBudget } from "./budgets";
import type { ParseOptions, ParsedBlock } from "./parseBlock";
import { READY, type ParseJob, type ParseReply } from "./protocol";

/**
 * Sends blocks to the markdown worker one at a time, most urgent first: the streaming tail,
 * then blocks on screen, then the prewarmer's. A job that runs longer than TIME_BUDGET_MS
 * (from the moment the worker starts it, after any lazy chunk has loaded) is given up on: the
 * worker is terminated and a new one takes the next job.
 */

export type Priority = "tail" | "visible" | "prewarm";
export type ParseOutcome = ParsedBlock | { over: OverBudget };

const ORDER: Priority[] = ["tail", "visible", "prewarm"];
/** How long a worker may take to start, or to load KaTeX or the highlighter for a job. */
const LOAD_BUDGET_MS = 15_000;

interface Pending {
  job: ParseJob;
  resolve: (outcome: ParseOutcome) => void;
}

/** The worker, or (where there is none: unit tests) the same parser on this thread. */
interface Runner {
  post(job: ParseJob): void;
  terminate(): void;
}

/** The runner could not start or crashed outside a job's own error handling. */
const BROKEN = "broken";
type Reply = ParseReply | typeof READY | typeof BROKEN;
type Spawn = (onReply: (reply: Reply) => void) => Runner;

const spawnWorker: Spawn = (onReply) => {
  const worker = new Worker(new URL("./markdown.worker.ts", import.meta.url), { type: "module" });
  worker.onmessage = (event: MessageEvent<ParseReply | typeof READY>) => onReply(event.data);
  worker.onerror = () => onReply(BROKEN);
  return { post: (job) => worker.postMessage(job), terminate: () => worker.terminate() };
};

const spawnInline: Spawn = (onReply) => {
  let alive = true;
  const parser = import("./parseBlock");
  void parser.then(() => alive && onReply(READY));
  return {
    post(job) {
      void parser.then(async ({ parseBlock, failureOf }) => {
        try {
          const { tree, bytes } = await parseBlock(job.source, job, () =>
            onReply({ id: job.id, started: true }),
          );
          if (alive) onReply({ id: job.id, tree, bytes });
        } catch (error) {
          if (alive) onReply({ id: job.id, failed: failureOf(error) });
        }
      });
    },
    terminate: () => {
      alive = false;
    },
  };
};

export class ParseClient {
  private readonly queues = new Map<Priority, Pending[]>(ORDER.map((p) => [p, []]));
  private runner: Runner | null = null;
  private ready = false;
  private current: Pending | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private nextId = 1;

  constructor(
    private readonly spawn: Spawn = typeof Worker === "function" && import.meta.env.MODE !== "test"
      ? spawnWorker
      : spawnInline,
    private readonly budgetMs = TIME_BUDGET_MS,
  ) {}

  /** Queues a block; the id lets a later, more urgent request for it move it up. */
  submit(
    source: string,
    options: ParseOptions,
    priority: Priority,
  ): { id: number; outcome: Promise<ParseOutcome> } {
    const id = this.nextId++;
    const outcome = new Promise<ParseOutcome>((resolve) => {
      this.queues.get(priority)?.push({ job: { id, source, ...options }, resolve });
    });
    this.pump();
    return { id, outcome };
  }

  /** Moves a queued job to a more urgent queue (a prewarmed block that came on screen). */
  promote(id: number, priority: Priority): void {
    const target = ORDER.indexOf(priority);
    for (const [index, from] of ORDER.entries()) {
      if (index <= target) continue;
      const queue = this.queues.get(from) ?? [];
      const at = queue.findIndex((pending) => pending.job.id === id);
      if (at === -1) continue;
      const [pending] = queue.splice(at, 1);
      if (pending) this.queues.get(priority)?.push(pending);
      return;
    }
  }

  private pump(): void {
    if (this.current) return;
    if (!this.runner) {
      this.ready = false;
      this.runner = this.spawn((reply) => this.onReply(reply));
      this.arm(LOAD_BUDGET_MS);
      return;
    }
    if (!this.ready) return;
    for (const priority of ORDER) {
      const next = this.queues.get(priority)?.shift();
      if (!next) continue;
      this.current = next;
      this.arm(LOAD_BUDGET_MS);
      this.runner.post(next.job);
      return;
    }
    this.disarm();
  }

  private onReply(reply: Reply): void {
    if (reply === BROKEN) {
      this.overrun(this.current ? "failed" : "time");
      return;
    }
    if (reply === READY) {
      this.ready = true;
      this.disarm();
      this.pump();
      return;
    }
    const current = this.current;
    if (!current || reply.id !== current.job.id) return;
    if ("started" in reply) {
      this.arm(this.budgetMs);
      return;
    }
    this.current = null;
    this.disarm();
    current.resolve(
      "tree" in reply ? { tree: reply.tree, bytes: reply.bytes } : { over: reply.failed },
    );
    this.pump();
  }

  private arm(ms: number): void {
    this.disarm();
    this.timer = setTimeout(() => this.overrun(), ms);
  }

  private disarm(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** The job (or the worker's start) took too long: stop the worker; the next job gets a new one. */
  private overrun(reason: "time" | "failed" = "time"): void {
    this.timer = null;
    this.runner?.terminate();
    this.runner = null;
    const current = this.current;
    this.current = null;
    current?.resolve({ over: reason });
    if (!current) {
      // The worker never became ready: nothing can be parsed; say so rather than wait forever.
      for (const queue of this.queues.values())
        queue.splice(0).forEach((p) => p.resolve({ over: "failed" }));
      return;
    }
    this.pump();
  }
}
