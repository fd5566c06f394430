//! A small one-pass JSON cursor for the chunk fast path: it walks objects and arrays in place,
//! lets the caller read the few values it wants, and skips the rest without decoding them
//! (strings are skipped by looking for the closing quote, with SIMD `memchr` when long).
//!
//! Skipped values are checked for structure (terminated strings, balanced brackets, known
//! literals), not for full validity; anything the cursor cannot follow is `Invalid`, and the
//! caller then falls back to serde_json, which decides.

use std::borrow::Cow;

/// The cursor could not follow the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Invalid;

pub(crate) type Scan<T> = Result<T, Invalid>;

pub(crate) struct Cursor<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    pub fn new(src: &'a str) -> Self {
        Self { src, pos: 0 }
    }

    #[inline(always)]
    fn bytes(&self) -> &'a [u8] {
        self.src.as_bytes()
    }

    #[inline(always)]
    pub fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes().get(self.pos) {
            self.pos += 1;
        }
    }

    #[inline(always)]
    pub fn peek(&self) -> Option<u8> {
        self.bytes().get(self.pos).copied()
    }

    #[inline(always)]
    pub fn at_end(&self) -> bool {
        self.pos == self.src.len()
    }

    #[inline(always)]
    fn expect(&mut self, c: u8) -> Scan<()> {
        if self.peek() == Some(c) {
            self.pos += 1;
            Ok(())
        } else {
            Err(Invalid)
        }
    }

    /// At an opening quote: the raw text between the quotes, and whether it has escapes.
    #[inline]
    fn raw_string(&mut self) -> Scan<(&'a str, bool)> {
        let b = self.bytes();
        let start = self.pos + 1;
        let mut j = start;
        let mut escaped = false;
        loop {
            j = find_quote_or_backslash(b, j).ok_or(Invalid)?;
            if b[j] == b'"' {
                self.pos = j + 1;
                return Ok((&self.src[start..j], escaped));
            }
            // A backslash escapes exactly the next byte (`\uXXXX` digits are never quotes).
            escaped = true;
            j += 2;
        }
    }

    /// Skip one value; its raw text.
    pub fn skip_value(&mut self) -> Scan<&'a str> {
        let start = self.pos;
        let literal = |c: &mut Self, word: &str| {
            if c.src[c.pos..].starts_with(word) {
                c.pos += word.len();
                Ok(())
            } else {
                Err(Invalid)
            }
        };
        match self.peek().ok_or(Invalid)? {
            b'"' => {
                self.raw_string()?;
            }
            b'{' | b'[' => self.skip_container()?,
            b'n' => literal(self, "null")?,
            b't' => literal(self, "true")?,
            b'f' => literal(self, "false")?,
            b'-' | b'0'..=b'9' => {
                self.pos += 1;
                while let Some(b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-') = self.peek() {
                    self.pos += 1;
                }
            }
            _ => return Err(Invalid),
        }
        Ok(&self.src[start..self.pos])
    }

    fn skip_container(&mut self) -> Scan<()> {
        let mut depth = 0usize;
        while let Some(c) = self.peek() {
            match c {
                b'"' => {
                    self.raw_string()?;
                    continue;
                }
                b'{' | b'[' => depth += 1,
                b'}' | b']' => {
                    depth -= 1;
                    if depth == 0 {
                        self.pos += 1;
                        return Ok(());
                    }
                }
                _ => {}
            }
            self.pos += 1;
        }
        Err(Invalid)
    }

    /// Walk an object; `member` is called at each value with its raw key and must consume the
    /// value (read it or `skip_value`). Keys are compared raw: an escaped key matches nothing.
    pub fn object(&mut self, mut member: impl FnMut(&mut Self, &'a str) -> Scan<()>) -> Scan<()> {
        self.expect(b'{')?;
        self.ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(());
        }
        loop {
            self.ws();
            if self.peek() != Some(b'"') {
                return Err(Invalid);
            }
            let (key, _) = self.raw_string()?;
            self.ws();
            self.expect(b':')?;
            self.ws();
            member(self, key)?;
            self.ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return Err(Invalid),
            }
        }
    }

    /// Walk an array; `item` is called at each value and must consume it.
    pub fn array(&mut self, mut item: impl FnMut(&mut Self) -> Scan<()>) -> Scan<()> {
        self.expect(b'[')?;
        self.ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(());
        }
        loop {
            self.ws();
            item(self)?;
            self.ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return Err(Invalid),
            }
        }
    }

    /// A string (borrowed when it has no escapes) or `null`.
    pub fn string(&mut self) -> Scan<Option<Cow<'a, str>>> {
        match self.peek() {
            Some(b'"') => {
                let start = self.pos;
                let (inner, escaped) = self.raw_string()?;
                if !escaped {
                    return Ok(Some(Cow::Borrowed(inner)));
                }
                serde_json::from_str::<String>(&self.src[start..self.pos])
                    .map(|s| Some(Cow::Owned(s)))
                    .map_err(|_| Invalid)
            }
            Some(b'n') => self.skip_value().map(|_| None),
            _ => Err(Invalid),
        }
    }
}

