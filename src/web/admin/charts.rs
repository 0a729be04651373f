//! Bar charts drawn on the server as inline SVG (askama template `admin/_chart.html`):
//! the geometry is computed here, mirrored for right-to-left languages, so in Arabic
//! labels sit on the right, bars grow leftwards and time runs from right to left.

use crate::services::dashboard::Count;

pub struct Mark {
    pub x: i64,
    pub y: i64,
    pub w: i64,
    pub h: i64,
    pub label: String,
    pub value: i64,
    pub label_x: i64,
    pub label_y: i64,
    pub label_anchor: &'static str,
    pub value_x: i64,
    pub value_y: i64,
    pub value_anchor: &'static str,
    /// Whether the label is drawn (time axes label one bar in seven).
    pub show_label: bool,
}

pub struct Chart {
    pub id: &'static str,
    pub title: String,
    pub desc: String,
    pub width: i64,
    pub height: i64,
    pub marks: Vec<Mark>,
    /// Column headers of the data table beside the chart.
    pub label_header: String,
    pub value_header: String,
    pub rows: Vec<Count>,
    /// Time series: values above the columns are left out (the table has them).
    pub columns: bool,
}

const WIDTH: i64 = 640;
const ROW: i64 = 26;
const LABEL: i64 = 230;
const VALUE: i64 = 50;

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}

/// Horizontal bars, one per category, largest first (as given).
pub fn horizontal(
    id: &'static str,
    title: String,
    desc: String,
    headers: (String, String),
    rows: &[Count],
    rtl: bool,
) -> Chart {
    let rows: Vec<Count> = rows.iter().take(12).cloned().collect();
    let max = rows.iter().map(|r| r.value).max().unwrap_or(0).max(1);
    let room = WIDTH - LABEL - VALUE - 10;
    let marks = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let y = 6 + i as i64 * ROW;
            let w = (r.value * room / max).max(if r.value > 0 { 2 } else { 0 });
            let (x, label_x, label_anchor, value_x, value_anchor) = if rtl {
                let start = WIDTH - LABEL;
                (start - w, start + 6, "start", start - w - 6, "end")
            } else {
                (LABEL, LABEL - 6, "end", LABEL + w + 6, "start")
            };
            Mark {
                x,
                y,
                w,
                h: ROW - 8,
                label: shorten(&r.label, 32),
                value: r.value,
                label_x,
                label_y: y + 14,
                label_anchor,
                value_x,
                value_y: y + 14,
                value_anchor,
                show_label: true,
            }
        })
        .collect();
    Chart {
        id,
        title,
        desc,
        width: WIDTH,
        height: (rows.len() as i64 * ROW + 12).max(40),
        marks,
        label_header: headers.0,
        value_header: headers.1,
        rows,
        columns: false,
    }
}

/// Columns over time, oldest first in reading order (from the right in Arabic).
pub fn columns(
    id: &'static str,
    title: String,
    desc: String,
    headers: (String, String),
    rows: &[Count],
    rtl: bool,
) -> Chart {
    let height = 200;
    let base = height - 30;
    let plot = WIDTH - 20;
    let n = rows.len().max(1) as i64;
    let step = plot / n;
    let max = rows.iter().map(|r| r.value).max().unwrap_or(0).max(1);
    let marks = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let i = i as i64;
            let x = if rtl {
                WIDTH - 10 - (i + 1) * step
            } else {
                10 + i * step
            };
            let h = r.value * (base - 20) / max;
            Mark {
                x: x + 2,
                y: base - h,
                w: (step - 4).max(1),
                h,
                label: r.label.clone(),
                value: r.value,
                label_x: x + step / 2,
                label_y: base + 18,
                label_anchor: "middle",
                value_x: x + step / 2,
                value_y: base - h - 4,
                value_anchor: "middle",
                show_label: (n - 1 - i) % 7 == 0,
            }
        })
        .collect();
    Chart {
        id,
        title,
        desc,
        width: WIDTH,
        height,
        marks,
        label_header: headers.0,
        value_header: headers.1,
        rows: rows.to_vec(),
        columns: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts() -> Vec<Count> {
        ["a", "b"]
            .iter()
            .zip([4, 2])
            .map(|(k, v)| Count {
                key: (*k).into(),
                label: (*k).into(),
                value: v,
            })
            .collect()
    }

    fn empty() -> (String, String) {
        (String::new(), String::new())
    }

    #[test]
    fn arabic_charts_are_mirrored() {
        let ltr = horizontal("x", String::new(), String::new(), empty(), &counts(), false);
        let rtl = horizontal("x", String::new(), String::new(), empty(), &counts(), true);
        // Bars start at the label column's edge and grow away from it.
        assert_eq!(ltr.marks[0].x, LABEL);
        assert_eq!(rtl.marks[0].x + rtl.marks[0].w, WIDTH - LABEL);
        assert!(ltr.marks[0].w > ltr.marks[1].w);
        let c = columns("t", String::new(), String::new(), empty(), &counts(), true);
        assert!(c.marks[0].x > c.marks[1].x, "time runs right to left");
    }
}
