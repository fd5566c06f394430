import type { ChatStreamEvent } from "../../bindings/ChatStreamEvent";
import type { IpcError } from "../../bindings/IpcError";
import type { Message } from "../../bindings/Message";
import type { MockDb } from "./db";

export type StreamSink = (event: ChatStreamEvent) => void;

interface Run {
  runId: string;
  message: Message;
  sink: StreamSink;
  timer: number | null;
  startedAt: number;
}

export interface RunScript {
  reasoning: string;
  text: string;
  /** Fail after streaming this many characters of text. */
  failWith?: IpcError;
  /** Characters per delta. */
  chunk: number;
  /** Milliseconds between deltas (the backend coalesces ~40 ms). */
  intervalMs: number;
}

/** Simulates chat runs: deltas on a timer through the run's Channel, then a persisted message. */
export class MockRuns {
  private runs = new Map<string, Run>();
  constructor(
    private readonly db: MockDb,
    private readonly onChanged: (conversationId: string) => void,
  ) {}

  active(): Array<{ runId: string; conversationId: string; messageId: string }> {
    return [...this.runs.values()].map((run) => ({
      runId: run.runId,
      conversationId: run.message.conversationId,
      messageId: run.message.id,
    }));
  }

  attach(runId: string, sink: StreamSink): boolean {
    const run = this.runs.get(runId);
    if (!run) return false;
    run.sink = sink;
    return true;
  }

  start(message: Message, sink: StreamSink, script: RunScript): string {
    const runId = this.db.nextId("run");
    const run: Run = { runId, message, sink, timer: null, startedAt: Date.now() };
    this.runs.set(runId, run);
    let reasoningLeft = script.reasoning;
    let textLeft = script.text;
    let sentText = 0;
    let firstTokenAt: number | null = null;
    let reasoningEndedAt: number | null = null;

    const tick = () => {
      if (!this.runs.has(runId)) return;
      let reasoning = "";
      let text = "";
      if (reasoningLeft) {
        reasoning = reasoningLeft.slice(0, script.chunk);
        reasoningLeft = reasoningLeft.slice(script.chunk);
      } else {
        reasoningEndedAt ??= Date.now();
        text = textLeft.slice(0, script.chunk);
        textLeft = textLeft.slice(script.chunk);
      }
      firstTokenAt ??= Date.now();
      message.text += text;
      message.reasoning = (message.reasoning ?? "") + reasoning || undefined;
      sentText += text.length;
      run.sink({ event: "delta", data: { messageId: message.id, text, reasoning } });

      if (script.failWith && sentText >= 80) {
        this.finish(runId, "error", script.failWith, { firstTokenAt, reasoningEndedAt });
        return;
      }
      if (!reasoningLeft && !textLeft) {
        this.finish(runId, "complete", undefined, { firstTokenAt, reasoningEndedAt });
        return;
      }
      run.timer = window.setTimeout(tick, script.intervalMs);
    };

    window.setTimeout(() => {
      if (!this.runs.has(runId)) return;
      run.sink({ event: "opened", data: { messageId: message.id } });
      if (script.failWith && !script.text) {
        this.finish(runId, "error", script.failWith, {
          firstTokenAt: null,
          reasoningEndedAt: null,
        });
        return;
      }
      run.timer = window.setTimeout(tick, script.intervalMs);
    }, 220);
    return runId;
  }

  cancel(runId: string): void {
    const run = this.runs.get(runId);
    if (!run) return;
    this.finish(runId, "canceled", undefined, { firstTokenAt: null, reasoningEndedAt: null });
  }

  private finish(
    runId: string,
    status: Message["status"],
    error: IpcError | undefined,
    marks: { firstTokenAt: number | null; reasoningEndedAt: number | null },
  ): void {
    const run = this.runs.get(runId);
    if (!run) return;
    if (run.timer !== null) window.clearTimeout(run.timer);
    this.runs.delete(runId);
    const { message } = run;
    const totalMs = Date.now() - run.startedAt;
    const completionTokens = Math.max(1, Math.round(message.text.length / 4));
    const usage = {
      promptTokens: 120 + Math.round(message.text.length / 10),
      completionTokens,
      totalTokens: 120 + Math.round(message.text.length / 10) + completionTokens,
      reasoningTokens: message.reasoning ? Math.round(message.reasoning.length / 4) : undefined,
    };
    const reported = message.text ? usage : undefined;
    if (reported) run.sink({ event: "usage", data: { messageId: message.id, usage: reported } });
    message.status = status;
    message.error = error;
    message.usage = reported;
    message.finishReason = status === "complete" ? "stop" : undefined;
    message.updatedAt = Date.now();
    const firstTokenMs = marks.firstTokenAt ? marks.firstTokenAt - run.startedAt : undefined;
    message.timings = !message.text
      ? undefined
      : {
          firstByteMs: 220,
          firstTokenMs,
          totalMs,
          reasoningMs:
            message.reasoning && marks.reasoningEndedAt
              ? marks.reasoningEndedAt - (marks.firstTokenAt ?? run.startedAt)
              : undefined,
          tokensPerSecond:
            firstTokenMs !== undefined && totalMs > firstTokenMs
              ? Math.round((completionTokens / ((totalMs - firstTokenMs) / 1000)) * 10) / 10
              : undefined,
        };
    run.sink({ event: "finished", data: { message: { ...message } } });
    this.onChanged(message.conversationId);
  }
}
