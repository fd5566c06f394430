// Tiny assertions for the browser tests.
export function assert(condition, message) {
  if (!condition) throw new Error(`assertion failed: ${message}`);
}

export function assertEqual(actual, expected, message) {
  if (actual !== expected) {
    throw new Error(`assertion failed: ${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

/** Polls until `probe` returns a truthy value (returned), or throws with `message`. */
export async function eventually(probe, message, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await probe();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out: ${message} (last: ${String(last)})`);
}

export function assertNoErrors(errors) {
  assert(errors.length === 0, `no page errors, got: ${errors.join(" | ")}`);
}
