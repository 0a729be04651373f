//! Replays: which version a viewer gets, and the "replay available" mail.

use std::collections::HashSet;

use crate::db::{DbConnection, DbError, learning};
use crate::domain::{EmailAddress, Locale, VideoSource};
use crate::mail::{MailKind, kinds};

use crate::services::content::programme::{CaptionView, ReplayView};

/// The replay shown on a webinar page, and the other versions to switch to.
pub struct ReplayPlayer {
    pub locale: Locale,
    /// Set when the viewer's language has no replay and another one is shown.
    pub fallback: bool,
    pub video: Option<VideoSource>,
    pub captions: Vec<CaptionView>,
    pub versions: Vec<Locale>,
}

/// Picks the version to play: `asked` when it exists (a version the viewer chose),
/// else the viewer's language, else the first in fallback order. `replays` come in
/// fallback order for `viewer` (see `programme::replays`).
pub fn player(
    replays: &[ReplayView],
    viewer: Locale,
    asked: Option<Locale>,
) -> Option<ReplayPlayer> {
    let chosen = asked
        .and_then(|a| replays.iter().find(|r| r.locale == a))
        .or_else(|| replays.first())?;
    let mut captions = chosen.captions.clone();
    // The viewer's language first, so it is the default track.
    captions.sort_by_key(|c| c.locale != viewer);
    Some(ReplayPlayer {
        locale: chosen.locale,
        fallback: chosen.locale != viewer && !replays.iter().any(|r| r.locale == viewer),
        video: VideoSource::classify(&chosen.url),
        captions,
        versions: replays.iter().map(|r| r.locale).collect(),
    })
}

/// Queues one "replay available" mail per person registered (confirmed or
/// waitlisted) to a session of the webinar, in their language, saying whether they
/// attended. Someone registered to several sessions gets one mail (an attended
/// registration wins). Returns the number of mails queued.
pub fn notify_replay_published(conn: &mut DbConnection, webinar_id: i64) -> Result<usize, DbError> {
    // Read then write: SQLite's write lock is taken first.
    crate::db::write_transaction(conn, |conn| {
        let mut registrants = learning::webinar_registrants(conn, webinar_id)?;
        // Attended registrations first, so they win the de-duplication by address.
        registrants.sort_by_key(|(id, _, _, attended)| (!attended, *id));
        let mut seen = HashSet::new();
        let mut queued = 0;
        for (registration_id, email, locale, attended) in registrants {
            let Ok(to) = EmailAddress::parse(&email) else {
                continue;
            };
            if !seen.insert(to.as_str().to_lowercase()) {
                continue;
            }
            kinds::enqueue(
                conn,
                &to,
                locale,
                &MailKind::ReplayAvailable {
                    registration_id,
                    attended,
                },
            )?;
            queued += 1;
        }
        Ok(queued)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn replay(locale: Locale) -> ReplayView {
        ReplayView {
            locale,
            url: "/assets/video/sample.webm".into(),
            captions: Locale::ALL
                .iter()
                .map(|l| CaptionView {
                    locale: *l,
                    url: format!("/assets/video/sample.{l}.vtt"),
                })
                .collect(),
        }
    }

    #[test]
    fn the_viewers_language_comes_first_with_a_fallback_notice_otherwise() {
        let all = [replay(Locale::Ar), replay(Locale::Fr), replay(Locale::En)];
        let p = player(&all, Locale::Ar, None).unwrap();
        assert_eq!((p.locale, p.fallback), (Locale::Ar, false));
        assert_eq!(p.captions[0].locale, Locale::Ar, "default track");

        let only_en = [replay(Locale::En)];
        let p = player(&only_en, Locale::Ar, None).unwrap();
        assert_eq!((p.locale, p.fallback), (Locale::En, true));
        assert_eq!(p.captions[0].locale, Locale::Ar, "captions still in Arabic");

        let p = player(&all, Locale::Ar, Some(Locale::En)).unwrap();
        assert_eq!(
            (p.locale, p.fallback),
            (Locale::En, false),
            "a chosen version"
        );
        assert!(player(&[], Locale::Fr, None).is_none());
    }
}
