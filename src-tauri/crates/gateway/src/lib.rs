//! portico-gateway: talks to AI gateways over HTTP.
pub mod sse;
