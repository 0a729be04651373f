//! Structured logs (`CONVIVE_LOG` or `RUST_LOG` sets the filter).

use tracing_subscriber::EnvFilter;

pub fn init() {
    let filter = std::env::var("CONVIVE_LOG")
        .ok()
        .and_then(|f| EnvFilter::try_new(f).ok())
        .or_else(|| EnvFilter::try_from_default_env().ok())
        .unwrap_or_else(|| EnvFilter::new("info,actix_server=warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .try_init();
}
