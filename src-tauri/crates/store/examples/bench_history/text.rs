//! Deterministic chat-like text: English, Chinese and mixed, with word frequencies skewed
//! like real language, rare names and ticket numbers for selective queries.

use std::sync::OnceLock;

use rand::rngs::StdRng;
use rand::Rng;

struct Words {
    en: Vec<&'static str>,
    zh: Vec<&'static str>,
    rare: Vec<&'static str>,
}

fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| Words {
        en: include_str!("words_en.txt").split_whitespace().collect(),
        zh: include_str!("words_zh.txt").split_whitespace().collect(),
        rare: include_str!("words_rare.txt").split_whitespace().collect(),
    })
}

/// Skewed towards the start of the list, like word frequencies.
pub fn zipf<'a>(rng: &mut StdRng, words: &[&'a str]) -> &'a str {
    let u: f64 = rng.random();
    words[((words.len() as f64) * u.powf(2.2)) as usize % words.len()]
}

fn english(rng: &mut StdRng, out: &mut String, chars: usize) {
    let mut written = 0;
    let mut capital = true;
    while written < chars {
        let w = zipf(rng, &words().en);
        written += w.len() + 1; // the word list is ASCII
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
            written += 1;
            capital = true;
        } else if rng.random_bool(0.06) {
            out.push_str(", ");
            written += 1;
        } else {
            out.push(' ');
        }
    }
}

fn chinese(rng: &mut StdRng, out: &mut String, chars: usize) {
    let mut written = 0;
    while written < chars {
        let w = zipf(rng, &words().zh);
        written += w.chars().count();
        out.push_str(w);
        if rng.random_bool(0.12) {
            out.push('，');
            written += 1;
        } else if rng.random_bool(0.06) {
            out.push('。');
            written += 1;
        }
    }
}

pub fn message_text(rng: &mut StdRng, user: bool) -> String {
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
        s.push_str(words().rare[rng.random_range(0..words().rare.len())]);
    }
    if rng.random_bool(0.02) {
        s.push_str(&format!(" ticket-{}", rng.random_range(10_000..99_999)));
    }
    s
}

pub fn queries(rng: &mut StdRng, n: usize) -> Vec<String> {
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
            0 => words().en[rng.random_range(0..words().en.len())].to_owned(),
            1 => format!("{} {}", zipf(rng, &words().en), zipf(rng, &words().en)),
            2 => words().zh[rng.random_range(0..words().zh.len())].to_owned(),
            3 => format!("{}{}", zipf(rng, &words().zh), zipf(rng, &words().zh)),
            4 => words().rare[rng.random_range(0..words().rare.len())].to_owned(),
            5 => format!("ticket-{}", rng.random_range(10_000..99_999)),
            6 => {
                words().en[rng.random_range(words().en.len() / 2..words().en.len())].to_uppercase()
            }
            _ => format!(
                "{} {}",
                zipf(rng, &words().en),
                words().zh[rng.random_range(0..words().zh.len())]
            ),
        };
        q.push(s);
    }
    q.truncate(n);
    q
}
