//! The models list in every shape gateways answer with (PROTOCOLS 1.5): OpenAI `{data:[{id}]}`,
//! Anthropic (the same `data`, with `display_name`), Gemini `{models:[{name:"models/x"}]}`, and
//! a bare array. Unknown fields are ignored; the result is sorted by id without duplicates.
//! Each model's kind comes from its metadata and id ([`crate::model_kind`]).

use portico_types::{ErrorReason, ModelInfo};
use serde_json::Value;

use crate::error::GatewayError;
use crate::error_map;
use crate::model_kind::kind_of;

pub fn parse_models(body: &[u8]) -> Result<Vec<ModelInfo>, GatewayError> {
    let text = String::from_utf8_lossy(body);
    let v: Value = match serde_json::from_str(text.trim()) {
        Ok(v) => v,
        // A proxy's error page with status 200.
        Err(_) if error_map::looks_like_html(None, &text) => {
            return Err(error_map::from_http(200, None, None, body))
        }
        Err(_) => {
            return Err(GatewayError::invalid_response(
                ErrorReason::UnreadableReply,
                "The gateway's model list is not valid JSON.",
                &text,
            ))
        }
    };
    if error_map::is_error_body(&v) {
        return Err(error_map::from_http(
            200,
            Some("application/json"),
            None,
            body,
        ));
    }
    let items = match &v {
        Value::Array(a) => a,
        _ => match v
            .get("data")
            .or_else(|| v.get("models"))
            .and_then(Value::as_array)
        {
            Some(a) => a,
            None => {
                return Err(GatewayError::invalid_response(
ErrorReason::UnknownModelList,
                    "The gateway's model list is not in a shape Portico knows (OpenAI, Anthropic or Gemini).",
                    &text,
                ))
            }
        },
    };
    let mut models: Vec<ModelInfo> = items.iter().filter_map(model_of).collect();
    // Stable sort, then keep the first of each id (it may carry `owned_by`).
    models.sort_by(|a, b| a.id.cmp(&b.id));
    models.dedup_by(|later, first| {
        if later.id == first.id {
            if first.owned_by.is_none() {
                first.owned_by = later.owned_by.take();
            }
            true
        } else {
            false
        }
    });
    Ok(models)
}

fn model_of(item: &Value) -> Option<ModelInfo> {
    let non_empty = |v: Option<&Value>| {
        v.and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    let id = match item {
        Value::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
        _ => non_empty(item.get("id")).or_else(|| {
            // Gemini: `models/gemini-2.5-pro`; the prefix is for URLs, not for people.
            non_empty(item.get("name"))
                .map(|n| n.strip_prefix("models/").map(str::to_owned).unwrap_or(n))
        }),
    }?;
    Some(ModelInfo {
        kind: kind_of(item, &id),
        owned_by: non_empty(item.get("owned_by")),
        id,
    })
}

#[cfg(test)]
mod tests {
    use portico_types::{ErrorKind, ModelKind};

    use super::*;

    fn ids(body: &str) -> Vec<String> {
        parse_models(body.as_bytes())
            .unwrap()
            .into_iter()
            .map(|m| m.id)
            .collect()
    }

    #[test]
    fn openai_shape_with_quirks() {
        let body = r#"{"object":"list","data":[
            {"id":"gpt-5","object":"model","created":1749600000,"owned_by":"openai","supported_endpoint_types":["openai"]},
            {"id":"deepseek/deepseek-r1","object":"model","created":0},
            {"id":"gpt-5","object":"model","created":1}
        ]}"#;
        let models = parse_models(body.as_bytes()).unwrap();
        assert_eq!(
            models,
            vec![
                ModelInfo {
                    id: "deepseek/deepseek-r1".into(),
                    owned_by: None,
                    kind: ModelKind::Chat,
                },
                ModelInfo {
                    id: "gpt-5".into(),
                    owned_by: Some("openai".into()),
                    kind: ModelKind::Chat,
                },
            ]
        );
    }

    #[test]
    fn anthropic_gemini_and_bare_array() {
        assert_eq!(
            ids(
                r#"{"data":[{"id":"claude-4.5-sonnet","type":"model","display_name":"Claude","created_at":"2025-01-01T00:00:00Z"}],"has_more":false}"#
            ),
            ["claude-4.5-sonnet"]
        );
        assert_eq!(
            ids(
                r#"{"models":[{"name":"models/gemini-2.5-pro","displayName":"Gemini"},{"name":"models/gemini-2.5-flash"}],"nextPageToken":"x"}"#
            ),
            ["gemini-2.5-flash", "gemini-2.5-pro"]
        );
        assert_eq!(
            ids(r#"["b", {"id":"a"}, "", {"nothing":1}, 3]"#),
            ["a", "b"]
        );
    }

    #[test]
    fn errors_and_unknown_shapes() {
        let e = parse_models(br#"{"error":{"message":"invalid token","type":"new_api_error","code":"invalid_api_key"}}"#).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Auth);
        let e = parse_models(b"<html><title>502 Bad Gateway</title></html>").unwrap_err();
        assert_eq!(e.kind, ErrorKind::GatewayDown);
        assert!(e.message.contains("502 Bad Gateway"));
        let e = parse_models(b"models: a, b").unwrap_err();
        assert_eq!(e.kind, ErrorKind::InvalidResponse);
        let e = parse_models(br#"{"object":"list"}"#).unwrap_err();
        assert_eq!(e.kind, ErrorKind::InvalidResponse);
        assert!(parse_models(br#"{"data":[]}"#).unwrap().is_empty());
    }
}
