//! `POST chat/completions`: checks the model, then answers as JSON or as a
//! stream written by a spawned producer task.

use std::sync::Arc;
use std::time::Duration;

use axum::response::{IntoResponse, Response};
use axum::Json;

use crate::body::SseWriter;
use crate::chunks::Meta;
use crate::completion::{ChatRequest, Completion};
use crate::scenario::Plan;
use crate::server::Shared;
use crate::stream::{self, Ctx};
use crate::{errors, hostile, models, tools};

pub async fn handle(shared: Arc<Shared>, plan: Plan, body: &[u8]) -> Response {
    let req = match ChatRequest::parse(body) {
        Ok(req) => req,
        Err(bad) => return bad.into_response(),
    };
    let Some(model) = models::find(&req.model) else {
        return errors::model_not_found(&req.model);
    };
    let hostile = match req.prompt.directives.hostile.clone().transpose() {
        Ok(kind) => kind,
        Err(name) => return hostile::unknown(&name),
    };
    let seq = shared.next_seq();
    let meta = Meta::new(seq, req.prompt.hash, &req.model);
    // After a tool result the turn ends in text, so a tool loop terminates.
    let tool_mode = plan
        .tools
        .filter(|_| !req.answering_tool && hostile.is_none());
    let as_json = !req.stream || plan.json_when_stream;
    let completion = Completion::build(&req, model.style, &plan);
    let calls = tool_mode.map(|mode| tools::calls(mode, &req.tool_names, seq));
    if let (true, Some(kind)) = (as_json, hostile) {
        return hostile::to_json(kind, &meta, req.prompt_tokens);
    }
    if as_json {
        let body = match &calls {
            Some(calls) => tools::to_json(&meta, calls, req.prompt_tokens),
            None => completion.to_json(&meta),
        };
        return Json(body).into_response();
    }

    let delay = req
        .prompt
        .directives
        .delay_ms
        .map_or(shared.config.chunk_delay, Duration::from_millis);
    let words_per_chunk = shared.config.words_per_chunk;
    let wire = plan.clone();
    SseWriter::respond(shared, &wire, delay, move |mut writer| async move {
        let ctx = Ctx {
            meta: &meta,
            plan: &plan,
            include_usage: req.include_usage,
            prompt_tokens: req.prompt_tokens,
            words_per_chunk,
        };
        let outcome = match (hostile, &calls, tool_mode) {
            (Some(kind), _, _) => hostile::stream(&mut writer, &ctx, kind).await,
            (None, Some(calls), Some(mode)) => tools::stream(&mut writer, &ctx, calls, mode).await,
            _ => stream::text(&mut writer, &ctx, &completion).await,
        };
        writer.close(outcome).await;
    })
}
