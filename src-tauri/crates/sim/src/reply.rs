//! The reply text: a pure function of the prompt, so the same prompt gives the
//! same bytes every time. It carries enough markdown (bold, code, table, math,
//! multi-byte punctuation) to exercise a renderer and a UTF-8 decoder.

use crate::text::{fnv1a, is_wide, words, Rng};

pub const DEFAULT_WORDS: usize = 120;
pub const MAX_WORDS: usize = 200_000;
pub const DEFAULT_REASONING_WORDS: usize = 40;
pub const LONG_REASONING_WORDS: usize = 2_000;
const QUOTE_CHARS: usize = 80;

const VOCAB: &[&str] = &[
    "gateway", "model", "stream", "token", "latency", "request", "response", "channel", "router",
    "prompt", "context", "budget", "retry", "backoff", "payload", "schema", "vector", "signal",
    "buffer", "socket", "header", "status", "chunk", "event", "decoder", "reply", "quota", "cache",
    "fallback", "provider", "endpoint", "session", "archive", "render", "sample", "window",
    "cursor", "ledger", "thread", "kernel", "harbor", "meadow", "lantern", "copper", "orbit",
    "prism",
];

const VOCAB_ZH: &str = "模型网关流式响应推理请求令牌测试数据服务接口参数结果内容生成文本图像视频文件用户系统配置错误重试延迟连接缓存渠道";

/// Test controls written into the prompt, e.g. `sim:words=500 sim:delay=10`.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Directives {
    pub words: Option<usize>,
    pub delay_ms: Option<u64>,
    pub reasoning_words: Option<usize>,
    /// `sim:hostile=NAME`: the reply is that hostile text (see `hostile`).
    pub hostile: Option<crate::hostile::HostileDirective>,
}

/// The last user message, with directives taken out and whitespace collapsed.
#[derive(Debug, Clone)]
pub struct Prompt {
    pub text: String,
    pub hash: u64,
    pub wide: bool,
    pub directives: Directives,
}

impl Prompt {
    pub fn parse(raw: &str) -> Self {
        let mut directives = Directives::default();
        let mut kept = Vec::new();
        for word in raw.split_whitespace() {
            if let Some(hostile) = crate::hostile::directive(word) {
                directives.hostile = Some(hostile);
                continue;
            }
            match directive(word) {
                Some(("words", n)) => directives.words = Some((n as usize).min(MAX_WORDS)),
                Some(("delay", n)) => directives.delay_ms = Some(n),
                Some(("reasoning", n)) => {
                    directives.reasoning_words = Some((n as usize).min(MAX_WORDS))
                }
                _ => kept.push(word),
            }
        }
        let text = kept.join(" ");
        Self {
            hash: fnv1a(text.as_bytes()),
            wide: text.chars().any(|c| is_wide(c) && c.is_alphabetic()),
            text,
            directives,
        }
    }

    /// `ref` + 6 lowercase letters: unique enough for a test to search for.
    pub fn reference(&self) -> String {
        let mut rng = Rng::new(self.hash ^ 0x5eed);
        let letters: String = (0..6)
            .map(|_| (b'a' + rng.below(26) as u8) as char)
            .collect();
        format!("ref{letters}")
    }

    fn quote(&self) -> String {
        if self.text.is_empty() {
            return "(empty prompt)".to_string();
        }
        let mut q: String = self.text.chars().take(QUOTE_CHARS).collect();
        if self.text.chars().count() > QUOTE_CHARS {
            q.push('…');
        }
        q
    }

    /// Words worth echoing back: the prompt's own words (or wide characters).
    fn echo_pool(&self) -> Vec<String> {
        if self.wide {
            return self
                .text
                .chars()
                .filter(|c| is_wide(*c) && c.is_alphabetic())
                .map(String::from)
                .collect();
        }
        self.text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() >= 2)
            .map(str::to_lowercase)
            .collect()
    }
}

fn directive(word: &str) -> Option<(&str, u64)> {
    let rest = word.strip_prefix("sim:")?;
    let (name, value) = rest.split_once('=')?;
    let digits: String = value.chars().take_while(char::is_ascii_digit).collect();
    Some((name, digits.parse().ok()?))
}

/// The reply as words (each with its trailing whitespace), exactly `count` long.
pub fn reply_words(prompt: &Prompt, count: usize) -> Vec<String> {
    let reference = prompt.reference();
    let head = if prompt.wide {
        format!(
            "你问的是：“{}”。这是 **Portico Sim** 的模拟回答。\n\nReference: {reference}.\n\n",
            prompt.quote()
        )
    } else {
        format!(
            "You asked: “{}”. Here is a simulated answer from **Portico Sim**.\n\nReference: {reference}.\n\n",
            prompt.quote()
        )
    };
    let tail = tail_text(prompt, &reference, count);
    let head = owned(words(&head));
    let tail = owned(words(&tail));
    let fixed = head.len() + tail.len();
    if count <= fixed {
        return head.into_iter().chain(tail).take(count).collect();
    }
    let mut rng = Rng::new(prompt.hash);
    let filler = filler(prompt, &mut rng, count - fixed, true);
    head.into_iter().chain(filler).chain(tail).collect()
}

