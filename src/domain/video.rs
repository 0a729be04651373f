//! Where a video plays: embedded from a video host (YouTube in privacy-enhanced mode,
//! Vimeo, PeerTube) or as a file served by Convive (or any HTTPS file URL).

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VideoSource {
    /// An iframe player; `src` is the host's embed URL.
    Embed { src: String },
    /// An HTML5 `<video>` file.
    File { url: String },
}

const FILE_EXTENSIONS: [&str; 5] = [".webm", ".mp4", ".m4v", ".ogv", ".ogg"];

impl VideoSource {
    /// Classifies a stored video URL; `None` for anything that is neither a known
    /// host nor a video file (it is then not played).
    pub fn classify(raw: &str) -> Option<VideoSource> {
        let url = raw.trim();
        if url.starts_with('/') && !url.starts_with("//") {
            return is_file(url).then(|| VideoSource::File {
                url: url.to_owned(),
            });
        }
        let rest = url.strip_prefix("https://")?;
        let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
        let host = host.to_ascii_lowercase();
        if host.is_empty()
            || !host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == ':')
        {
            return None;
        }
        let (path, query) = path.split_once('?').unwrap_or((path, ""));
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        let bare = host.strip_prefix("www.").unwrap_or(&host);
        let id = match (bare, segments.as_slice()) {
            ("youtube.com" | "m.youtube.com", ["watch"]) => query_param(query, "v"),
            ("youtube.com" | "youtube-nocookie.com", ["embed" | "shorts" | "live", id]) => {
                Some(*id)
            }
            ("youtu.be", [id]) => Some(*id),
            _ => None,
        };
        if let Some(id) = id {
            return valid_id(id).then(|| VideoSource::Embed {
                src: format!("https://www.youtube-nocookie.com/embed/{id}"),
            });
        }
        match (bare, segments.as_slice()) {
            ("vimeo.com", [id]) | ("player.vimeo.com", ["video", id]) => {
                return (id.bytes().all(|b| b.is_ascii_digit()) && !id.is_empty()).then(|| {
                    VideoSource::Embed {
                        src: format!("https://player.vimeo.com/video/{id}"),
                    }
                });
            }
            (_, ["w", id]) | (_, ["videos", "watch" | "embed", id]) if valid_id(id) => {
                // PeerTube: any instance, recognised by its URL shapes.
                return Some(VideoSource::Embed {
                    src: format!("https://{host}/videos/embed/{id}"),
                });
            }
            _ => {}
        }
        is_file(path).then(|| VideoSource::File {
            url: url.to_owned(),
        })
    }

    pub fn is_file(&self) -> bool {
        matches!(self, VideoSource::File { .. })
    }
}

fn is_file(path: &str) -> bool {
    let path = path
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    FILE_EXTENSIONS.iter().any(|ext| path.ends_with(ext))
        && !path.contains("..")
        && !path.contains(['"', '<', '>', ' '])
}

fn query_param<'a>(query: &'a str, name: &str) -> Option<&'a str> {
    query
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn embed(src: &str) -> Option<VideoSource> {
        Some(VideoSource::Embed { src: src.into() })
    }

    #[test]
    fn youtube_is_embedded_in_privacy_enhanced_mode() {
        let want = embed("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
        for url in [
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://youtube.com/watch?feature=share&v=dQw4w9WgXcQ",
            "https://youtu.be/dQw4w9WgXcQ",
            "https://www.youtube.com/embed/dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ] {
            assert_eq!(VideoSource::classify(url), want, "{url}");
        }
        assert_eq!(
            VideoSource::classify("https://www.youtube.com/watch?v=bad\"id"),
            None
        );
    }

    #[test]
    fn vimeo_and_peertube_are_embedded() {
        assert_eq!(
            VideoSource::classify("https://vimeo.com/76979871"),
            embed("https://player.vimeo.com/video/76979871")
        );
        assert_eq!(
            VideoSource::classify("https://player.vimeo.com/video/76979871"),
            embed("https://player.vimeo.com/video/76979871")
        );
        let peertube = embed("https://videos.example.org/videos/embed/9c9de5e8-0a1e-484a-b099");
        for url in [
            "https://videos.example.org/w/9c9de5e8-0a1e-484a-b099",
            "https://videos.example.org/videos/watch/9c9de5e8-0a1e-484a-b099",
            "https://videos.example.org/videos/embed/9c9de5e8-0a1e-484a-b099",
        ] {
            assert_eq!(VideoSource::classify(url), peertube, "{url}");
        }
    }

    #[test]
    fn files_play_in_a_video_element() {
        assert_eq!(
            VideoSource::classify("/assets/video/sample.webm"),
            Some(VideoSource::File {
                url: "/assets/video/sample.webm".into()
            })
        );
        assert!(
            VideoSource::classify("https://cdn.example.org/replays/w1-fr.mp4")
                .unwrap()
                .is_file()
        );
    }

    #[test]
    fn anything_else_is_refused() {
        for url in [
            "",
            "javascript:alert(1)",
            "http://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "//evil.example/x.webm",
            "https://example.org/page.html",
            "https://vimeo.com/not-a-number",
            "/assets/../secret.webm",
            "data:video/webm;base64,AAAA",
        ] {
            assert_eq!(VideoSource::classify(url), None, "{url}");
        }
    }
}
