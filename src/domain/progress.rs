//! Watching progress: the player reports the intervals it actually played; they are
//! merged into whole seconds watched, each second counted once. A seek ahead leaves a
//! gap, so skipped parts never count.

/// A half-open span of whole seconds `[start, end)` of a video.
pub type Span = (u32, u32);

/// Longest video Convive reasons about (24 h); anything beyond is noise.
const MAX_SECONDS: f64 = 86_400.0;

/// Turns one reported `[from, to]` pair (seconds, as the player measured them) into a
/// span of whole seconds within `[0, duration]`. Inverted, non-finite or absurd
/// values give `None`.
pub fn clean(from: f64, to: f64, duration: u32) -> Option<Span> {
    if !from.is_finite() || !to.is_finite() || from > to || to < 0.0 || from > MAX_SECONDS {
        return None;
    }
    let limit = f64::from(duration);
    let start = from.clamp(0.0, limit).round() as u32;
    let end = to.clamp(0.0, limit).round() as u32;
    (end > start).then_some((start, end))
}

/// Merges spans (in any order, overlapping or repeated) into sorted disjoint spans.
pub fn merge(spans: impl IntoIterator<Item = Span>) -> Vec<Span> {
    let mut all: Vec<Span> = spans.into_iter().filter(|(s, e)| e > s).collect();
    all.sort_unstable();
    let mut merged: Vec<Span> = Vec::with_capacity(all.len());
    for (start, end) in all {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

/// Unique seconds covered by disjoint spans.
pub fn seconds(spans: &[Span]) -> u32 {
    spans.iter().map(|(s, e)| e - s).sum()
}

/// The share of a lesson to watch before it counts as complete, in per mille:
/// 700 (70 %) for lessons of one minute or less, rising linearly with the length to
/// 950 (95 %) for lessons of ten minutes or more.
pub fn threshold_per_mille(duration_s: u32) -> u32 {
    const SHORT: u32 = 60;
    const LONG: u32 = 600;
    match duration_s {
        d if d <= SHORT => 700,
        d if d >= LONG => 950,
        d => 700 + 250 * (d - SHORT) / (LONG - SHORT),
    }
}

/// Seconds to watch for a lesson of this length to be complete (rounded up).
pub fn required_seconds(duration_s: u32) -> u32 {
    let needed = u64::from(duration_s) * u64::from(threshold_per_mille(duration_s));
    u32::try_from(needed.div_ceil(1000)).unwrap_or(u32::MAX)
}

pub fn is_complete(watched_s: u32, duration_s: u32) -> bool {
    duration_s > 0 && watched_s >= required_seconds(duration_s)
}

/// Where to resume: the reported position within the video, or `None` when absurd.
pub fn clean_position(position: f64, duration: u32) -> Option<u32> {
    (0.0..=MAX_SECONDS)
        .contains(&position)
        .then(|| position.min(f64::from(duration)).floor() as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::RngExt;

    /// The obvious model: one flag per second.
    fn model(spans: &[Span], duration: u32) -> u32 {
        let mut seen = vec![false; duration as usize];
        for (s, e) in spans {
            for sec in *s..*e {
                seen[sec as usize] = true;
            }
        }
        seen.iter().filter(|s| **s).count() as u32
    }

    #[test]
    fn overlaps_repeats_and_disorder_count_once() {
        let spans = [(10, 20), (0, 5), (15, 30), (0, 5), (4, 6), (30, 31)];
        assert_eq!(merge(spans), vec![(0, 6), (10, 31)]);
        assert_eq!(seconds(&merge(spans)), 27);
    }

    #[test]
    fn a_seek_ahead_leaves_a_gap() {
        // Watched 0–10, jumped to 50, watched to 60.
        let watched = merge([
            clean(0.0, 10.2, 60).unwrap(),
            clean(50.0, 60.0, 60).unwrap(),
        ]);
        assert_eq!(seconds(&watched), 20);
        assert!(!is_complete(seconds(&watched), 60));
    }

    #[test]
    fn junk_is_ignored_and_values_are_clamped() {
        assert_eq!(clean(20.0, 10.0, 60), None, "inverted");
        assert_eq!(clean(f64::NAN, 10.0, 60), None);
        assert_eq!(clean(0.0, f64::INFINITY, 60), None);
        assert_eq!(clean(1e300, 1e301, 60), None);
        assert_eq!(clean(-5.0, -1.0, 60), None);
        assert_eq!(clean(-5.0, 10.0, 60), Some((0, 10)));
        assert_eq!(clean(50.0, 1e9, 60), Some((50, 60)));
        assert_eq!(clean(70.0, 80.0, 60), None, "beyond the end");
        assert_eq!(clean(3.2, 3.4, 60), None, "less than a second");
        assert_eq!(clean_position(f64::NAN, 60), None);
        assert_eq!(clean_position(75.5, 60), Some(60));
        assert_eq!(clean_position(12.9, 60), Some(12));
    }

    #[test]
    fn merging_matches_the_per_second_model_on_random_reports() {
        let mut rng = rand::rng();
        for _ in 0..500 {
            let duration = rng.random_range(1..400u32);
            let reports: Vec<(f64, f64)> = (0..rng.random_range(0..30))
                .map(|_| {
                    let a = rng.random_range(-20.0..f64::from(duration) + 20.0);
                    let b = a + rng.random_range(-5.0..120.0);
                    (a, b)
                })
                .collect();
            let spans: Vec<Span> = reports
                .iter()
                .filter_map(|(a, b)| clean(*a, *b, duration))
                .collect();
            let merged = merge(spans.clone());
            assert_eq!(seconds(&merged), model(&spans, duration));
            assert!(seconds(&merged) <= duration);
            // Disjoint, sorted, non-empty.
            assert!(merged.windows(2).all(|w| w[0].1 < w[1].0));
            assert!(merged.iter().all(|(s, e)| s < e));
            // Order of reports and repeats do not matter; merging is idempotent.
            let mut shuffled = spans.clone();
            shuffled.reverse();
            shuffled.extend(spans.iter().take(3));
            assert_eq!(merge(shuffled), merged);
            assert_eq!(merge(merged.clone()), merged);
            // Adding reports never lowers the count.
            let (first, rest) = spans.split_at(spans.len() / 2);
            assert!(seconds(&merge(first.to_vec())) <= seconds(&merged));
            assert!(seconds(&merge(rest.to_vec())) <= seconds(&merged));
        }
    }

    #[test]
    fn thresholds_rise_from_70_to_95_percent() {
        assert_eq!(threshold_per_mille(1), 700);
        assert_eq!(threshold_per_mille(60), 700);
        assert_eq!(threshold_per_mille(330), 825, "half way: 82.5 %");
        assert_eq!(threshold_per_mille(600), 950);
        assert_eq!(threshold_per_mille(7200), 950);
        let mut last = 0;
        for d in 1..2000 {
            let t = threshold_per_mille(d);
            assert!((700..=950).contains(&t) && t >= last, "{d}");
            last = t;
        }
        assert_eq!(required_seconds(60), 42);
        assert_eq!(required_seconds(600), 570);
        assert_eq!(required_seconds(10), 7);
        assert!(is_complete(42, 60) && !is_complete(41, 60));
        assert!(!is_complete(0, 0), "an empty lesson is never complete");
    }
}
