/** Canned markdown for the mock backend: realistic replies with code, tables, math and reasoning. */
import { LINKS_REPLY, isLinksPrompt } from "./linksReply";

const F = "```";

export const LONG_CONVERSATION: Array<{ user: string; assistant: string; reasoning?: string }> = [
  {
    user: "How do I parse a server-sent events stream in Rust without losing UTF-8 characters split across chunks?",
    reasoning:
      "The user wants an SSE decoder. Key points: buffer bytes, not strings; only decode complete lines; handle CRLF and CR; ignore comment lines starting with ':'; join multi-line data with \\n; dispatch on blank line; [DONE] sentinel for OpenAI. Mention tokio + reqwest bytes_stream.",
    assistant: `Buffer **bytes**, not strings, and decode only complete lines. A chunk boundary can fall in the middle of a multi-byte character (\`你\` is three bytes), so decoding each chunk on its own corrupts text.

${F}rust
use bytes::BytesMut;

pub struct SseDecoder {
    buf: BytesMut,
    data: Vec<String>,
}

impl SseDecoder {
    pub fn push(&mut self, chunk: &[u8]) -> Vec<String> {
        self.buf.extend_from_slice(chunk);
        let mut events = Vec::new();
        while let Some(pos) = self.buf.iter().position(|b| *b == b'\\n') {
            let line = self.buf.split_to(pos + 1);
            let line = std::str::from_utf8(&line).unwrap_or_default();
            let line = line.trim_end_matches(['\\r', '\\n']);
            if line.is_empty() {
                if !self.data.is_empty() {
                    events.push(self.data.join("\\n"));
                    self.data.clear();
                }
            } else if let Some(rest) = line.strip_prefix("data:") {
                self.data.push(rest.trim_start().to_owned());
            } // lines starting with ':' are comments
        }
        events
    }
}
${F}

The rules that matter:

| Rule | Why |
|---|---|
| Split on \`\\n\`, strip a trailing \`\\r\` | gateways send both LF and CRLF |
| Ignore lines starting with \`:\` | keep-alive comments |
| Join multiple \`data:\` lines with \`\\n\` | one event may span several lines |
| Dispatch on a blank line | that ends the event |
| Stop at \`[DONE]\` | OpenAI's end marker |

> Test it by splitting a recorded stream **at every byte offset** and checking that the decoded events never change.`,
  },
  {
    user: "What's the throughput math? If tokens arrive every 40 ms in batches, how many renders per second do I get?",
    assistant: `With coalescing every $\\Delta t = 40\\,\\text{ms}$ the channel delivers at most

$$
f = \\frac{1000}{\\Delta t} = 25 \\text{ batches per second}
$$

and the UI flushes once per animation frame, so the render rate is $\\min(f, 60)$. For a reply of $N$ tokens at $r$ tokens/s, the number of renders is roughly

$$
R \\approx \\min\\left(\\frac{N}{r}\\cdot 25,\\; N\\right)
$$

For example a 1,200-token answer at 60 tok/s takes 20 s and needs about **500** renders, not 1,200.

- Inline math works too: the attention cost is $O(n^2 d)$ for sequence length $n$.
- Models also write \\( e^{i\\pi} + 1 = 0 \\) with backslash delimiters, which are normalized.`,
  },
  {
    user: "Show me a TypeScript helper that batches updates per animation frame.",
    assistant: `Here is a small, framework-free batcher:

${F}ts
export function createFrameBatcher<T>(flush: (items: T[]) => void) {
  let pending: T[] = [];
  let frame = 0;
  return (item: T) => {
    pending.push(item);
    if (frame) return;
    frame = requestAnimationFrame(() => {
      const items = pending;
      pending = [];
      frame = 0;
      flush(items);
    });
  };
}
${F}

And how it compares with the alternatives:

| Strategy | Renders for 1,000 deltas | Latency |
|---|---:|---:|
| Render every delta | 1,000 | 0 ms |
| Debounce 100 ms | ~10 | up to 100 ms |
| **Per animation frame** | ~60/s | ≤ 16 ms |

1. Keep the reducer pure.
2. Select the streaming message by id, so other rows don't re-render.
3. Replace the live buffer with the persisted row when the run finishes.`,
  },
  {
    user: "Can you write a quick Python script to benchmark the gateway's time to first token?",
    reasoning:
      "Measure TTFT: time from request send to first non-empty delta. Use httpx with stream=True. Report median over N runs. Keep the key in an env var.",
    assistant: `Sure. This measures time to first token over 10 runs and prints the median:

${F}python
import os, statistics, time
import httpx

URL = os.environ.get("GATEWAY_URL", "http://127.0.0.1:8787/v1/chat/completions")
KEY = os.environ["GATEWAY_KEY"]

def ttft(model: str) -> float:
    body = {"model": model, "stream": True,
            "messages": [{"role": "user", "content": "Say hi"}]}
    start = time.perf_counter()
    with httpx.stream("POST", URL, json=body,
                      headers={"Authorization": f"Bearer {KEY}"}) as r:
        for line in r.iter_lines():
            if line.startswith("data:") and '"content"' in line:
                return time.perf_counter() - start
    raise RuntimeError("no token")

samples = [ttft("gpt-4o-mini") for _ in range(10)]
print(f"median TTFT: {statistics.median(samples) * 1000:.0f} ms")
${F}

Run it with \`GATEWAY_KEY=sk-... python ttft.py\`. Never paste the key into the script itself.`,
  },
  {
    user: "And a shell one-liner to list the models?",
    assistant: `${F}bash
curl -s "$GATEWAY_URL/v1/models" -H "Authorization: Bearer $GATEWAY_KEY" | jq -r '.data[].id' | sort
${F}

Raw HTML in a reply is shown as text, never rendered: <img src=x onerror="alert(1)"> stays harmless.`,
  },
];

