import { failureOf, parseBlock } from "./parseBlock";
import { READY, type ParseJob, type ParseReply } from "./protocol";

/**
 * Parses markdown blocks off the UI thread. The UI thread sends one job at a time and
 * terminates this worker when a job overruns its time budget.
 */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ParseJob>) => void) | null;
  postMessage: (message: ParseReply | typeof READY) => void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => void answer(event.data);

async function answer(job: ParseJob): Promise<void> {
  const { id, source, math, live } = job;
  let reply: ParseReply;
  try {
    const { tree, bytes } = await parseBlock(source, { math, live }, () =>
      scope.postMessage({ id, started: true }),
    );
    reply = { id, tree, bytes };
  } catch (error) {
    reply = { id, failed: failureOf(error) };
  }
  scope.postMessage(reply);
}

scope.postMessage(READY);
