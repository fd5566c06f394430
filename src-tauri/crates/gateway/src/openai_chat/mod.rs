//! OpenAI Chat Completions: request body, stream chunk mapper, plain response mapper, and the
//! `<think>` tag splitter they share.

mod fast;
mod request;
mod response;
mod scan;
mod stream;
mod think;
mod wire;

pub use request::build_body;
pub use response::map_response;
pub use stream::{ChunkMapper, Flow};
pub use think::ThinkSplitter;