/** Regenerated alternatives of the first answer in the long conversation (branch arrows). */
export const ALTERNATIVE_ANSWERS = [
  `Short version: accumulate raw bytes and split on newlines **before** decoding. The \`eventsource-stream\` crate does this for you over \`reqwest\`'s \`bytes_stream()\`:

${F}rust
let mut events = response.bytes_stream().eventsource();
while let Some(event) = events.next().await {
    let event = event?;
    if event.data == "[DONE]" { break; }
    handle(&event.data)?;
}
${F}`,
  `Use a line buffer of \`Vec<u8>\`. Decoding with \`String::from_utf8_lossy\` per chunk replaces split characters with U+FFFD, which is exactly the bug you want to avoid.`,
];

export const CHINESE_CONVERSATION: Array<{ user: string; assistant: string }> = [
  {
    user: "请用中文解释一下什么是 API 网关，以及多模型网关有什么好处？",
    assistant: `**API 网关**是位于客户端和后端服务之间的一层代理，负责鉴权、限流、路由和计费。

多模型网关（例如聚合 OpenAI、Claude、Gemini、DeepSeek 的服务）的好处：

1. **一个密钥，多个模型**：不用分别注册每家厂商。
2. **统一协议**：大多兼容 OpenAI Chat Completions 格式。
3. **按量计费**：余额统一管理。

| 特性 | 直连厂商 | 多模型网关 |
|---|---|---|
| 密钥数量 | 每家一个 | 一个 |
| 协议 | 各不相同 | 基本统一 |
| 延迟 | 较低 | 多一跳 |

> 注意：网关可能返回 \`429\`（限流）或 \`402\`（余额不足），客户端需要给出清楚的提示。`,
  },
  {
    user: "那流式输出的时候，中文字符被截断怎么办？",
    assistant: `按**字节**缓冲，只在遇到完整的一行时再解码为 UTF-8。一个汉字占 3 个字节，数据块的边界可能正好落在汉字中间。

${F}rust
let line = std::str::from_utf8(&buf[..pos])?; // 只解码完整的行
${F}`,
  },
];

