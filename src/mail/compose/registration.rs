//! Mails about a registration to a session (composed from the registration row).

use super::{ComposeError, MailContext, Texts};
use crate::db::DbConnection;
use crate::mail::MailKind;
use crate::mail::layout::Composed;

pub fn compose(
    _conn: &mut DbConnection,
    _t: &Texts,
    _ctx: &MailContext,
    kind: &MailKind,
) -> Result<Composed, ComposeError> {
    Err(ComposeError::Invalid(format!(
        "{} is not composable yet",
        kind.name()
    )))
}
