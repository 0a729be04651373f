//! Delivery: pooled SMTP when `CONVIVE_SMTP_URL` is set, otherwise `.eml` files under
//! `{data_dir}/mail/`. Failures are classified so the worker knows whether to retry.

use std::path::PathBuf;
use std::time::Duration;

use lettre::transport::smtp::PoolConfig;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

pub enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(PathBuf),
}

/// Why a delivery did not happen.
#[derive(Debug)]
pub enum SendError {
    /// 4xx, refused connection, timeout: try again later.
    Temporary(String),
    /// 5xx about the recipient or the message: never retry.
    Permanent(String),
}

/// Concurrent SMTP sessions; one lettre connection manages ~20 mails/s, so the pool is
/// what makes bulk campaigns fast.
pub const SMTP_POOL_SIZE: u32 = 32;

/// Longest wait for one message to be handed over (connect, greeting, envelope, data).
pub const SEND_TIMEOUT: Duration = Duration::from_secs(20);

impl Transport {
    pub fn from_settings(
        smtp_url: Option<&str>,
        data_dir: &std::path::Path,
    ) -> anyhow::Result<Transport> {
        match smtp_url {
            Some(url) => {
                let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| anyhow::anyhow!("CONVIVE_SMTP_URL is invalid: {e}"))?
                    .timeout(Some(Duration::from_secs(15)))
                    .pool_config(
                        PoolConfig::new()
                            .max_size(SMTP_POOL_SIZE)
                            .idle_timeout(Duration::from_secs(30)),
                    )
                    .build();
                Ok(Transport::Smtp(transport))
            }
            None => {
                let dir = data_dir.join("mail");
                std::fs::create_dir_all(&dir)?;
                Ok(Transport::Files(dir))
            }
        }
    }

    pub fn describe(&self) -> String {
        match self {
            Transport::Smtp(_) => "SMTP".to_owned(),
            Transport::Files(dir) => format!(".eml files in {}", dir.display()),
        }
    }

    pub async fn send(
        &self,
        outbox_id: i64,
        kind: &str,
        message: Message,
    ) -> Result<(), SendError> {
        match self {
            // lettre's timeout covers the TCP connect only: a server that accepts and
            // then says nothing would hold the worker for ever without this one.
            Transport::Smtp(smtp) => {
                match tokio::time::timeout(SEND_TIMEOUT, smtp.send(message)).await {
                    Ok(sent) => sent.map(|_| ()).map_err(classify),
                    Err(_) => Err(SendError::Temporary(format!(
                        "no answer from the SMTP server within {} s",
                        SEND_TIMEOUT.as_secs()
                    ))),
                }
            }
            Transport::Files(dir) => {
                let path = dir.join(eml_name(outbox_id, kind));
                tokio::fs::write(&path, message.formatted())
                    .await
                    .map_err(|e| {
                        SendError::Temporary(format!("cannot write {}: {e}", path.display()))
                    })
            }
        }
    }
}

/// The file name of an outbox row's `.eml` file in the mail dir.
pub fn eml_name(outbox_id: i64, kind: &str) -> String {
    format!("{outbox_id:08}-{kind}.eml")
}

/// Where the `.eml` file of an outbox row is when no SMTP server is configured.
pub fn eml_path(data_dir: &std::path::Path, outbox_id: i64, kind: &str) -> PathBuf {
    data_dir.join("mail").join(eml_name(outbox_id, kind))
}

fn classify(e: lettre::transport::smtp::Error) -> SendError {
    let text = e.to_string();
    if e.is_permanent() {
        SendError::Permanent(text)
    } else {
        SendError::Temporary(text)
    }
}
