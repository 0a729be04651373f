//! Reading back a message written as an `.eml` file (no SMTP configured), for the mail
//! log: its subject, its plain-text part and its raw source. The HTML part is never
//! served as a page: the back office shows text only.

use std::path::Path;

/// What the back office shows of a written message.
#[derive(Clone, Debug)]
pub struct EmlView {
    pub subject: String,
    pub from: String,
    pub to: String,
    pub date: String,
    /// The text/plain part, decoded.
    pub text: String,
    /// The whole file as written (headers and encoded parts).
    pub raw: String,
    /// Names of attached files (e.g. the `.ics` invitation).
    pub attachments: Vec<String>,
}

/// Reads and decodes an `.eml` file; `None` when it does not exist (yet).
pub fn read(path: &Path) -> std::io::Result<Option<EmlView>> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    Ok(Some(parse(&bytes)))
}

pub fn parse(bytes: &[u8]) -> EmlView {
    use mail_parser::{MessageParser, MimeHeaders};
    let raw = String::from_utf8_lossy(bytes).into_owned();
    let Some(message) = MessageParser::default().parse(bytes) else {
        return EmlView {
            subject: String::new(),
            from: String::new(),
            to: String::new(),
            date: String::new(),
            text: String::new(),
            raw,
            attachments: vec![],
        };
    };
    let addresses = |a: Option<&mail_parser::Address>| {
        a.map(|a| {
            a.iter()
                .filter_map(|addr| addr.address())
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default()
    };
    EmlView {
        subject: message.subject().unwrap_or_default().to_owned(),
        from: addresses(message.from()),
        to: addresses(message.to()),
        date: message.date().map(|d| d.to_rfc3339()).unwrap_or_default(),
        text: message
            .body_text(0)
            .map(|t| t.into_owned())
            .unwrap_or_default(),
        attachments: message
            .attachments()
            .map(|a| a.attachment_name().unwrap_or("attachment").to_owned())
            .collect(),
        raw,
    }
}
