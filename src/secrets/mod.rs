//! Secrets: the deployment's key, the link tokens derived from it, and random tokens
//! stored only as hashes. Below services and mail, which both build and check links.

pub mod key;
pub mod link_tokens;
pub mod tokens;
