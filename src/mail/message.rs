//! Turns a composed mail into a MIME message: multipart/alternative text + HTML, a stable
//! Message-ID from the outbox row, Date, Auto-Submitted, List-Unsubscribe (RFC 8058),
//! attachments, and an optional DKIM signature that covers the unsubscribe headers.

use lettre::Message;
use lettre::message::dkim::{
    DkimCanonicalization, DkimCanonicalizationType, DkimConfig, DkimSigningAlgorithm,
    DkimSigningKey,
};
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Attachment as MimeAttachment, Mailbox, MultiPart, SinglePart};

use super::layout::Composed;

/// Sender identity and signing, fixed at start-up.
pub struct Envelope {
    pub from: Mailbox,
    /// Domain of the sender, used in Message-IDs.
    pub domain: String,
    pub dkim: Option<DkimConfig>,
}

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("invalid recipient address")]
    Recipient,
    #[error("cannot build message: {0}")]
    Mime(String),
}

/// No CR, LF or other control character ever reaches a header.
pub fn header_safe(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_owned()
}

fn raw_header(name: &'static str, value: String) -> HeaderValue {
    HeaderValue::new(HeaderName::new_from_ascii_str(name), header_safe(&value))
}

pub fn build(
    envelope: &Envelope,
    outbox_id: i64,
    to: &str,
    composed: &Composed,
) -> Result<Message, BuildError> {
    let to: Mailbox = Mailbox::new(None, to.parse().map_err(|_| BuildError::Recipient)?);
    let mut builder = Message::builder()
        .from(envelope.from.clone())
        .to(to)
        .subject(header_safe(&composed.subject))
        .date_now()
        .message_id(Some(format!(
            "<convive.outbox.{outbox_id}@{}>",
            envelope.domain
        )));
    if composed.auto_submitted {
        builder = builder.raw_header(raw_header("Auto-Submitted", "auto-generated".into()));
    }
    if let Some(url) = &composed.unsubscribe_url {
        builder = builder
            .raw_header(raw_header("List-Unsubscribe", format!("<{url}>")))
            .raw_header(raw_header(
                "List-Unsubscribe-Post",
                "List-Unsubscribe=One-Click".into(),
            ));
    }
    let alternative = MultiPart::alternative()
        .singlepart(SinglePart::plain(composed.text.clone()))
        .singlepart(SinglePart::html(composed.html.clone()));
    let body = if composed.attachments.is_empty() {
        alternative
    } else {
        let mut mixed = MultiPart::mixed().multipart(alternative);
        for a in &composed.attachments {
            let content_type =
                ContentType::parse(&a.content_type).map_err(|e| BuildError::Mime(e.to_string()))?;
            mixed = mixed.singlepart(
                MimeAttachment::new(header_safe(&a.filename)).body(a.body.clone(), content_type),
            );
        }
        mixed
    };
    let mut message = builder
        .multipart(body)
        .map_err(|e| BuildError::Mime(e.to_string()))?;
    if let Some(dkim) = &envelope.dkim {
        message.sign(dkim);
    }
    Ok(message)
}

/// DKIM from a PEM (RSA, PKCS#1) key file; signs the headers that matter, including
/// the RFC 8058 unsubscribe pair.
pub fn dkim_config(selector: &str, domain: &str, pem: &str) -> anyhow::Result<DkimConfig> {
    let key = DkimSigningKey::new(pem, DkimSigningAlgorithm::Rsa)
        .map_err(|e| anyhow::anyhow!("CONVIVE_DKIM_KEY: {e:?}"))?;
    let headers = [
        "From",
        "To",
        "Subject",
        "Date",
        "Message-ID",
        "List-Unsubscribe",
        "List-Unsubscribe-Post",
    ]
    .into_iter()
    .map(HeaderName::new_from_ascii_str)
    .collect();
    Ok(DkimConfig::new(
        selector.to_owned(),
        domain.to_owned(),
        key,
        headers,
        DkimCanonicalization {
            header: DkimCanonicalizationType::Relaxed,
            body: DkimCanonicalizationType::Relaxed,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Locale;
    use crate::mail::layout::{Block, compose};

    fn envelope() -> Envelope {
        Envelope {
            from: "Convive <no-reply@convive.example>".parse().unwrap(),
            domain: "convive.example".into(),
            dkim: None,
        }
    }

    #[test]
    fn subject_with_crlf_never_becomes_a_header() {
        let mut c = compose(
            Locale::En,
            "Hello\r\nBcc: victim@example.org".into(),
            &[Block::Paragraph("x".into())],
            "f",
        );
        c.unsubscribe_url = Some("https://convive.example/unsubscribe/abc\r\nX-Evil: 1".into());
        let m = build(&envelope(), 42, "amina@example.org", &c).unwrap();
        let raw = String::from_utf8(m.formatted()).unwrap();
        let headers = raw.split("\r\n\r\n").next().unwrap();
        assert!(!headers.contains("\r\nBcc:"), "{headers}");
        assert!(!headers.contains("\r\nX-Evil:"), "{headers}");
        assert!(raw.contains("Message-ID: <convive.outbox.42@convive.example>"));
        assert!(raw.contains("Auto-Submitted: auto-generated"));
        assert!(raw.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
        assert!(raw.contains("multipart/alternative"));
    }

    #[test]
    fn bad_recipient_is_refused() {
        let c = compose(Locale::En, "s".into(), &[], "f");
        assert!(build(&envelope(), 1, "not an address", &c).is_err());
    }
}

#[cfg(test)]
mod dkim_tests {
    use super::*;
    use crate::domain::Locale;
    use crate::mail::layout::{Block, compose};

    #[test]
    fn dkim_signature_covers_the_unsubscribe_headers() {
        let pem = include_str!("../../tests/fixtures/dkim-test-only.pem");
        let envelope = Envelope {
            from: "Convive <no-reply@convive.example>".parse().unwrap(),
            domain: "convive.example".into(),
            dkim: Some(dkim_config("convive2026", "convive.example", pem).unwrap()),
        };
        let mut c = compose(
            Locale::Fr,
            "Invitation".into(),
            &[Block::Paragraph("x".into())],
            "f",
        );
        c.unsubscribe_url = Some("https://convive.example/unsubscribe/abc".into());
        let raw = String::from_utf8(
            build(&envelope, 7, "elu@example.org", &c)
                .unwrap()
                .formatted(),
        )
        .unwrap();
        let signature: String = raw
            .split("DKIM-Signature:")
            .nth(1)
            .expect("signed")
            .lines()
            .take_while(|l| {
                !l.contains(':') || l.starts_with(' ') || l.starts_with('\t') || l.contains("d=")
            })
            .collect();
        assert!(
            signature.contains("d=convive.example") && signature.contains("s=convive2026"),
            "{signature}"
        );
        let lower = raw.to_lowercase();
        assert!(
            lower.contains("list-unsubscribe:list-unsubscribe-post")
                || lower.contains("list-unsubscribe-post"),
            "{raw}"
        );
    }
}
