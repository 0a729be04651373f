//! Accounts as the web layer sees them: the stored user, who counts as staff, the staff
//! list (API tokens are in `api_tokens.rs`).

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
