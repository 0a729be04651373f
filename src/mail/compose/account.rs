//! Learner account mails: verify the address, reset the password.

use super::{MailContext, Texts};
use crate::mail::layout::{self, Block, Composed};

pub fn verify(t: &Texts, ctx: &MailContext, token: &str) -> Composed {
    layout::compose(
        t.locale,
        t.get("mail-verify-subject"),
        &[
            Block::Paragraph(t.get("mail-verify-body")),
            Block::Button(
                t.get("mail-verify-button"),
                format!("{}/{}/account/verify/{token}", ctx.public_url, t.locale),
            ),
            Block::Note(t.get("mail-ignore-if-not-you")),
        ],
        &t.footer(),
    )
}

pub fn reset(t: &Texts, ctx: &MailContext, token: &str) -> Composed {
    layout::compose(
        t.locale,
        t.get("mail-reset-subject"),
        &[
            Block::Paragraph(t.get("mail-reset-body")),
            Block::Button(
                t.get("mail-reset-button"),
                format!("{}/{}/account/reset/{token}", ctx.public_url, t.locale),
            ),
            Block::Note(t.get("mail-ignore-if-not-you")),
        ],
        &t.footer(),
    )
}
