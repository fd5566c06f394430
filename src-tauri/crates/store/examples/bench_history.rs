//! Builds a large chat history and measures what users feel on it: full-text search and
//! opening a long conversation.
//!
//! ```text
//! cargo run --release -p portico-store --example bench_history -- \
//!     [--conversations 10000] [--messages 1000000] [--path DIR] [--queries 200]
//! ```
//!
//! The history is deterministic (seeded): varied English, Chinese and mixed text of about 300
//! characters, regenerated replies here and there, one conversation of 5,000 messages. It is
//! written with large transactions through the same schema, triggers and FTS index the app
//! uses. Without `--path` it goes to a temporary folder that is removed at the end.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use portico_store::{new_id, title_from_text, Store};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const BIG_CONVERSATION: usize = 5_000;
const BATCH: usize = 25_000;

const EN: &[&str] = &[
    "the",
    "a",
    "to",
    "of",
    "and",
    "in",
    "is",
    "it",
    "you",
    "that",
    "for",
    "on",
    "with",
    "this",
    "can",
    "be",
    "as",
    "are",
    "your",
    "use",
    "if",
    "not",
    "we",
    "or",
    "have",
    "will",
    "from",
    "by",
    "an",
    "but",
    "how",
    "what",
    "when",
    "which",
    "should",
    "would",
    "function",
    "model",
    "request",
    "response",
    "error",
    "value",
    "data",
    "file",
    "code",
    "example",
    "string",
    "list",
    "token",
    "tokens",
    "stream",
    "server",
    "client",
    "image",
    "video",
    "prompt",
    "context",
    "output",
    "input",
    "query",
    "database",
    "index",
    "table",
    "column",
    "async",
    "await",
    "thread",
    "memory",
    "cache",
    "latency",
    "timeout",
    "retry",
    "gateway",
    "provider",
    "key",
    "header",
    "version",
    "release",
    "build",
    "test",
    "deploy",
    "config",
    "option",
    "setting",
    "user",
    "assistant",
    "system",
    "message",
    "reply",
    "answer",
    "question",
    "problem",
    "solution",
    "approach",
    "performance",
    "design",
    "pattern",
    "interface",
    "type",
    "struct",
    "enum",
    "trait",
    "closure",
    "iterator",
    "vector",
    "map",
    "hash",
    "tree",
    "graph",
    "node",
    "edge",
    "path",
    "route",
    "handler",
    "middleware",
    "session",
    "cookie",
    "header",
    "body",
    "json",
    "yaml",
    "schema",
    "migration",
    "transaction",
    "commit",
    "rollback",
    "lock",
    "mutex",
    "channel",
    "future",
    "runtime",
    "executor",
    "scheduler",
    "queue",
    "worker",
    "pool",
    "batch",
    "chunk",
    "buffer",
    "parser",
    "decoder",
    "encoder",
    "compression",
    "encryption",
    "signature",
    "certificate",
    "browser",
    "window",
    "layout",
    "render",
    "component",
    "state",
    "effect",
    "reducer",
    "selector",
    "virtual",
    "scroll",
    "markdown",
    "highlight",
    "theme",
    "font",
    "python",
    "rust",
    "javascript",
    "typescript",
    "golang",
    "kotlin",
    "swift",
    "haskell",
    "recipe",
    "travel",
    "budget",
    "invoice",
    "contract",
    "meeting",
    "schedule",
    "holiday",
    "weather",
    "garden",
    "coffee",
    "mountain",
    "river",
    "history",
    "novel",
    "poem",
    "chapter",
    "translation",
    "grammar",
    "vocabulary",
    "pronunciation",
    "summary",
    "outline",
    "essay",
    "quantum",
    "entropy",
    "gradient",
    "tensor",
    "embedding",
    "attention",
    "transformer",
    "benchmark",
    "profiling",
    "allocation",
    "fragmentation",
    "serialization",
    "idempotent",
    "backpressure",
    "linearizable",
    "eventual",
    "consistency",
    "partition",
    "replica",
    "kubernetes",
    "terraform",
    "nginx",
    "postgres",
    "sqlite",
    "redis",
    "kafka",
    "grpc",
    "websocket",
    "oauth",
    "keychain",
    "sandbox",
    "permission",
    "capability",
    "manifest",
];

