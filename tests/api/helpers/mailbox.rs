//! Reading mail: the outbox as a user's mailbox (exact at once, no waiting on the worker),
//! and the tokens and paths of links found in it.

use convive::db::schema::outbox;
use diesel::prelude::*;
use serde_json::Value;

use super::TestApp;

/// One queued mail: (kind, recipient, locale, payload).
pub fn outbox_rows(app: &TestApp) -> Vec<(String, String, String, Value)> {
    let mut conn = app.db.conn().unwrap();
    outbox::table
        .order(outbox::id)
        .select((
            outbox::kind,
            outbox::recipient,
            outbox::locale,
            outbox::payload,
        ))
        .load::<(String, String, String, String)>(&mut *conn)
        .unwrap()
        .into_iter()
        .map(|(k, r, l, p)| (k, r, l, serde_json::from_str(&p).unwrap()))
        .collect()
}

/// The token of the last mail of this kind to this address.
pub fn last_token(app: &TestApp, kind: &str, to: &str) -> String {
    outbox_rows(app)
        .into_iter()
        .rev()
        .find(|(k, r, _, _)| k == kind && r == to)
        .unwrap_or_else(|| panic!("no {kind} mail to {to}"))
        .3["token"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// The path (and query) of a link in a mail, without scheme and host.
pub fn path_of(link: &str) -> String {
    let rest = link.split_once("://").map(|(_, r)| r).unwrap_or(link);
    rest[rest.find('/').unwrap()..].to_owned()
}
