use super::*;

fn decode_pieces(pieces: &[&[u8]]) -> Vec<SseEvent> {
    let mut d = SseDecoder::new();
    let mut out = Vec::new();
    for p in pieces {
        out.extend(d.feed_owned(p));
    }
    out.extend(d.finish_owned());
    out
}

fn decode(bytes: &[u8]) -> Vec<SseEvent> {
    decode_pieces(&[bytes])
}

fn datas(events: &[SseEvent]) -> Vec<&str> {
    events.iter().map(|e| e.data.as_str()).collect()
}

/// A recorded-style stream with every framing feature: BOM, comments, CRLF, lone CR, CJK and
/// emoji, multi-line data, an `event:` frame, id/retry, and a last event without a blank line.
const RECORDED: &[u8] = "\u{FEFF}: keep-alive\r\n\r\ndata: {\"content\":\"你好\"}\r\n\r\n\
data:{\"content\":\"🎉 ok\"}\r\rdata: line one\ndata:  two spaces\n\n: comment\n\
event: error\nid: 7\nretry: 1500\ndata: {\"error\":\"x\"}\n\ndata: [DONE]"
    .as_bytes();

fn recorded_expected() -> Vec<SseEvent> {
    vec![
        SseEvent {
            data: "{\"content\":\"你好\"}".into(),
            ..Default::default()
        },
        SseEvent {
            data: "{\"content\":\"🎉 ok\"}".into(),
            ..Default::default()
        },
        SseEvent {
            data: "line one\n two spaces".into(),
            ..Default::default()
        },
        SseEvent {
            event: Some("error".into()),
            data: "{\"error\":\"x\"}".into(),
            id: Some("7".into()),
            retry: Some(1500),
        },
        SseEvent {
            data: "[DONE]".into(),
            id: Some("7".into()),
            ..Default::default()
        },
    ]
}

#[test]
fn recorded_stream_whole() {
    assert_eq!(decode(RECORDED), recorded_expected());
}

#[test]
fn recorded_stream_split_at_every_offset() {
    let expected = recorded_expected();
    for cut in 0..=RECORDED.len() {
        let (a, b) = RECORDED.split_at(cut);
        assert_eq!(decode_pieces(&[a, b]), expected, "split at {cut}");
    }
}

#[test]
fn recorded_stream_split_at_every_pair_of_offsets() {
    let expected = recorded_expected();
    let n = RECORDED.len();
    for i in 0..=n {
        for j in i..=n {
            let pieces = [&RECORDED[..i], &RECORDED[i..j], &RECORDED[j..]];
            assert_eq!(decode_pieces(&pieces), expected, "split at {i},{j}");
        }
    }
}

#[test]
fn recorded_stream_one_byte_at_a_time() {
    let pieces: Vec<&[u8]> = RECORDED.chunks(1).collect();
    assert_eq!(decode_pieces(&pieces), recorded_expected());
}

#[test]
fn line_endings_lf_crlf_cr_and_mixed() {
    for stream in [
        &b"data: a\n\ndata: b\n\n"[..],
        b"data: a\r\n\r\ndata: b\r\n\r\n",
        b"data: a\r\rdata: b\r\r",
        b"data: a\r\n\rdata: b\n\r\n",
    ] {
        assert_eq!(datas(&decode(stream)), ["a", "b"], "{stream:?}");
    }
}

#[test]
fn crlf_split_across_reads_is_one_terminator() {
    // If the \n were a second terminator, "a" would be dispatched early as its own event.
    let ev = decode_pieces(&[b"data: a\r", b"\ndata: b\r", b"\n\r", b"\n"]);
    assert_eq!(datas(&ev), ["a\nb"]);
}

#[test]
fn cr_at_end_of_read_then_other_byte() {
    let ev = decode_pieces(&[b"data: a\r", b"\r"]);
    assert_eq!(datas(&ev), ["a"]);
}

#[test]
fn empty_reads_do_not_lose_the_pending_lf_skip() {
    let ev = decode_pieces(&[b"data: a\r", b"", b"\ndata: b\n\n"]);
    assert_eq!(datas(&ev), ["a\nb"]);
}

