//! Creating an organiser account from the back office, with its audit row.

use crate::db::{DbConnection, admin};
use crate::domain::{EmailAddress, Locale};
use crate::services::accounts::lookup::User;
use crate::services::accounts::organisers::{self, CreateOrganiserError};

/// Creates the account (`organisers::create`) and records who created it.
pub fn create(
    conn: &mut DbConnection,
    actor: i64,
    email: &EmailAddress,
    name: &str,
    password: &str,
    admin_role: bool,
    locale: Locale,
) -> Result<User, CreateOrganiserError> {
    let user = organisers::create(conn, email, name, password, admin_role, locale)?;
    admin::audit(
        conn,
        actor,
        "user.create",
        &format!("user:{}", user.id),
        &user.role,
    )?;
    Ok(user)
}
