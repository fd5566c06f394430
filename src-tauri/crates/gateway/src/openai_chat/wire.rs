//! Wire shapes of OpenAI chat chunks and responses, deserialized leniently and cheaply: strings
//! are borrowed from the chunk when they hold no escapes, unknown fields are skipped without
//! building values, and every field may be missing or null (PROTOCOLS 2.3, 2.5, 10.2).

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;

/// One stream chunk or one whole response: the same shape, `delta` vs `message`.
#[derive(Deserialize, Default)]
pub(crate) struct ChunkWire<'a> {
    /// Only the choice with index 0 (or no index) is kept: Portico asks for one choice.
    #[serde(default, borrow)]
    pub choices: Option<FirstChoice<'a>>,
    #[serde(default)]
    pub usage: Option<UsageWire>,
    /// Only inspected when present; `null` reads as `None`.
    #[serde(default)]
    pub error: Option<Value>,
    #[serde(default, rename = "type", borrow)]
    pub kind: Option<Cow<'a, str>>,
    #[serde(default)]
    pub base_resp: Option<BaseResp>,
}

impl ChunkWire<'_> {
    /// `{"error":...}` (truthy), `{"type":"error"}` or MiniMax `base_resp.status_code != 0`.
    pub fn is_error(&self) -> bool {
        let truthy = match &self.error {
            None | Some(Value::Null) | Some(Value::Bool(false)) => false,
            Some(Value::String(s)) => !s.is_empty(),
            Some(Value::Object(o)) => !o.is_empty(),
            Some(_) => true,
        };
        truthy
            || self.kind.as_deref() == Some("error")
            || self.base_resp.as_ref().is_some_and(|b| b.status_code != 0)
    }
}

#[derive(Deserialize, Default)]
pub(crate) struct BaseResp {
    #[serde(default)]
    pub status_code: i64,
}

#[derive(Deserialize, Default)]
pub(crate) struct ChoiceWire<'a> {
    #[serde(default)]
    pub index: Option<u32>,
    /// `delta` in a stream, `message` in a whole response (some gateways mix them up).
    #[serde(default, borrow)]
    pub delta: Option<DeltaWire<'a>>,
    /// Boxed: present once per plain response, and a smaller choice is cheaper to move.
    #[serde(default, borrow)]
    pub message: Option<Box<DeltaWire<'a>>>,
    #[serde(default, borrow)]
    pub finish_reason: Option<Cow<'a, str>>,
}

/// The `choices` array reduced to its index-0 entry, without collecting the others.
#[derive(Default)]
pub(crate) struct FirstChoice<'a>(pub Option<ChoiceWire<'a>>);

impl<'a> ChoiceWire<'a> {
    pub fn delta_or_message(&self) -> Option<&DeltaWire<'a>> {
        self.delta.as_ref().or(self.message.as_deref())
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for FirstChoice<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = FirstChoice<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an array of choices")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<Self::Value, A::Error> {
                let mut first = None;
                while let Some(c) = s.next_element::<ChoiceWire<'de>>()? {
                    if first.is_none() && c.index.unwrap_or(0) == 0 {
                        first = Some(c);
                    }
                }
                Ok(FirstChoice(first))
            }
        }
        d.deserialize_seq(V)
    }
}

#[derive(Deserialize, Default)]
pub(crate) struct DeltaWire<'a> {
    #[serde(default, borrow)]
    pub content: Option<Text<'a>>,
    #[serde(default, borrow)]
    pub reasoning_content: Option<Text<'a>>,
    #[serde(default, borrow)]
    pub reasoning: Option<Text<'a>>,
    /// OpenRouter: `[{"type":"reasoning.text","text":"..."}]`; used only without the others.
    #[serde(default, borrow)]
    pub reasoning_details: Option<Text<'a>>,
    #[serde(default, borrow)]
    pub tool_calls: Option<Vec<ToolCallWire<'a>>>,
    /// Deprecated single call; treated as tool call index 0. Boxed: rare, and it keeps the
    /// struct small, which matters because serde moves it around per chunk.
    #[serde(default, borrow)]
    pub function_call: Option<Box<FunctionWire<'a>>>,
}

#[derive(Deserialize)]
pub(crate) struct ToolCallWire<'a> {
    #[serde(default)]
    pub index: Option<u32>,
    #[serde(default, borrow)]
    pub id: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    pub function: Option<FunctionWire<'a>>,
}

#[derive(Deserialize)]
pub(crate) struct FunctionWire<'a> {
    #[serde(default, borrow)]
    pub name: Option<Cow<'a, str>>,
    /// A JSON string normally; an object on some Gemini/Claude-backed routes.
    #[serde(default)]
    pub arguments: Option<Value>,
}

impl FunctionWire<'_> {
    pub fn arguments_text(&self) -> String {
        match &self.arguments {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(s)) => s.clone(),
            Some(other) => other.to_string(),
        }
    }
}

