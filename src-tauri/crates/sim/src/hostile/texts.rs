//! The hostile reply texts: each a pure function of its kind, built to make a
//! markdown renderer do too much (size, nesting depth, backtracking) or to run,
//! hide or navigate something it should only show (see `html.rs`).

use crate::text::Rng;

use super::Hostile;

/// Size of `long_line`: 5 MB on one line.
pub const LONG_LINE_BYTES: usize = 5_000_000;
/// `*a` repeated this many times (100 KB): unclosed emphasis openers.
pub const EMPHASIS_REPEATS: usize = 50_000;
/// Levels of `nested_list` (about 4 MB of indentation) and of `nested_quotes`.
pub const LIST_DEPTH: usize = 2_000;
pub const QUOTE_DEPTH: usize = 2_000;
/// Rows and columns of `table` (about 2 MB).
pub const TABLE_ROWS: usize = 20_000;
pub const TABLE_COLUMNS: usize = 12;
/// Size of the fenced block of `code` (about 1 MB), highlighted as JavaScript.
pub const CODE_BYTES: usize = 1_000_000;
/// `math`: one formula nested this deep, then this many inline formulas.
pub const MATH_DEPTH: usize = 1_000;
pub const MATH_INLINE: usize = 5_000;

const WORDS: &[&str] = &[
    "gateway", "model", "stream", "token", "latency", "render", "window", "cursor", "ledger",
    "harbor", "meadow", "lantern", "copper", "orbit", "prism", "signal",
];

pub fn text(kind: Hostile) -> String {
    match kind {
        Hostile::LongLine => long_line(),
        Hostile::Emphasis => "*a".repeat(EMPHASIS_REPEATS),
        Hostile::NestedList => nested_list(),
        Hostile::NestedQuotes => nested_quotes(),
        Hostile::Table => table(),
        Hostile::Html => super::html::text(),
        Hostile::Code => code(),
        Hostile::Math => math(),
    }
}

/// Words and inline markup (strong, emphasis, code, links) with no line break at all.
fn long_line() -> String {
    let mut rng = Rng::new(0x10_6c_69_6e_65);
    let mut out = String::with_capacity(LONG_LINE_BYTES + 64);
    let mut n = 0usize;
    while out.len() < LONG_LINE_BYTES {
        let word = WORDS[rng.below(WORDS.len())];
        match n % 40 {
            7 => out.push_str(&format!("**{word}**")),
            17 => out.push_str(&format!("_{word}_")),
            27 => out.push_str(&format!("`{word}()`")),
            37 => out.push_str(&format!("[{word}](https://example.com/{n})")),
            _ => out.push_str(word),
        }
        out.push(' ');
        n += 1;
    }
    out.truncate(LONG_LINE_BYTES); // ASCII only, so any byte is a character boundary
    out
}

/// Each item one level deeper than the last: two more spaces, as CommonMark nests `- `.
fn nested_list() -> String {
    let mut out = String::with_capacity(LIST_DEPTH * (LIST_DEPTH + 16));
    for level in 0..LIST_DEPTH {
        out.extend(std::iter::repeat_n(' ', 2 * level));
        out.push_str(&format!("- level {level}\n"));
    }
    out
}

/// A staircase of block quotes, one `>` deeper per line.
fn nested_quotes() -> String {
    let mut out = String::with_capacity(QUOTE_DEPTH * (QUOTE_DEPTH / 2 + 16));
    for level in 1..=QUOTE_DEPTH {
        out.extend(std::iter::repeat_n('>', level));
        out.push_str(&format!(" quote {level}\n"));
    }
    out
}

fn table() -> String {
    let mut rng = Rng::new(0x7a_62_6c_65);
    let mut out = String::with_capacity(TABLE_ROWS * TABLE_COLUMNS * 10);
    let row = |cells: &mut dyn Iterator<Item = String>, out: &mut String| {
        out.push('|');
        for cell in cells {
            out.push(' ');
            out.push_str(&cell);
            out.push_str(" |");
        }
        out.push('\n');
    };
    row(
        &mut (0..TABLE_COLUMNS).map(|c| format!("Column {c}")),
        &mut out,
    );
    row(&mut (0..TABLE_COLUMNS).map(|_| "---".to_string()), &mut out);
    for r in 0..TABLE_ROWS {
        let mut cells = (0..TABLE_COLUMNS).map(|c| {
            let word = WORDS[rng.below(WORDS.len())];
            match (r + c) % 9 {
                0 => format!("**{word}**"),
                4 => format!("`{r}`"),
                _ => word.to_string(),
            }
        });
        row(&mut cells, &mut out);
    }
    out
}

/// One fenced block of plausible JavaScript: strings, comments, regexes and numbers
/// give a highlighter every kind of token.
fn code() -> String {
    let mut out = String::with_capacity(CODE_BYTES + 128);
    out.push_str("```javascript\n");
    let mut i = 0usize;
    while out.len() < CODE_BYTES {
        out.push_str(&format!(
            "function step{i}(x) {{ /* {i} */ const re = /a+b*{i}/g; return x.replace(re, \"{i}\") + `${{x}}` + {i}.5e3; }} // done\n"
        ));
        i += 1;
    }
    out.push_str("```\n");
    out
}

/// A display formula nested `MATH_DEPTH` deep, then many small inline ones.
fn math() -> String {
    let mut out = String::from("$$\n");
    out.push_str(&"\\sqrt{".repeat(MATH_DEPTH));
    out.push('x');
    out.push_str(&"}".repeat(MATH_DEPTH));
    out.push_str("\n$$\n\n");
    for i in 0..MATH_INLINE {
        out.push_str(&format!("$x_{{{i}}}^2$ "));
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_shapes() {
        let line = text(Hostile::LongLine);
        assert_eq!(line.len(), LONG_LINE_BYTES);
        assert!(!line.contains('\n'));
        assert_eq!(text(Hostile::Emphasis).len(), 100_000);
        let list = text(Hostile::NestedList);
        assert!(
            (3_900_000..4_200_000).contains(&list.len()),
            "{}",
            list.len()
        );
        let last = list.lines().last().unwrap();
        assert_eq!(last, format!("{}- level 1999", " ".repeat(2 * 1999)));
        let quotes = text(Hostile::NestedQuotes);
        assert!(quotes
            .lines()
            .last()
            .unwrap()
            .starts_with(&">".repeat(2000)));
        let table = text(Hostile::Table);
        assert_eq!(table.lines().count(), TABLE_ROWS + 2);
        assert!(table.len() > 1_500_000, "{}", table.len());
        assert!(text(Hostile::Code).len() > CODE_BYTES);
        assert!(text(Hostile::Math).contains(&"\\sqrt{".repeat(MATH_DEPTH)));
    }
}