const ZH: &[&str] = &[
    "的",
    "是",
    "在",
    "了",
    "我们",
    "你",
    "可以",
    "这个",
    "一个",
    "问题",
    "如何",
    "使用",
    "需要",
    "因为",
    "所以",
    "但是",
    "如果",
    "模型",
    "数据",
    "函数",
    "请求",
    "响应",
    "错误",
    "代码",
    "文件",
    "图片",
    "视频",
    "生成",
    "提示词",
    "上下文",
    "输出",
    "输入",
    "数据库",
    "索引",
    "查询",
    "缓存",
    "内存",
    "线程",
    "异步",
    "性能",
    "优化",
    "设计",
    "接口",
    "类型",
    "结构",
    "服务器",
    "客户端",
    "网关",
    "密钥",
    "配置",
    "参数",
    "版本",
    "发布",
    "测试",
    "部署",
    "用户",
    "助手",
    "系统",
    "消息",
    "回答",
    "方案",
    "方法",
    "例子",
    "示例",
    "步骤",
    "首先",
    "然后",
    "最后",
    "总结",
    "翻译",
    "语法",
    "词汇",
    "文章",
    "小说",
    "诗歌",
    "历史",
    "旅行",
    "预算",
    "会议",
    "日程",
    "天气",
    "咖啡",
    "花园",
    "山脉",
    "河流",
    "学习",
    "工作",
    "生活",
    "健康",
    "运动",
    "机器学习",
    "深度学习",
    "神经网络",
    "注意力机制",
    "向量",
    "矩阵",
    "梯度",
    "训练",
    "推理",
    "流式输出",
    "超时",
    "重试",
    "并发",
    "事务",
    "回滚",
    "迁移",
    "全文搜索",
    "分词",
    "中文",
    "日语",
    "英语",
    "浏览器",
    "窗口",
    "渲染",
    "组件",
    "状态",
    "主题",
    "字体",
    "快捷键",
    "北京",
    "上海",
    "杭州",
    "深圳",
    "成都",
    "春天",
    "夏天",
    "秋天",
    "冬天",
    "早上好",
    "谢谢",
    "非常",
    "重要",
    "简单",
    "复杂",
    "快速",
    "稳定",
    "安全",
    "隐私",
    "开源",
];

const RARE: &[&str] = &[
    "Zanzibar",
    "Kilimanjaro",
    "Okonkwo",
    "Valparaiso",
    "Tbilisi",
    "Reykjavik",
    "Ouagadougou",
    "phosphorescence",
    "quixotic",
    "serendipity",
    "defenestration",
    "sesquipedalian",
    "你好世界",
    "量子纠缠",
    "敦煌壁画",
    "兵马俑",
    "蝴蝶效应",
    "黑天鹅",
    "薛定谔的猫",
];

struct Args {
    conversations: usize,
    messages: usize,
    path: Option<PathBuf>,
    queries: usize,
}

fn parse_args() -> Args {
    let mut args = Args {
        conversations: 10_000,
        messages: 1_000_000,
        path: None,
        queries: 200,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().unwrap_or_else(|| panic!("{flag} needs a value"));
        match flag.as_str() {
            "--conversations" => args.conversations = value().parse().expect("a number"),
            "--messages" => args.messages = value().parse().expect("a number"),
            "--path" => args.path = Some(PathBuf::from(value())),
            "--queries" => args.queries = value().parse().expect("a number"),
            other => panic!("unknown argument {other}"),
        }
    }
    assert!(args.conversations >= 2, "need at least 2 conversations");
    assert!(
        args.messages >= BIG_CONVERSATION + 2 * (args.conversations - 1),
        "need at least {} messages",
        BIG_CONVERSATION + 2 * (args.conversations - 1)
    );
    args
}

