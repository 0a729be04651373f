//! Organisers set a webinar's replays (one per language: a video URL or an uploaded
//! file) with WebVTT captions per language, and publish them. The first replay published
//! for a webinar tells its registrants by mail (`replays::notify_replay_published`).

use crate::db::models::{Replay, ReplayCaption};
use crate::db::{DbConnection, DbError, admin, content_admin as q, write_transaction};
use crate::domain::{Locale, VideoSource};

use crate::services::FieldErrors;

/// A replay as the editor shows it.
#[derive(Clone, Debug, serde::Serialize)]
pub struct ReplayAdmin {
    pub id: i64,
    pub locale: String,
    pub video_url: String,
    pub published: bool,
    pub captions: Vec<(String, String)>,
}

impl ReplayAdmin {
    pub fn caption(&self, locale: &str) -> &str {
        self.captions
            .iter()
            .find(|(l, _)| l == locale)
            .map(|(_, u)| u.as_str())
            .unwrap_or("")
    }
}

pub fn replays(conn: &mut DbConnection, webinar_id: i64) -> Result<Vec<ReplayAdmin>, DbError> {
    let rs: Vec<Replay> = q::replays_of(conn, webinar_id)?;
    let ids: Vec<i64> = rs.iter().map(|r| r.id).collect();
    let caps: Vec<ReplayCaption> = q::captions_of(conn, &ids)?;
    Ok(rs
        .into_iter()
        .map(|r| ReplayAdmin {
            captions: caps
                .iter()
                .filter(|c| c.replay_id == r.id)
                .map(|c| (c.locale.clone(), c.url.clone()))
                .collect(),
            id: r.id,
            locale: r.locale,
            video_url: r.video_url,
            published: r.published,
        })
        .collect())
}

/// A video Convive can play: an embed of a known host, or a video file by URL or path.
pub fn parse_video_url(raw: &str) -> Result<String, &'static str> {
    let u = raw.trim();
    if u.len() <= 2000 && VideoSource::classify(u).is_some() {
        Ok(u.to_owned())
    } else {
        Err("admin-replay-error-url")
    }
}

/// A captions file: a `.vtt` path of this site or an https URL (empty: none).
pub fn parse_captions_url(raw: &str) -> Result<String, &'static str> {
    let u = raw.trim();
    let ok = u.is_empty()
        || (u.len() <= 2000
            && (u.starts_with("https://") || (u.starts_with('/') && !u.starts_with("//")))
            && u.split(['?', '#']).next().unwrap_or("").ends_with(".vtt")
            && !u.contains(['"', '<', '>', ' ', '\\']));
    if ok {
        Ok(u.to_owned())
    } else {
        Err("admin-replay-error-captions")
    }
}

pub fn caption_field(l: Locale) -> &'static str {
    match l {
        Locale::Fr => "captions_fr",
        Locale::En => "captions_en",
        Locale::Ar => "captions_ar",
    }
}

pub struct ReplayInput {
    pub locale: String,
    pub video_url: String,
    pub captions: Vec<(Locale, String)>,
}

pub struct ValidReplay {
    pub locale: Locale,
    pub video_url: String,
    pub captions: Vec<(Locale, String)>,
}

impl ReplayInput {
    pub fn parse(&self) -> Result<ValidReplay, FieldErrors> {
        let mut errors: FieldErrors = vec![];
        let locale = self.locale.parse::<Locale>().ok();
        if locale.is_none() {
            errors.push(("locale", "admin-replay-error-locale"));
        }
        let url = parse_video_url(&self.video_url)
            .map_err(|e| errors.push(("video_url", e)))
            .ok();
        let mut captions = vec![];
        for (l, raw) in &self.captions {
            match parse_captions_url(raw) {
                Ok(u) => captions.push((*l, u)),
                Err(e) => errors.push((caption_field(*l), e)),
            }
        }
        match (locale, url, errors.is_empty()) {
            (Some(locale), Some(video_url), true) => Ok(ValidReplay {
                locale,
                video_url,
                captions,
            }),
            _ => Err(errors),
        }
    }
}

/// Sets the replay of `webinar_id` in one language; returns its id.
pub fn save(
    conn: &mut DbConnection,
    actor: i64,
    webinar_id: i64,
    r: &ValidReplay,
) -> Result<i64, DbError> {
    write_transaction(conn, |conn| {
        let id = q::upsert_replay(conn, webinar_id, r.locale.code(), &r.video_url)?;
        for (l, url) in &r.captions {
            q::set_caption(conn, id, l.code(), url)?;
        }
        admin::audit(
            conn,
            actor,
            "replay.save",
            &format!("replay:{id}"),
            &format!("webinar={webinar_id} locale={}", r.locale),
        )?;
        Ok(id)
    })
}

/// Publishes or withdraws a replay. Returns how many "replay available" mails were
/// queued: only the first replay of a webinar to go online notifies its registrants.
pub fn set_published(
    conn: &mut DbConnection,
    actor: i64,
    replay_id: i64,
    published: bool,
) -> Result<usize, DbError> {
    write_transaction(conn, |conn| {
        let r = q::replay_by_id(conn, replay_id)?;
        let first_online = published
            && !q::replays_of(conn, r.webinar_id)?
                .iter()
                .any(|o| o.published);
        q::set_replay_published(conn, replay_id, published)?;
        let action = if published {
            "replay.publish"
        } else {
            "replay.unpublish"
        };
        admin::audit(
            conn,
            actor,
            action,
            &format!("replay:{replay_id}"),
            &r.locale,
        )?;
        if first_online {
            crate::services::content::replays::notify_replay_published(conn, r.webinar_id)
        } else {
            Ok(0)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replay_urls_must_be_playable_and_captions_vtt() {
        assert!(parse_video_url("https://www.youtube.com/watch?v=abc_DEF-12").is_ok());
        assert!(parse_video_url("/media/abc.webm").is_ok());
        assert!(parse_video_url("javascript:alert(1)").is_err());
        assert!(parse_captions_url("").is_ok());
        assert!(parse_captions_url("/media/x.ar.vtt").is_ok());
        assert!(parse_captions_url("https://example.org/x.srt").is_err());
    }
}