#[derive(Deserialize, Default)]
pub(crate) struct UsageWire {
    #[serde(default, alias = "input_tokens", deserialize_with = "lenient_u32")]
    pub prompt_tokens: Option<u32>,
    #[serde(default, alias = "output_tokens", deserialize_with = "lenient_u32")]
    pub completion_tokens: Option<u32>,
    #[serde(default, deserialize_with = "lenient_u32")]
    pub total_tokens: Option<u32>,
    #[serde(default)]
    pub prompt_tokens_details: Option<PromptDetails>,
    #[serde(default)]
    pub completion_tokens_details: Option<CompletionDetails>,
}

#[derive(Deserialize, Default)]
pub(crate) struct PromptDetails {
    #[serde(default, deserialize_with = "lenient_u32")]
    pub cached_tokens: Option<u32>,
}

#[derive(Deserialize, Default)]
pub(crate) struct CompletionDetails {
    #[serde(default, deserialize_with = "lenient_u32")]
    pub reasoning_tokens: Option<u32>,
}

impl UsageWire {
    /// `None` when the object carried no counts at all.
    pub fn to_usage(&self) -> Option<portico_types::Usage> {
        let u = portico_types::Usage {
            prompt_tokens: self.prompt_tokens,
            completion_tokens: self.completion_tokens,
            total_tokens: self.total_tokens,
            cached_tokens: self
                .prompt_tokens_details
                .as_ref()
                .and_then(|d| d.cached_tokens),
            reasoning_tokens: self
                .completion_tokens_details
                .as_ref()
                .and_then(|d| d.reasoning_tokens),
        };
        (u != portico_types::Usage::default()).then_some(u)
    }
}

/// Counts as numbers, floats or strings (`"12"`); anything else reads as absent.
fn lenient_u32<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = Option<u32>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a token count")
        }
        fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(v.min(u32::MAX as u64) as u32))
        }
        fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
            Ok((v >= 0).then(|| v.min(u32::MAX as i64) as u32))
        }
        fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
            Ok(count_from_f64(v))
        }
        fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
            Ok(v.trim().parse::<f64>().ok().and_then(count_from_f64))
        }
        fn visit_none<E>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<Self::Value, A::Error> {
            while s.next_element::<IgnoredAny>()?.is_some() {}
            Ok(None)
        }
        fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Self::Value, A::Error> {
            while m.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            Ok(None)
        }
    }
    d.deserialize_any(V)
}

fn count_from_f64(v: f64) -> Option<u32> {
    (v.is_finite() && v >= 0.0).then(|| v.min(u32::MAX as f64) as u32)
}

/// Text that may be a string, an array of parts (`[{"type":"text","text":"…"}]`, the `text` of
/// each part concatenated), or something else (read as absent instead of failing the chunk).
pub(crate) struct Text<'a>(pub Cow<'a, str>);

impl<'a> Text<'a> {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("text or text parts")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Text(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Text(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
                Ok(Text(Cow::Owned(v)))
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(Text(Cow::Borrowed("")))
            }
            fn visit_none<E>(self) -> Result<Self::Value, E> {
                Ok(Text(Cow::Borrowed("")))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
                Ok(Text(Cow::Borrowed("")))
            }
            fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
                Ok(Text(Cow::Borrowed("")))
            }
            fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
                Ok(Text(Cow::Borrowed("")))
            }
            fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
                Ok(Text(Cow::Borrowed("")))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<Self::Value, A::Error> {
                let mut text = String::new();
                while let Some(part) = s.next_element::<Part<'de>>()? {
                    if let Some(t) = part.text {
                        text.push_str(t.as_str());
                    }
                }
                Ok(Text(Cow::Owned(text)))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Self::Value, A::Error> {
                while m.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Text(Cow::Borrowed("")))
            }
        }
        d.deserialize_any(V)
    }
}

/// A content or reasoning part; parts without `text` (images, encrypted reasoning) add nothing.
struct Part<'a> {
    text: Option<Text<'a>>,
}

impl<'de: 'a, 'a> Deserialize<'de> for Part<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Part<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a content part")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Self::Value, A::Error> {
                #[derive(Deserialize)]
                #[serde(field_identifier, rename_all = "lowercase")]
                enum Key {
                    Text,
                    #[serde(other)]
                    Other,
                }
                let mut text = None;
                while let Some(k) = m.next_key::<Key>()? {
                    match k {
                        Key::Text => text = Some(m.next_value::<Text<'de>>()?),
                        Key::Other => {
                            m.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(Part { text })
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Part {
                    text: Some(Text(Cow::Borrowed(v))),
                })
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Part {
                    text: Some(Text(Cow::Owned(v.to_owned()))),
                })
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(Part { text: None })
            }
            fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
                Ok(Part { text: None })
            }
            fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
                Ok(Part { text: None })
            }
            fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
                Ok(Part { text: None })
            }
            fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
                Ok(Part { text: None })
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<Self::Value, A::Error> {
                while s.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Part { text: None })
            }
        }
        d.deserialize_any(V)
    }
}
