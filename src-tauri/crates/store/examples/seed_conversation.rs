//! Seeds a fresh data folder with one long conversation, for the app benchmark
//! (tests/bench/run-app-bench.sh) and for trying long histories by hand.
//!
//! ```text
//! cargo run --release -p portico-store --example seed_conversation -- --dir DIR [--messages 2000]
//! PORTICO_DATA_DIR=DIR target/release/portico
//! ```
//!
//! It writes `DIR/portico.db` with an Offline demo provider (so the app skips its first-run
//! screen) and, unless `--messages 0`, one conversation whose active branch alternates user
//! and assistant messages, all complete: about 300 characters of markdown each, with a
//! paragraph, a list and a fenced code block. Writes go through `insert_exchange` and
//! `finish`, as a real chat does. Prints one JSON line: provider, conversation, first and
//! last message ids.

use std::path::PathBuf;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use portico_store::{system_now_ms, Finish, Store};
use portico_types::{
    AuthScheme, ChatParams, MessageStatus, NewConversation, ProviderInput, Timings, Usage,
};

const MODEL: &str = "demo-chat";
/// Simulated time between two writes, so messages spread over the past days.
const STEP_MS: i64 = 45_000;

const TOPICS: &[&str] = &[
    "retry a request after a 429",
    "stream tokens into the window",
    "cache the model list",
    "cut a long prompt to the budget",
    "switch gateways without losing history",
    "measure time to first token",
    "keep the key out of the logs",
    "search old conversations",
];
const ITEMS: &[&str] = &[
    "keep the **timeout** above the first-byte time",
    "log the `request_id`, never the key",
    "back off with jitter: 1 s, 2 s, 4 s",
    "check `finish_reason` before retrying",
    "cap the history at the context window",
    "prefer the gateway's own `Retry-After`",
];
const CODE: &[(&str, &str)] = &[
    (
        "rust",
        "let delay = backoff(attempt);\ntokio::time::sleep(delay).await;",
    ),
    (
        "ts",
        "const res = await call(\"chat_send\", req);\nconsole.log(res.runId);",
    ),
    (
        "python",
        "for chunk in stream:\n    print(chunk.delta, end=\"\")",
    ),
    (
        "bash",
        "curl -N $BASE/v1/chat/completions \\\n  -H \"Content-Type: application/json\"",
    ),
    ("json", "{ \"model\": \"demo-chat\", \"stream\": true }"),
];

/// Small deterministic generator: the same arguments give the same database.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, list: &'a [T]) -> &'a T {
        &list[self.below(list.len())]
    }
}

/// About 300 characters of markdown: paragraph, list, code block, closing line.
fn message_text(rng: &mut Rng, index: usize, user: bool) -> String {
    let topic = rng.pick(TOPICS);
    let (lang, code) = rng.pick(CODE);
    let at = rng.below(ITEMS.len());
    let [a, b, c] = [0, 1, 2].map(|i| ITEMS[(at + i) % ITEMS.len()]);
    if user {
        format!(
            "Message {index}: how should the client {topic}? We tried this:\n\n```{lang}\n{code}\n```\n\n\
             - {a}\n- {b}\n- {c}\n\nWhat would you change?"
        )
    } else {
        format!(
            "To {topic}, keep it simple (message {index}):\n\n1. {a}\n2. {b}\n3. {c}\n\n\
             ```{lang}\n{code}\n```\n\nThat keeps _latency_ low and the logs clean."
        )
    }
}

struct Args {
    dir: PathBuf,
    messages: usize,
}

fn parse_args() -> Args {
    let (mut dir, mut messages) = (None, 2_000);
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().unwrap_or_else(|| panic!("{flag} needs a value"));
        match flag.as_str() {
            "--dir" => dir = Some(PathBuf::from(value())),
            "--messages" => messages = value().parse().expect("a number"),
            other => panic!("unknown argument {other}"),
        }
    }
    assert!(
        messages % 2 == 0,
        "--messages must be even (user/assistant pairs)"
    );
    Args {
        dir: dir.expect("--dir DIR is required"),
        messages,
    }
}

fn main() {
    let args = parse_args();
    std::fs::create_dir_all(&args.dir).expect("create the data folder");
    let path = args.dir.join("portico.db");
    // Seeding twice would leave two providers and two conversations: refuse instead.
    assert!(
        !path.exists(),
        "{} exists: use a fresh folder",
        path.display()
    );
    let clock = Arc::new(AtomicI64::new(
        system_now_ms() - STEP_MS * (args.messages as i64 + 2),
    ));
    let store = Store::open(&path)
        .expect("open the store")
        .with_clock(move || clock.fetch_add(STEP_MS, Ordering::Relaxed));

    let provider = store
        .providers()
        .create(&ProviderInput {
            name: "Offline demo".into(),
            preset_id: "offline-demo".into(),
            base_url: String::new(),
            exact_base_url: false,
            auth: AuthScheme::None,
            extra_headers: vec![],
            default_model: None,
        })
        .expect("provider");
    if args.messages == 0 {
        println!(
            "{}",
            serde_json::json!({ "provider": provider.id, "messages": 0 })
        );
        return;
    }
    let conversation = store
        .conversations()
        .create(&NewConversation {
            provider_id: Some(provider.id.clone()),
            model: Some(MODEL.into()),
            params: ChatParams::default(),
        })
        .expect("conversation");

    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let (mut parent, mut first, mut chars) = (None::<String>, None, 0);
    for pair in 0..args.messages / 2 {
        let question = message_text(&mut rng, pair * 2 + 1, true);
        let answer = message_text(&mut rng, pair * 2 + 2, false);
        chars += question.chars().count() + answer.chars().count();
        let (user, assistant) = store
            .messages()
            .insert_exchange(
                &conversation.id,
                parent.as_deref(),
                &question,
                &provider.id,
                MODEL,
            )
            .expect("exchange");
        first.get_or_insert(user.id);
        let tokens = answer.len() as u32 / 4;
        let finish = Finish {
            status: MessageStatus::Complete,
            text: answer,
            reasoning: None,
            usage: Some(Usage {
                prompt_tokens: Some(question.len() as u32 / 4),
                completion_tokens: Some(tokens),
                total_tokens: Some(tokens + question.len() as u32 / 4),
                ..Usage::default()
            }),
            timings: Some(Timings {
                first_byte_ms: Some(180),
                first_token_ms: Some(240),
                total_ms: Some(1_900),
                reasoning_ms: None,
                tokens_per_second: Some(42.0),
            }),
            finish_reason: Some("stop".into()),
            error: None,
        };
        store
            .messages()
            .finish(&assistant.id, &finish)
            .expect("finish");
        parent = Some(assistant.id);
    }
    let title = format!("Long conversation ({} messages)", args.messages);
    store
        .conversations()
        .rename(&conversation.id, &title)
        .expect("rename");
    println!(
        "{}",
        serde_json::json!({
            "provider": provider.id,
            "conversation": conversation.id,
            "first": first,
            "last": parent,
            "messages": args.messages,
            "avgChars": chars / args.messages,
        })
    );
}