/// Skewed towards the start of the list, like word frequencies.
fn zipf<'a>(rng: &mut StdRng, words: &[&'a str]) -> &'a str {
    let u: f64 = rng.random();
    words[((words.len() as f64) * u.powf(2.2)) as usize % words.len()]
}

fn english(rng: &mut StdRng, out: &mut String, chars: usize) {
    let start = out.chars().count();
    let mut capital = true;
    while out.chars().count() - start < chars {
        let w = zipf(rng, EN);
        if capital {
            let mut c = w.chars();
            if let Some(f) = c.next() {
                out.extend(f.to_uppercase());
                out.push_str(c.as_str());
            }
            capital = false;
        } else {
            out.push_str(w);
        }
        if rng.random_bool(0.1) {
            out.push_str(". ");
            capital = true;
        } else if rng.random_bool(0.06) {
            out.push_str(", ");
        } else {
            out.push(' ');
        }
    }
}

fn chinese(rng: &mut StdRng, out: &mut String, chars: usize) {
    let start = out.chars().count();
    while out.chars().count() - start < chars {
        out.push_str(zipf(rng, ZH));
        if rng.random_bool(0.12) {
            out.push('，');
        } else if rng.random_bool(0.06) {
            out.push('。');
        }
    }
}

fn message_text(rng: &mut StdRng, user: bool) -> String {
    let len = if user {
        rng.random_range(20..160)
    } else {
        rng.random_range(150..450)
    };
    let mut s = String::with_capacity(len * 3);
    match rng.random_range(0..100) {
        0..55 => english(rng, &mut s, len),
        55..90 => chinese(rng, &mut s, len / 2),
        _ => {
            english(rng, &mut s, len / 2);
            s.push('\n');
            chinese(rng, &mut s, len / 4);
        }
    }
    if rng.random_bool(0.03) {
        s.push(' ');
        s.push_str(RARE[rng.random_range(0..RARE.len())]);
    }
    if rng.random_bool(0.02) {
        s.push_str(&format!(" ticket-{}", rng.random_range(10_000..99_999)));
    }
    s
}

/// Builds every conversation; returns the id of the big one.
fn build(store: &Store, args: &Args, rng: &mut StdRng) -> String {
    // Message budget per conversation: the big one, then the rest spread unevenly.
    let others = args.conversations - 1;
    let rest = args.messages - BIG_CONVERSATION;
    let mut sizes = vec![BIG_CONVERSATION];
    let mut left = rest;
    for i in 0..others {
        let remaining_convs = others - i;
        let size = if remaining_convs == 1 {
            left
        } else {
            let avg = left / remaining_convs;
            let lo = 2usize;
            let hi = (avg * 2).saturating_sub(2).max(lo + 1);
            rng.random_range(lo..hi)
                .min(left - 2 * (remaining_convs - 1))
        };
        sizes.push(size);
        left -= size;
    }

    let mut clock: i64 = 1_704_067_200_000; // 2024-01-01
    let mut big_id = String::new();
    let mut conv_iter = sizes.into_iter().enumerate().peekable();
    while conv_iter.peek().is_some() {
        store
            .write(|tx| {
                let mut conv_stmt = tx.prepare_cached(
                    "INSERT INTO conversations (id, title, model, params_json, pinned, created_at, updated_at)
                     VALUES (?1, ?2, 'gpt-4o-mini', '{}', ?3, ?4, ?4)",
                )?;
                let mut msg_stmt = tx.prepare_cached(
                    "INSERT INTO messages (id, conversation_id, parent_id, role, status, text,
                         provider_id, model, usage_json, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, 'complete', ?5, ?6, ?7, ?8, ?9, ?9)",
                )?;
                let mut leaf_stmt = tx.prepare_cached(
                    "UPDATE conversations SET active_leaf_id = ?2, updated_at = ?3, title = ?4 WHERE id = ?1",
                )?;
                let mut written = 0;
                while written < BATCH {
                    let Some((index, size)) = conv_iter.next() else { break };
                    let conv_id = new_id();
                    if index == 0 {
                        big_id = conv_id.clone();
                    }
                    clock += rng.random_range(60_000..7_200_000);
                    conv_stmt.execute(rusqlite::params![conv_id, "", rng.random_bool(0.01), clock])?;
                    let mut parent: Option<String> = None;
                    let mut title = String::new();
                    let mut left = size;
                    let mut user = true;
                    while left > 0 {
                        if !user && left >= 2 && rng.random_bool(0.04) {
                            // A regenerated reply: an older sibling off the active branch.
                            insert_message(&mut msg_stmt, rng, &conv_id, parent.as_deref(), false, &mut clock)?;
                            left -= 1;
                            written += 1;
                        }
                        let (id, text) =
                            insert_message(&mut msg_stmt, rng, &conv_id, parent.as_deref(), user, &mut clock)?;
                        if parent.is_none() {
                            title = title_from_text(&text);
                        }
                        parent = Some(id);
                        left -= 1;
                        written += 1;
                        user = !user;
                    }
                    leaf_stmt.execute(rusqlite::params![conv_id, parent, clock, title])?;
                }
                Ok(())
            })
            .expect("batch written");
    }
    big_id
}

