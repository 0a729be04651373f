use super::{MailContext, Texts};
use crate::mail::layout::{self, Block, Composed};

/// `convive mail test`: proves the transport works, in the asked language.
pub fn compose(t: &Texts, ctx: &MailContext) -> Composed {
    layout::compose(
        t.locale,
        t.get("mail-test-subject"),
        &[
            Block::Paragraph(t.get("mail-test-body")),
            Block::Button(
                t.get("mail-test-open"),
                format!("{}/{}/", ctx.public_url, t.locale),
            ),
        ],
        &t.footer(),
    )
}