#[test]
fn multibyte_characters_split_anywhere() {
    let text = "data: 中文字符 and 🎉🚀 emoji\n\n";
    let bytes = text.as_bytes();
    for cut in 0..=bytes.len() {
        let (a, b) = bytes.split_at(cut);
        assert_eq!(
            datas(&decode_pieces(&[a, b])),
            ["中文字符 and 🎉🚀 emoji"],
            "cut {cut}"
        );
    }
}

#[test]
fn invalid_utf8_is_lossy_not_a_panic() {
    let ev = decode(b"data: a\xFF\xFEb\n\n");
    assert_eq!(datas(&ev), ["a\u{FFFD}\u{FFFD}b"]);
}

#[test]
fn invalid_utf8_in_a_block_of_several_events() {
    let bytes = b"data: a\xFF\n\ndata: b\xE4\xB8\ndata: c\n\n";
    for cut in 0..=bytes.len() {
        let (x, y) = bytes.split_at(cut);
        assert_eq!(
            datas(&decode_pieces(&[x, y])),
            ["a\u{FFFD}", "b\u{FFFD}\nc"],
            "cut {cut}"
        );
    }
}

#[test]
fn exactly_one_space_is_stripped() {
    let ev = decode(b"data:nospace\n\ndata: one\n\ndata:  two\n\n");
    assert_eq!(datas(&ev), ["nospace", "one", " two"]);
}

#[test]
fn multi_line_data_joined_with_newline() {
    let ev = decode(b"data: {\"a\":\ndata: 1}\n\n");
    assert_eq!(datas(&ev), ["{\"a\":\n1}"]);
}

#[test]
fn comments_and_unknown_fields_are_ignored() {
    let ev = decode(b": ping\n:\n: OPENROUTER PROCESSING\n\nDATA: x\nfoo: bar\ndata: y\n\n");
    assert_eq!(datas(&ev), ["y"]);
}

#[test]
fn blank_lines_without_fields_dispatch_nothing() {
    assert!(decode(b"\n\n\r\n: c\n\n").is_empty());
}

#[test]
fn line_without_colon_is_field_with_empty_value() {
    let ev = decode(b"data\n\n");
    assert_eq!(datas(&ev), [""]);
}

#[test]
fn bom_stripped_only_at_start_even_when_split() {
    let bom_stream = b"\xEF\xBB\xBFdata: a\n\n";
    for cut in 0..=bom_stream.len() {
        let (a, b) = bom_stream.split_at(cut);
        assert_eq!(datas(&decode_pieces(&[a, b])), ["a"], "cut {cut}");
    }
    // A BOM later in the stream is data, not stripped.
    let ev = decode(b"data: a\n\ndata: \xEF\xBB\xBFb\n\n");
    assert_eq!(datas(&ev), ["a", "\u{FEFF}b"]);
}

#[test]
fn stream_shorter_than_a_bom_is_still_decoded() {
    assert!(decode_pieces(&[b"\xEF", b"\xBB"]).is_empty());
    assert_eq!(datas(&decode_pieces(&[b"d", b"ata"])), [""]);
}

#[test]
fn eof_without_blank_line_flushes() {
    assert_eq!(datas(&decode(b"data: {\"x\":1}")), ["{\"x\":1}"]);
    assert_eq!(datas(&decode(b"data: {\"x\":1}\n")), ["{\"x\":1}"]);
    assert_eq!(datas(&decode(b"data: {\"x\":1}\r")), ["{\"x\":1}"]);
}

#[test]
fn event_id_and_retry_fields() {
    let ev = decode(b"event: ping\nid: 1\nretry: x\ndata: a\n\nid: 2\0\nretry: 30\ndata: b\n\n");
    assert_eq!(ev[0].event.as_deref(), Some("ping"));
    assert_eq!(ev[0].id.as_deref(), Some("1"));
    assert_eq!(ev[0].retry, None);
    // id with NUL is ignored (the old one persists); event type does not persist.
    assert_eq!(ev[1].event, None);
    assert_eq!(ev[1].id.as_deref(), Some("1"));
    assert_eq!(ev[1].retry, Some(30));
}

#[test]
fn multi_megabyte_line_in_many_reads() {
    let payload = "A".repeat(8 << 20);
    let stream = format!("data: {payload}\n\n");
    let pieces: Vec<&[u8]> = stream.as_bytes().chunks(1000).collect();
    let ev = decode_pieces(&pieces);
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].data.len(), payload.len());
}