/// Reasoning text for reasoner models, `count` words, no trailing whitespace.
pub fn reasoning_words(prompt: &Prompt, count: usize) -> Vec<String> {
    let head = if prompt.wide {
        format!("用户问的是“{}”。我先想一想。", prompt.quote())
    } else {
        format!(
            "The user asks about “{}”. Let me think it through. ",
            prompt.quote()
        )
    };
    let head = owned(words(&head));
    let mut rng = Rng::new(prompt.hash ^ 0x0074_6869_6e6b);
    let mut out: Vec<String> = head.into_iter().take(count).collect();
    let missing = count - out.len();
    out.extend(filler(prompt, &mut rng, missing, false));
    if let Some(last) = out.last_mut() {
        let trimmed = last.trim_end().len();
        last.truncate(trimmed);
    }
    out
}

fn owned(parts: Vec<&str>) -> Vec<String> {
    parts.into_iter().map(String::from).collect()
}

/// The fixed closing part: a code block, a table and inline math.
fn tail_text(prompt: &Prompt, reference: &str, count: usize) -> String {
    let n = prompt.hash % 97;
    let code = if prompt.hash & 1 == 0 {
        format!(
            "```rust\n/// Deterministic answer for {reference}.\nfn answer() -> u64 {{\n    let words = {count};\n    words * 2 + {n}\n}}\n```\n\n"
        )
    } else {
        format!(
            "```python\n# Deterministic answer for {reference}.\ndef answer() -> int:\n    words = {count}\n    return words * 2 + {n}\n```\n\n"
        )
    };
    let math = if prompt.wide {
        "行内公式：$E = mc^2$ ——完。"
    } else {
        "Inline math: $E = mc^2$ — that is all."
    };
    format!(
        "{code}| Field | Value |\n|---|---|\n| reference | `{reference}` |\n| words | {count} |\n| status | done ✓ |\n\n{math}"
    )
}

/// `count` generated words in sentences, ending in a paragraph break when
/// `paragraphs` is set. Mixes the prompt's words with a fixed vocabulary.
fn filler(prompt: &Prompt, rng: &mut Rng, count: usize, paragraphs: bool) -> Vec<String> {
    let pool = prompt.echo_pool();
    let zh: Vec<char> = VOCAB_ZH.chars().collect();
    let mut out: Vec<String> = Vec::with_capacity(count);
    let mut in_sentence = 0;
    let mut sentence_len = 8 + rng.below(7);
    let mut sentences = 0;
    while out.len() < count {
        let echo = !pool.is_empty() && rng.below(3) == 0;
        let mut word = if echo {
            pool[rng.below(pool.len())].clone()
        } else if prompt.wide {
            zh[rng.below(zh.len())].to_string()
        } else {
            VOCAB[rng.below(VOCAB.len())].to_string()
        };
        if in_sentence == 0 && !prompt.wide {
            word = capitalize(&word);
        }
        in_sentence += 1;
        // Wide scripts: the full stop is a word of its own, as `words` counts it.
        let ends =
            in_sentence >= sentence_len || out.len() + if prompt.wide { 2 } else { 1 } >= count;
        if ends && prompt.wide && out.len() + 1 < count {
            out.push(word);
            word = "。".to_string();
        } else if ends && !prompt.wide {
            word.push('.');
        }
        if ends {
            in_sentence = 0;
            sentences += 1;
            sentence_len = 8 + rng.below(7);
        }
        let last = out.len() + 1 == count;
        if paragraphs && (last || (ends && sentences % 5 == 0)) {
            word.push_str("\n\n");
        } else if !prompt.wide {
            word.push(' ');
        }
        out.push(word);
    }
    out
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directives_are_taken_out_of_the_prompt() {
        let p = Prompt::parse("hello  sim:words=7 there sim:delay=15 sim:reasoning=3");
        assert_eq!(p.text, "hello there");
        assert_eq!(p.directives.words, Some(7));
        assert_eq!(p.directives.delay_ms, Some(15));
        assert_eq!(p.directives.reasoning_words, Some(3));
        assert_eq!(p.reference(), Prompt::parse("hello there").reference());
    }

    #[test]
    fn reply_has_exact_length_and_markdown() {
        let p = Prompt::parse("Explain idempotency in HTTP APIs");
        for n in [0, 1, 5, 40, 120, 1000] {
            assert_eq!(reply_words(&p, n).len(), n);
        }
        let text = reply_words(&p, DEFAULT_WORDS).concat();
        assert!(text.contains(&format!("Reference: {}.", p.reference())));
        assert!(text.contains("```") && text.contains("|---|---|") && text.contains("$E = mc^2$"));
        assert!(text.starts_with("You asked: “Explain idempotency in HTTP APIs”."));
        assert_eq!(crate::text::count_words(&text), DEFAULT_WORDS);
    }

    #[test]
    fn chinese_prompt_gets_chinese_reply() {
        let p = Prompt::parse("请介绍一下幂等性");
        let text = reply_words(&p, 200).concat();
        assert!(text.contains("你问的是") && text.contains("幂"));
        assert_eq!(crate::text::count_words(&text), 200);
    }

    #[test]
    fn reasoning_has_exact_length() {
        let p = Prompt::parse("why");
        for n in [0, 3, 40, 2000] {
            let r = reasoning_words(&p, n);
            assert_eq!(r.len(), n);
            assert_eq!(crate::text::count_words(&r.concat()), n);
        }
    }
}
