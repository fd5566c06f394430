//! Small deterministic text tools: a stable hash, a seeded generator, and the
//! word splitter every count in the simulator uses.

/// FNV-1a: stable across Rust releases, unlike `DefaultHasher`, so a prompt
/// gives the same reply on every machine and build.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// splitmix64: tiny, seedable, good enough to pick words.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

/// Characters that count as a word of their own (CJK ideographs, kana, hangul,
/// fullwidth punctuation, emoji): those scripts do not separate words with spaces.
pub fn is_wide(c: char) -> bool {
    (c as u32) >= 0x2E80 && !c.is_whitespace()
}

/// Splits text into words, each keeping its trailing whitespace, so the pieces
/// concatenate back to the input exactly. Every wide character is its own word.
pub fn words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut has_body = false;
    let mut seen_space = false;
    let mut prev_wide = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            seen_space |= has_body;
            continue;
        }
        let wide = is_wide(c);
        if has_body && (seen_space || wide || prev_wide) {
            out.push(&text[start..i]);
            start = i;
            seen_space = false;
        }
        has_body = true;
        prev_wide = wide;
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// Word count as used for every token figure the simulator reports.
pub fn count_words(text: &str) -> usize {
    words(text).iter().filter(|w| !w.trim().is_empty()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_round_trip_and_split_wide_chars() {
        let text = "  Hello  world\nfoo 你好 ok🙂x\n";
        let parts = words(text);
        assert_eq!(parts.concat(), text);
        assert_eq!(
            parts,
            [
                "  Hello  ",
                "world\n",
                "foo ",
                "你",
                "好 ",
                "ok",
                "🙂",
                "x\n"
            ]
        );
        assert_eq!(count_words(text), 8);
        assert_eq!(count_words("   "), 0);
    }

    #[test]
    fn hash_is_stable() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
