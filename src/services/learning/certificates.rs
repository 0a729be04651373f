//! Certificates of completion: issued once per learner and module when every lesson
//! of the module is complete, in the learner's language, with a random public code.

use chrono::Utc;
use rand::RngExt;

use crate::db::learning::{self as q, Certificate};
use crate::db::models::{Translation, User};
use crate::db::{DbConnection, DbError, programme};
use crate::domain::{CertificateCode, Locale};
use crate::i18n::{catalog, format_date};

use crate::domain::translation::pick;
use crate::services::learning::certificate_pdf::{self, CertificateText};

/// Issues the module's certificate if the learner completed all its lessons;
/// returns its code (also when it existed already).
pub fn issue_if_complete(
    conn: &mut DbConnection,
    user: &User,
    module_id: i64,
) -> Result<Option<String>, DbError> {
    if let Some(existing) = q::certificate_of(conn, user.id, module_id)? {
        return Ok(Some(existing.code));
    }
    let (done, total) = q::completed_lessons(conn, user.id, module_id)?;
    if total == 0 || done < total {
        return Ok(None);
    }
    let code = new_code();
    q::insert_certificate(
        conn,
        user.id,
        module_id,
        code.as_str(),
        &user.full_name,
        user.locale.code(),
        Utc::now().naive_utc(),
    )?;
    Ok(Some(code.to_string()))
}

fn new_code() -> CertificateCode {
    let mut rng = rand::rng();
    let mut indices = [0u8; 12];
    for i in &mut indices {
        *i = rng.random_range(0..32);
    }
    CertificateCode::from_indices(indices)
}

/// What the public verification page shows: name, module and date only.
pub struct CertificateView {
    pub code: String,
    pub full_name: String,
    pub module_title: String,
    pub issued_on: String,
    pub issued_iso: String,
    /// The learner's language, in which the certificate was issued.
    pub locale: Locale,
}

fn module_title(
    conn: &mut DbConnection,
    module_id: i64,
    locale: Locale,
) -> Result<String, DbError> {
    let all: Vec<Translation> = programme::module_translations(conn, &[module_id])?;
    Ok(
        pick(locale, all.iter().map(|t| (t.locale.as_str(), t)), |t| {
            !t.title.is_empty()
        })
        .map(|(_, t)| t.title.clone())
        .unwrap_or_default(),
    )
}

fn view(
    conn: &mut DbConnection,
    c: &Certificate,
    locale: Locale,
) -> Result<CertificateView, DbError> {
    Ok(CertificateView {
        code: c.code.clone(),
        full_name: c.full_name.clone(),
        module_title: module_title(conn, c.module_id, locale)?,
        issued_on: format_date(&c.issued_at.and_utc(), locale),
        issued_iso: c.issued_at.and_utc().date_naive().to_string(),
        locale: c.locale,
    })
}

/// A certificate by its code, with texts in `locale`; `None` for an unknown code.
pub fn by_code(
    conn: &mut DbConnection,
    code: &CertificateCode,
    locale: Locale,
) -> Result<Option<CertificateView>, DbError> {
    match q::certificate_by_code(conn, code.as_str())? {
        Some(c) => Ok(Some(view(conn, &c, locale)?)),
        None => Ok(None),
    }
}

/// The certificate's PDF in the learner's language; `None` for an unknown code.
pub fn pdf(
    conn: &mut DbConnection,
    code: &CertificateCode,
    public_url: &str,
) -> Result<Option<Vec<u8>>, DbError> {
    let Some(c) = q::certificate_by_code(conn, code.as_str())? else {
        return Ok(None);
    };
    let locale: Locale = c.locale;
    let v = view(conn, &c, locale)?;
    let t = |id: &str| catalog().plain(locale, id, &[]);
    let text = CertificateText {
        locale,
        title: t("certificate-title"),
        intro: t("certificate-intro"),
        full_name: v.full_name,
        completed: t("certificate-completed"),
        module_title: v.module_title,
        issued: catalog().plain(
            locale,
            "certificate-issued-on",
            &[("date", v.issued_on.into())],
        ),
        code_label: t("certificate-code"),
        code: v.code.clone(),
        verify_url: format!("{public_url}/{}/certificates/{}", locale.code(), v.code),
        issuer: t("certificate-issuer"),
    };
    Ok(certificate_pdf::render(&text))
}