fn insert_message(
    stmt: &mut rusqlite::CachedStatement<'_>,
    rng: &mut StdRng,
    conv_id: &str,
    parent: Option<&str>,
    user: bool,
    clock: &mut i64,
) -> portico_store::Result<(String, String)> {
    *clock += rng.random_range(1_000..90_000);
    let id = new_id();
    let text = message_text(rng, user);
    let usage = (!user).then(|| {
        format!(
            r#"{{"promptTokens":{},"completionTokens":{}}}"#,
            rng.random_range(10..4000),
            rng.random_range(10..900)
        )
    });
    stmt.execute(rusqlite::params![
        id,
        conv_id,
        parent,
        if user { "user" } else { "assistant" },
        text,
        (!user).then_some("bench-provider"),
        (!user).then_some("gpt-4o-mini"),
        usage,
        *clock,
    ])?;
    Ok((id, text))
}

fn queries(rng: &mut StdRng, n: usize) -> Vec<String> {
    let mut q = vec![
        "你好世界".to_owned(),
        "\"quoted\" AND (x OR y)*".to_owned(),
        "NEAR(rust sqlite) -minus".to_owned(),
        "nothing-matches-this-zq".to_owned(),
        "ticket-4".to_owned(),
        "Transformer attention".to_owned(),
        "薛定谔的猫".to_owned(),
    ];
    while q.len() < n {
        let s = match rng.random_range(0..8) {
            0 => EN[rng.random_range(0..EN.len())].to_owned(),
            1 => format!("{} {}", zipf(rng, EN), zipf(rng, EN)),
            2 => ZH[rng.random_range(0..ZH.len())].to_owned(),
            3 => format!("{}{}", zipf(rng, ZH), zipf(rng, ZH)),
            4 => RARE[rng.random_range(0..RARE.len())].to_owned(),
            5 => format!("ticket-{}", rng.random_range(10_000..99_999)),
            6 => EN[rng.random_range(EN.len() / 2..EN.len())].to_uppercase(),
            _ => format!("{} {}", zipf(rng, EN), ZH[rng.random_range(0..ZH.len())]),
        };
        q.push(s);
    }
    q.truncate(n);
    q
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn report(name: &str, mut d: Vec<Duration>) {
    d.sort();
    println!(
        "{name}: n={} p50={:.2} ms p95={:.2} ms max={:.2} ms",
        d.len(),
        percentile(&d, 0.5).as_secs_f64() * 1e3,
        percentile(&d, 0.95).as_secs_f64() * 1e3,
        d.last().map_or(0.0, |x| x.as_secs_f64() * 1e3),
    );
}

fn file_mb(path: &std::path::Path) -> f64 {
    std::fs::metadata(path).map_or(0.0, |m| m.len() as f64 / 1e6)
}

fn main() {
    let args = parse_args();
    let temp = tempfile::tempdir().expect("temp dir");
    let dir = args
        .path
        .clone()
        .unwrap_or_else(|| temp.path().to_path_buf());
    std::fs::create_dir_all(&dir).expect("folder");
    let db = dir.join("bench_history.db");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    println!(
        "building {} messages in {} conversations at {}",
        args.messages,
        args.conversations,
        db.display()
    );

    let mut rng = StdRng::seed_from_u64(0x5eed_c0de);
    let started = Instant::now();
    let store = Store::open(&db).expect("open");
    let big = build(&store, &args, &mut rng);
    drop(store); // the last connection checkpoints the WAL into the file
    let build_time = started.elapsed();
    println!("build: {:.1} s", build_time.as_secs_f64());
    println!(
        "database size: {:.0} MB (wal {:.1} MB)",
        file_mb(&db),
        file_mb(&PathBuf::from(format!("{}-wal", db.display())))
    );

    let t = Instant::now();
    let store = Store::open(&db).expect("reopen");
    let n = store
        .messages()
        .mark_interrupted_at_startup()
        .expect("startup");
    println!(
        "reopen + mark_interrupted_at_startup: {:.1} ms ({n} interrupted)",
        t.elapsed().as_secs_f64() * 1e3
    );
    let count: i64 = store
        .read(|tx| Ok(tx.query_row("SELECT COUNT(*) FROM messages", [], |r| r.get(0))?))
        .expect("count");
    let big_conv = store.conversations().get(&big).expect("big conversation");
    println!(
        "rows: {count} messages; big conversation has {} messages",
        big_conv.message_count
    );

    // Full-text search.
    let qs = queries(&mut rng, args.queries);
    for q in qs.iter().take(10) {
        store.search(q, 20).expect("warm-up");
    }
    let mut times = Vec::new();
    let mut total_hits = 0;
    let mut empty = 0;
    for q in &qs {
        let t = Instant::now();
        let hits = store.search(q, 20).expect("search");
        times.push(t.elapsed());
        total_hits += hits.len();
        empty += usize::from(hits.is_empty());
    }
    report(
        &format!(
            "search (limit 20, {} queries, {total_hits} hits, {empty} with none)",
            qs.len()
        ),
        times,
    );

    let short = [
        "AI", "你好", "数据", "go", "js", "缓存", "zq", "x", "模型", "db",
    ];
    let mut times = Vec::new();
    for q in short {
        let t = Instant::now();
        store.search(q, 20).expect("short search");
        times.push(t.elapsed());
    }
    report("search, queries under 3 characters (LIKE scan)", times);

    // Opening the long conversation.
    let mut times = Vec::new();
    for _ in 0..200 {
        let t = Instant::now();
        let page = store.messages().thread_page(&big, None, 50).expect("page");
        times.push(t.elapsed());
        assert_eq!(page.messages.len(), 50);
    }
    report(
        "thread_page first page (5,000-message conversation, limit 50)",
        times,
    );

    let mut times = Vec::new();
    let mut before: Option<String> = None;
    loop {
        let t = Instant::now();
        let page = store
            .messages()
            .thread_page(&big, before.as_deref(), 50)
            .expect("page");
        times.push(t.elapsed());
        if !page.has_more {
            break;
        }
        before = page.messages.first().map(|m| m.message.id.clone());
    }
    report("thread_page paging back to the root (limit 50)", times);

    let mut times = Vec::new();
    let mut cursor: Option<String> = None;
    for _ in 0..50 {
        let t = Instant::now();
        let page = store
            .conversations()
            .list_page(cursor.as_deref(), 50)
            .expect("list");
        times.push(t.elapsed());
        cursor = page.next_cursor;
    }
    report("conversation list pages (limit 50)", times);

    let leaf = big_conv.active_leaf_id.expect("leaf");
    let t = Instant::now();
    let path = store.messages().path_to(&leaf).expect("path");
    println!(
        "path_to(leaf of the big conversation): {} messages in {:.2} ms",
        path.len(),
        t.elapsed().as_secs_f64() * 1e3
    );
}