/** Replies the mock streams back, picked by the prompt. */
export function replyFor(prompt: string): { text: string; reasoning: string } {
  const lower = prompt.toLowerCase();
  if (/[\u4e00-\u9fff]/.test(prompt)) {
    return {
      reasoning: "",
      text: `好的。这是离线演示的回复，用来展示流式输出：\n\n- 文本按批次到达，每帧刷新一次\n- 代码块、表格和公式都支持\n\n${F}ts\nconst greeting = "你好，Portico";\nconsole.log(greeting);\n${F}\n\n| 项目 | 状态 |\n|---|---|\n| 流式输出 | ✅ |\n| 中文渲染 | ✅ |`,
    };
  }
  if (isLinksPrompt(lower)) return { reasoning: "", text: LINKS_REPLY };
  if (lower.includes("table")) {
    return {
      reasoning: "",
      text: `| Model | Context | Input $/M | Output $/M |\n|---|---:|---:|---:|\n| gpt-4o | 128k | 2.50 | 10.00 |\n| gpt-4o-mini | 128k | 0.15 | 0.60 |\n| claude-3-5-sonnet | 200k | 3.00 | 15.00 |\n| deepseek-r1 | 64k | 0.55 | 2.19 |\n\nPrices are illustrative.`,
    };
  }
  return {
    reasoning:
      "The user asked a question in the offline demo. I should answer with a short structured reply that exercises markdown: a heading, a list, a code block and a formula.",
    text: `Here is a streamed answer from the **Offline demo**.\n\n### What you are seeing\n\n- Tokens arrive in batches over a Tauri Channel.\n- The UI flushes them once per animation frame.\n- Only this message re-renders while it streams.\n\n${F}rust\nasync fn stream_reply(tx: Channel<ChatStreamEvent>) -> Result<(), IpcError> {\n    while let Some(delta) = decoder.next().await {\n        tx.send(ChatStreamEvent::Delta { text: delta? })?;\n    }\n    Ok(())\n}\n${F}\n\nThe average speed is $v = \\frac{n_{tokens}}{t}$ tokens per second.\n\n| Step | Where |\n|---|---|\n| HTTP + SSE | Rust |\n| Markdown | React |\n\nAsk another question, or press **Stop** to cancel a reply.`,
  };
}

const TOPICS = [
  "Refactor the payment webhook handler",
  "Compare Claude and GPT-4o for code review",
  "Summarize the Q3 product roadmap",
  "SQL query for monthly active users",
  "Translate release notes to Japanese",
  "Explain Rust lifetimes with examples",
  "Write unit tests for the date parser",
  "Kubernetes liveness vs readiness probes",
  "Draft an email about the outage",
  "Regex for validating IPv6 addresses",
  "React Server Components questions",
  "Optimize Postgres index usage",
  "Design a rate limiter with Redis",
  "Prompt for product descriptions",
  "Debug a flaky CI job",
  "Tauri v2 capabilities explained",
  "Plan a three-day trip to Kyoto",
  "Convert CSV to Parquet in Python",
  "Name ideas for a CLI tool",
  "What is retrieval-augmented generation",
  "周报总结模板",
  "解释一下 Transformer 的注意力机制",
  "用 Go 写一个并发爬虫",
  "Vite build is slow on CI",
  "Explain OAuth 2.0 PKCE flow",
  "Gradient descent intuition",
  "Fix the memory leak in the worker",
  "Dockerfile for a Rust service",
  "Write a haiku about latency",
  "Cost estimate for 1M tokens a day",
];

export function topicTitle(index: number): string {
  const base = TOPICS[index % TOPICS.length] ?? "Conversation";
  const round = Math.floor(index / TOPICS.length);
  return round === 0 ? base : `${base} (${round + 1})`;
}

/** Two or three short turns for a generic conversation, generated on first open. */
export function smallTalk(
  title: string,
  turns: number,
): Array<{ user: string; assistant: string }> {
  const result: Array<{ user: string; assistant: string }> = [];
  for (let turn = 0; turn < turns; turn++) {
    result.push({
      user: turn === 0 ? title : `Can you go into more detail on point ${turn + 1}?`,
      assistant:
        turn === 0
          ? `Here's an overview of **${title.toLowerCase()}**:\n\n1. Start with the constraints.\n2. Pick the simplest approach that meets them.\n3. Measure before optimizing.\n\n${F}text\nstep 1 → step 2 → step 3\n${F}`
          : `Point ${turn + 1} in more detail: keep each change small, write a test that fails first, and check the result on real data. In practice this means \`one change, one test, one measurement\`.`,
    });
  }
  return result;
}

/** A ~300-character markdown message for the 2,000-message benchmark conversation. */
export function bigMessage(index: number, role: "user" | "assistant"): string {
  if (role === "user") {
    return `Question ${index}: how would you implement step ${index} of the pipeline so that it stays fast with **${index * 3} items**? Please include a short example and mention edge cases such as empty input, duplicates and very long strings.`;
  }
  return `Step ${index}: process items in batches of ${16 + (index % 48)} and keep the hot loop allocation-free.\n\n${F}ts\nexport function step${index}(items: string[]): number {\n  let total = 0;\n  for (const item of items) total += item.length % ${7 + (index % 5)};\n  return total;\n}\n${F}\n\nEdge cases: empty input returns \`0\`; duplicates count twice.`;
}
