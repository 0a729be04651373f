//! The one HTML layout of every mail, and the matching plain text. Built from pieces so
//! every kind of mail looks alike in both forms.

use crate::domain::Locale;

/// A mail ready to be turned into a MIME message.
#[derive(Clone, Debug, Default)]
pub struct Composed {
    pub subject: String,
    pub text: String,
    pub html: String,
    pub attachments: Vec<Attachment>,
    /// `List-Unsubscribe` target (campaign and announcement mail).
    pub unsubscribe_url: Option<String>,
    /// Transactional mail carries `Auto-Submitted: auto-generated`.
    pub auto_submitted: bool,
}

#[derive(Clone, Debug)]
pub struct Attachment {
    pub filename: String,
    pub content_type: String,
    pub body: Vec<u8>,
}

/// One block of a mail body.
pub enum Block {
    Paragraph(String),
    /// A call to action: (label, url).
    Button(String, String),
    /// A small print line.
    Note(String),
    /// Label / value pairs (date, time, zone…).
    Facts(Vec<(String, String)>),
    /// Plain links: (label, url).
    Links(Vec<(String, String)>),
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// Renders the subject, greeting and blocks into a `Composed` mail.
pub fn compose(locale: Locale, subject: String, blocks: &[Block], footer: &str) -> Composed {
    let mut text = String::new();
    let mut html = String::new();
    for block in blocks {
        match block {
            Block::Paragraph(p) => {
                text.push_str(p);
                text.push_str("\n\n");
                html.push_str(&format!("<p>{}</p>\n", escape(p)));
            }
            Block::Button(label, url) => {
                text.push_str(&format!("{label}:\n{url}\n\n"));
                html.push_str(&format!(
                    "<p><a href=\"{}\" style=\"display:inline-block;background:#1f6b4f;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none;font-weight:bold\">{}</a></p>\n",
                    escape(url),
                    escape(label)
                ));
            }
            Block::Note(n) => {
                text.push_str(n);
                text.push_str("\n\n");
                html.push_str(&format!(
                    "<p style=\"color:#4a5a52;font-size:13px\">{}</p>\n",
                    escape(n)
                ));
            }
            Block::Facts(facts) => {
                html.push_str("<table role=\"presentation\" style=\"border-collapse:collapse\">\n");
                for (k, v) in facts {
                    text.push_str(&format!("{k}: {v}\n"));
                    html.push_str(&format!(
                        "<tr><th scope=\"row\" style=\"text-align:start;padding:2px 12px 2px 0;color:#4a5a52\">{}</th><td><bdi>{}</bdi></td></tr>\n",
                        escape(k),
                        escape(v)
                    ));
                }
                text.push('\n');
                html.push_str("</table>\n");
            }
            Block::Links(links) => {
                html.push_str("<p>");
                for (i, (label, url)) in links.iter().enumerate() {
                    text.push_str(&format!("{label}: {url}\n"));
                    if i > 0 {
                        html.push_str(" · ");
                    }
                    html.push_str(&format!(
                        "<a href=\"{}\">{}</a>",
                        escape(url),
                        escape(label)
                    ));
                }
                text.push('\n');
                html.push_str("</p>\n");
            }
        }
    }
    text.push_str("-- \n");
    text.push_str(footer);
    text.push('\n');
    let html = format!(
        "<!doctype html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n<head><meta charset=\"utf-8\"><title>{title}</title></head>\n<body style=\"margin:0;padding:24px;background:#fbfaf6;font-family:Arial,'Noto Sans Arabic',sans-serif;color:#1d2b24;line-height:1.5\">\n<div dir=\"{dir}\" style=\"max-width:600px;margin:0 auto;background:#ffffff;padding:24px;border-radius:8px;text-align:start\">\n<p style=\"font-weight:bold;font-size:18px;margin-top:0\">Convive</p>\n{html}<hr style=\"border:none;border-top:1px solid #d9d5c7\">\n<p style=\"color:#4a5a52;font-size:12px\">{footer}</p>\n</div>\n</body>\n</html>\n",
        lang = locale.code(),
        dir = locale.dir(),
        title = escape(&subject),
        footer = escape(footer),
    );
    Composed {
        subject,
        text,
        html,
        auto_submitted: true,
        ..Composed::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_mail_is_right_to_left_and_escaped() {
        let c = compose(
            Locale::Ar,
            "مرحبا".into(),
            &[Block::Paragraph("<script>x</script> Amina".into())],
            "Convive",
        );
        assert!(c.html.contains("<html lang=\"ar\" dir=\"rtl\">"));
        assert!(c.html.contains("&lt;script&gt;"));
        assert!(
            c.text.contains("<script>x</script> Amina"),
            "text stays as written"
        );
    }
}
