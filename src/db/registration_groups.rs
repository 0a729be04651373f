//! Registrations to the whole series: one group per address, one registration per
//! webinar in it (`registration_group_members`).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::domain::Locale;

use super::schema::{registration_group_members as members, registration_groups as groups};
use super::{DbConnection, DbError};

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = groups)]
pub struct RegistrationGroup {
    pub id: i64,
    pub email: String,
    pub locale: Locale,
    pub request_mailed_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    /// What its link tokens derive from ('' for rows older than seeds: the id).
    pub token_seed: String,
}

#[derive(Insertable)]
#[diesel(table_name = groups)]
pub struct NewGroup<'a> {
    pub email: &'a str,
    pub locale: &'a str,
    pub confirm_token_hash: &'a str,
    pub manage_token_hash: &'a str,
    pub token_seed: &'a str,
    pub created_at: NaiveDateTime,
}

pub fn by_email(
    conn: &mut DbConnection,
    email: &str,
) -> Result<Option<RegistrationGroup>, DbError> {
    Ok(groups::table
        .filter(groups::email.eq(email))
        .select(RegistrationGroup::as_select())
        .first(conn)
        .optional()?)
}

pub fn by_id(conn: &mut DbConnection, id: i64) -> Result<RegistrationGroup, DbError> {
    Ok(groups::table
        .find(id)
        .select(RegistrationGroup::as_select())
        .first(conn)?)
}

pub fn by_confirm_hash(
    conn: &mut DbConnection,
    hash: &str,
) -> Result<Option<RegistrationGroup>, DbError> {
    Ok(groups::table
        .filter(groups::confirm_token_hash.eq(hash))
        .select(RegistrationGroup::as_select())
        .first(conn)
        .optional()?)
}

pub fn by_manage_hash(
    conn: &mut DbConnection,
    hash: &str,
) -> Result<Option<RegistrationGroup>, DbError> {
    Ok(groups::table
        .filter(groups::manage_token_hash.eq(hash))
        .select(RegistrationGroup::as_select())
        .first(conn)
        .optional()?)
}

/// Inserts a group (with its final token hashes: they derive from its seed).
pub fn insert(conn: &mut DbConnection, new: &NewGroup) -> Result<RegistrationGroup, DbError> {
    diesel::insert_into(groups::table)
        .values(new)
        .returning(groups::id)
        .get_result(conn)
        .map_err(DbError::from)
        .and_then(|id| by_id(conn, id))
}

pub fn set_locale(conn: &mut DbConnection, id: i64, locale: &str) -> Result<(), DbError> {
    diesel::update(groups::table.find(id))
        .set(groups::locale.eq(locale))
        .execute(conn)?;
    Ok(())
}

pub fn set_request_mailed(
    conn: &mut DbConnection,
    id: i64,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::update(groups::table.find(id))
        .set(groups::request_mailed_at.eq(Some(now)))
        .execute(conn)?;
    Ok(())
}

/// Puts a registration in the group (moving it from another group if need be).
pub fn add_member(
    conn: &mut DbConnection,
    group_id: i64,
    registration_id: i64,
) -> Result<(), DbError> {
    diesel::delete(members::table.find(registration_id)).execute(conn)?;
    diesel::insert_into(members::table)
        .values((
            members::registration_id.eq(registration_id),
            members::group_id.eq(group_id),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn member_ids(conn: &mut DbConnection, group_id: i64) -> Result<Vec<i64>, DbError> {
    Ok(members::table
        .filter(members::group_id.eq(group_id))
        .select(members::registration_id)
        .load(conn)?)
}
