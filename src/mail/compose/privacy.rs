//! The mail with the link to one's data (export, erasure).

use super::{MailContext, Texts};
use crate::mail::layout::{self, Block, Composed};

pub fn link(t: &Texts, ctx: &MailContext, token: &str) -> Composed {
    layout::compose(
        t.locale,
        t.get("mail-privacy-subject"),
        &[
            Block::Paragraph(t.get("mail-privacy-body")),
            Block::Button(
                t.get("mail-privacy-button"),
                format!("{}/{}/privacy/manage/{token}", ctx.public_url, t.locale),
            ),
            Block::Note(t.get("mail-privacy-expires")),
            Block::Note(t.get("mail-ignore-if-not-you")),
        ],
        &t.footer(),
    )
}
