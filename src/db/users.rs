//! Accounts of learners and organisers.

use diesel::prelude::*;

use super::models::{NewUser, User};
use super::schema::users;
use super::{DbConnection, DbError};

pub fn insert(conn: &mut DbConnection, user: &NewUser) -> Result<User, DbError> {
    diesel::insert_into(users::table)
        .values(user)
        .execute(conn)?;
    by_email(conn, user.email)?.ok_or(DbError::Query(diesel::result::Error::NotFound))
}

pub fn by_email(conn: &mut DbConnection, email: &str) -> Result<Option<User>, DbError> {
    Ok(users::table
        .filter(users::email.eq(email))
        .select(User::as_select())
        .first(conn)
        .optional()?)
}

pub fn count_with_role(conn: &mut DbConnection, roles: &[&str]) -> Result<i64, DbError> {
    Ok(users::table
        .filter(users::role.eq_any(roles))
        .count()
        .get_result(conn)?)
}
