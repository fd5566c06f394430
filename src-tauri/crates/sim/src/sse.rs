//! Server-sent event framing, in every spelling real gateways use: line endings,
//! the optional space after the colon, data split over several lines, comments.

/// Line terminator for every line of the stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Eol {
    #[default]
    Lf,
    CrLf,
    Cr,
}

impl Eol {
    pub fn as_bytes(self) -> &'static [u8] {
        match self {
            Eol::Lf => b"\n",
            Eol::CrLf => b"\r\n",
            Eol::Cr => b"\r",
        }
    }
}

/// How the bytes of the stream are cut into separate writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Cut {
    /// One write per event.
    #[default]
    Whole,
    /// One byte per write.
    Drip,
    /// Every multi-byte UTF-8 character split across two writes.
    SplitUtf8,
}

/// Framing options for one stream.
#[derive(Debug, Clone, Copy, Default)]
pub struct Framing {
    pub eol: Eol,
    pub no_space: bool,
    pub multiline: bool,
}

impl Framing {
    /// Appends one event. `blank` false leaves out the blank line that
    /// dispatches it (the `no_trailing_blank` fault).
    pub fn event(&self, out: &mut Vec<u8>, name: Option<&str>, data: &str, blank: bool) {
        if let Some(name) = name {
            self.field(out, "event", name);
        }
        if self.multiline {
            for line in split_json_lines(data) {
                self.field(out, "data", line);
            }
        } else {
            self.field(out, "data", data);
        }
        if blank {
            out.extend_from_slice(self.eol.as_bytes());
        }
    }

    /// Appends a comment line (`text` empty gives a bare `:`) and a blank line.
    pub fn comment(&self, out: &mut Vec<u8>, text: &str) {
        out.push(b':');
        if !text.is_empty() {
            out.push(b' ');
            out.extend_from_slice(text.as_bytes());
        }
        out.extend_from_slice(self.eol.as_bytes());
        out.extend_from_slice(self.eol.as_bytes());
    }

    fn field(&self, out: &mut Vec<u8>, name: &str, value: &str) {
        self.field_name(out, name);
        out.extend_from_slice(value.as_bytes());
        out.extend_from_slice(self.eol.as_bytes());
    }

    /// `name:` or `name: `, for a value the caller writes itself.
    pub fn field_name(&self, out: &mut Vec<u8>, name: &str) {
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(if self.no_space { b":" } else { b": " });
    }

    /// Ends a single-line data event started with `field_name`.
    pub fn end_event(&self, out: &mut Vec<u8>, blank: bool) {
        out.extend_from_slice(self.eol.as_bytes());
        if blank {
            out.extend_from_slice(self.eol.as_bytes());
        }
    }
}

/// Splits JSON text after each structural comma, so the lines joined with `\n`
/// (as an SSE decoder joins them) are the same JSON value.
pub fn split_json_lines(json: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let (mut start, mut in_string, mut escaped) = (0, false, false);
    for (i, b) in json.bytes().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
        } else if b == b'"' {
            in_string = true;
        } else if b == b',' {
            lines.push(&json[start..=i]);
            start = i + 1;
        }
    }
    lines.push(&json[start..]);
    lines
}

/// Cuts `bytes` into the writes `cut` asks for.
pub fn cut_points(bytes: &[u8], cut: Cut) -> Vec<usize> {
    match cut {
        Cut::Whole => vec![],
        Cut::Drip => (1..bytes.len()).collect(),
        // After the lead byte of every multi-byte character.
        Cut::SplitUtf8 => bytes
            .iter()
            .enumerate()
            .filter(|(_, b)| **b >= 0xC0)
            .map(|(i, _)| i + 1)
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multiline_data_rejoins_to_the_same_json() {
        let json = r#"{"a":"x,\"y,","b":[1,2],"c":{"d":null}}"#;
        let lines = split_json_lines(json);
        assert!(lines.len() > 3);
        let joined = lines.join("\n");
        let a: serde_json::Value = serde_json::from_str(json).unwrap();
        let b: serde_json::Value = serde_json::from_str(&joined).unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn framing_variants() {
        let mut out = Vec::new();
        let f = Framing {
            eol: Eol::CrLf,
            no_space: true,
            multiline: false,
        };
        f.event(&mut out, Some("error"), "{}", true);
        f.comment(&mut out, "");
        assert_eq!(out, b"event:error\r\ndata:{}\r\n\r\n:\r\n\r\n");
    }

    #[test]
    fn utf8_cuts_fall_inside_characters() {
        let text = "a你🙂";
        let cuts = cut_points(text.as_bytes(), Cut::SplitUtf8);
        assert_eq!(cuts, vec![2, 5]);
        for c in cuts {
            assert!(!text.is_char_boundary(c));
        }
    }
}
