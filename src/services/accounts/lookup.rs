//! Accounts as the web layer sees them: the stored user, who counts as staff, the staff
//! list and the account behind an API token.

use crate::db::{DbConnection, DbError, admin};

/// A stored account (learner, organiser or admin).
pub use crate::db::models::User;

/// Organisers and admins: who may use the back office.
pub fn is_staff(user: &User) -> bool {
    admin::STAFF_ROLES.contains(&user.role.as_str())
}

/// Every organiser and admin, by address.
pub fn staff(conn: &mut DbConnection) -> Result<Vec<User>, DbError> {
    admin::staff(conn)
}

/// The staff account whose API token hashes to `token_hash`.
pub fn by_api_token(conn: &mut DbConnection, token_hash: &str) -> Result<Option<User>, DbError> {
    admin::user_by_api_token(conn, token_hash)
}
