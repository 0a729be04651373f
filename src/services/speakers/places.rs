//! Where a speaker appears, as the back office's speaker page lists it, and the
//! webinars and sessions they can be attached to.

use crate::db::speakers::{self as q, Owner};
use crate::db::{DbConnection, DbError, admin, programme};
use crate::domain::Locale;
use crate::services::content::programme::localise;
use crate::services::sessions::labels;

/// A webinar or a session, named for a select: `webinar:{slug}` or `session:{id}`.
#[derive(Clone, Debug)]
pub struct Place {
    pub value: String,
    pub label: String,
}

/// One appearance of the speaker.
#[derive(Clone, Debug)]
pub struct PlaceRow {
    pub place: Place,
    pub role: String,
    pub position: i32,
}

/// Every webinar and every upcoming session, by name in `locale`.
pub fn all(conn: &mut DbConnection, locale: Locale) -> Result<Vec<Place>, DbError> {
    let webinars = admin::all_webinars(conn)?;
    let ids: Vec<i64> = webinars.iter().map(|w| w.id).collect();
    let texts = programme::webinar_translations(conn, &ids)?;
    let mut places: Vec<Place> = webinars
        .iter()
        .map(|w| Place {
            value: format!("webinar:{}", w.slug),
            label: localise(locale, w.id, &texts).0,
        })
        .collect();
    places.extend(
        labels::all(conn, locale)?
            .into_iter()
            .filter(|l| !l.is_past())
            .map(|l| Place {
                value: format!("session:{}", l.id),
                label: l.text(locale),
            }),
    );
    Ok(places)
}

/// Where the speaker `id` appears, named from `places`.
pub fn of_speaker(
    conn: &mut DbConnection,
    id: i64,
    locale: Locale,
    places: &[Place],
) -> Result<Vec<PlaceRow>, DbError> {
    let mut rows = vec![];
    for (owner, role, position) in q::appearances_of(conn, id)? {
        let value = match owner {
            Owner::Webinar(w) => format!("webinar:{}", programme::webinar_by_id(conn, w)?.slug),
            Owner::Session(s) => format!("session:{s}"),
        };
        let label = match places.iter().find(|p| p.value == value) {
            Some(p) => p.label.clone(),
            None => labels::one(conn, locale, value_id(&value))?
                .map(|l| l.text(locale))
                .unwrap_or_else(|| value.clone()),
        };
        rows.push(PlaceRow {
            place: Place { value, label },
            role,
            position,
        });
    }
    Ok(rows)
}

fn value_id(value: &str) -> i64 {
    value
        .rsplit(':')
        .next()
        .and_then(|v| v.parse().ok())
        .unwrap_or_default()
}