/// The first `"` or `\` at or after `from`. Keys and values are mostly short, where eight
/// bytes at a time (SWAR) beat a SIMD call's set-up; long strings go to `memchr2`.
#[inline]
fn find_quote_or_backslash(b: &[u8], from: usize) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    const QUOTES: u64 = LO * b'"' as u64;
    const SLASHES: u64 = LO * b'\\' as u64;
    let mut j = from;
    let swar_end = b.len().min(from.saturating_add(64));
    while j + 8 <= swar_end {
        let word: [u8; 8] = b.get(j..j + 8)?.try_into().ok()?;
        let x = u64::from_le_bytes(word);
        let (q, s) = (x ^ QUOTES, x ^ SLASHES);
        // Exact for the lowest matching byte, which is the one we want.
        let hits = (q.wrapping_sub(LO) & !q & HI) | (s.wrapping_sub(LO) & !s & HI);
        if hits != 0 {
            return Some(j + (hits.trailing_zeros() / 8) as usize);
        }
        j += 8;
    }
    let rest = b.get(j..)?;
    memchr::memchr2(b'"', b'\\', rest).map(|k| j + k)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every member of a top-level object as (key, raw value), or Invalid.
    fn members(src: &str) -> Scan<Vec<(&str, &str)>> {
        let mut c = Cursor::new(src);
        let mut out = Vec::new();
        c.ws();
        c.object(|c, k| {
            out.push((k, c.skip_value()?));
            Ok(())
        })?;
        c.ws();
        if !c.at_end() {
            return Err(Invalid);
        }
        Ok(out)
    }

    #[test]
    fn walks_members_with_raw_values() {
        let src = r#" {"id":"a\"b","n":-1.5e3,"t":true,"x":null,"o":{"k":[1,{"z":"}"}]},"s":"é\\","long":"0123456789012345678901234567890123456789\"x"} "#;
        assert_eq!(
            members(src).unwrap(),
            vec![
                ("id", r#""a\"b""#),
                ("n", "-1.5e3"),
                ("t", "true"),
                ("x", "null"),
                ("o", r#"{"k":[1,{"z":"}"}]}"#),
                ("s", r#""é\\""#),
                ("long", r#""0123456789012345678901234567890123456789\"x""#),
            ]
        );
        assert_eq!(members("{ }").unwrap(), vec![]);
        let mut items = Vec::new();
        Cursor::new("[ 1 , \"a\" ,[]]")
            .array(|c| {
                items.push(c.skip_value()?);
                Ok(())
            })
            .unwrap();
        assert_eq!(items, ["1", "\"a\"", "[]"]);
    }

    #[test]
    fn rejects_what_it_cannot_follow() {
        for bad in [
            "",
            "[]",
            "{",
            r#"{"a":1"#,
            r#"{"a":"unterminated}"#,
            r#"{"a":"ends in backslash\"#,
            r#"{"a":1}x"#,
            r#"{"a" 1}"#,
            r#"{"a":1,}"#,
            r#"{a:1}"#,
            r#"{"a":nul}"#,
            r#"{"a":[1,2}"#,
            r#"{"a":"\"}"#,
            r#"{"a":1 "b":2}"#,
        ] {
            assert_eq!(members(bad), Err(Invalid), "{bad:?}");
        }
    }

    #[test]
    fn finds_quotes_and_backslashes_at_every_position() {
        for len in 0..100 {
            for at in 0..len {
                for c in [b'"', b'\\'] {
                    let mut b = vec![b'a'; len];
                    b[at] = c;
                    if at + 1 < len {
                        b[at + 1] = b'"';
                    }
                    for from in 0..=at {
                        assert_eq!(
                            find_quote_or_backslash(&b, from),
                            Some(at),
                            "{len} {at} {from}"
                        );
                    }
                }
            }
            assert_eq!(find_quote_or_backslash(&vec![0xE4; len], 0), None);
        }
        assert_eq!(find_quote_or_backslash(b"ab", 5), None);
    }

    #[test]
    fn strings_borrowed_unless_escaped() {
        let read = |s: &'static str| Cursor::new(s).string();
        assert_eq!(
            read(r#""plain 中文""#).unwrap(),
            Some(Cow::Borrowed("plain 中文"))
        );
        let s = read(r#""a\n\"b\" \u4e2d \ud83c\udf89""#).unwrap().unwrap();
        assert!(matches!(s, Cow::Owned(_)));
        assert_eq!(s, "a\n\"b\" 中 🎉");
        assert_eq!(read("null").unwrap(), None);
        assert_eq!(read("12"), Err(Invalid));
        assert_eq!(read(r#""\x""#), Err(Invalid));
    }
}
