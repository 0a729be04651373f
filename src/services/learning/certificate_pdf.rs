//! The certificate as a one-page A4 landscape PDF, in the certificate's language.
//! Text is shaped (Arabic letters joined) by krilla's rustybuzz shaper; each line is
//! split into directional runs (Unicode bidi) so Arabic with Latin names, codes and
//! digits reads correctly. The embedded font is DejaVu Sans (fonts/, subset on output).

use std::ops::Range;
use std::sync::OnceLock;

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};
use unicode_bidi::{BidiInfo, Level};

use crate::domain::Locale;

static REGULAR: &[u8] = include_bytes!("../../../fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../../fonts/DejaVuSans-Bold.ttf");

const WIDTH: f32 = 842.0;
const HEIGHT: f32 = 595.0;
const MARGIN: f32 = 60.0;

/// What the certificate says, already in its language.
pub struct CertificateText {
    pub locale: Locale,
    pub title: String,
    pub intro: String,
    pub full_name: String,
    pub completed: String,
    pub module_title: String,
    pub issued: String,
    pub code_label: String,
    pub code: String,
    pub verify_url: String,
    pub issuer: String,
}

struct Fonts {
    regular: Font,
    bold: Font,
}

fn fonts() -> Option<&'static Fonts> {
    static FONTS: OnceLock<Option<Fonts>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            Some(Fonts {
                regular: Font::new(REGULAR.into(), 0)?,
                bold: Font::new(BOLD.into(), 0)?,
            })
        })
        .as_ref()
}

/// Width of `text` in points when set in `font` at `size`, shaped as one run.
fn measure(data: &[u8], text: &str, size: f32, rtl: bool) -> f32 {
    let Some(face) = rustybuzz::Face::from_slice(data, 0) else {
        return 0.0;
    };
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.guess_segment_properties();
    buffer.set_direction(if rtl {
        rustybuzz::Direction::RightToLeft
    } else {
        rustybuzz::Direction::LeftToRight
    });
    let shaped = rustybuzz::shape(&face, &[], buffer);
    let advance: i32 = shaped.glyph_positions().iter().map(|p| p.x_advance).sum();
    advance as f32 * size / f32::from(face.units_per_em() as u16)
}

/// The runs of a line in visual (left-to-right) order, each with its direction.
fn visual_runs(line: &str, base_rtl: bool) -> Vec<(Range<usize>, bool)> {
    let level = if base_rtl { Level::rtl() } else { Level::ltr() };
    let info = BidiInfo::new(line, Some(level));
    let Some(para) = info.paragraphs.first() else {
        return vec![];
    };
    let (levels, runs) = info.visual_runs(para, para.range.clone());
    runs.into_iter()
        .map(|r| {
            let rtl = levels[r.start].is_rtl();
            (r, rtl)
        })
        .collect()
}

struct Writer<'a, 'b> {
    surface: &'a mut Surface<'b>,
    rtl: bool,
}

impl Writer<'_, '_> {
    fn line_width(&self, data: &[u8], line: &str, size: f32) -> f32 {
        visual_runs(line, self.rtl)
            .into_iter()
            .map(|(r, rtl)| measure(data, &line[r], size, rtl))
            .sum()
    }

    /// Draws one line centred on the page, baseline at `y` (from the top).
    fn centred(&mut self, font: &Font, data: &[u8], line: &str, size: f32, y: f32) {
        let mut x = (WIDTH - self.line_width(data, line, size)) / 2.0;
        for (range, rtl) in visual_runs(line, self.rtl) {
            let run = &line[range];
            let dir = if rtl {
                TextDirection::RightToLeft
            } else {
                TextDirection::LeftToRight
            };
            self.surface
                .draw_text(Point::from_xy(x, y), font.clone(), size, run, false, dir);
            x += measure(data, run, size, rtl);
        }
    }

    /// Greedy word wrap to the printable width; returns the lines.
    fn wrap(&self, data: &[u8], text: &str, size: f32) -> Vec<String> {
        let mut lines: Vec<String> = vec![];
        let mut current = String::new();
        for word in text.split_whitespace() {
            let candidate = if current.is_empty() {
                word.to_owned()
            } else {
                format!("{current} {word}")
            };
            if !current.is_empty() && self.line_width(data, &candidate, size) > WIDTH - 2.0 * MARGIN
            {
                lines.push(std::mem::replace(&mut current, word.to_owned()));
            } else {
                current = candidate;
            }
        }
        if !current.is_empty() {
            lines.push(current);
        }
        lines
    }

    /// Draws wrapped, centred text from `y`; returns the baseline after it.
    fn paragraph(&mut self, font: &Font, data: &[u8], text: &str, size: f32, mut y: f32) -> f32 {
        for line in self.wrap(data, text, size) {
            self.centred(font, data, &line, size, y);
            y += size * 1.35;
        }
        y
    }
}

fn colour(r: u8, g: u8, b: u8) -> Fill {
    Fill {
        paint: rgb::Color::new(r, g, b).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

/// The PDF bytes; `None` only if the embedded font could not be read.
pub fn render(text: &CertificateText) -> Option<Vec<u8>> {
    let fonts = fonts()?;
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(format!("{} — {}", text.title, text.full_name))
            .language(text.locale.code().to_owned())
            .creator("Convive".to_owned()),
    );
    let mut page = document.start_page_with(PageSettings::from_wh(WIDTH, HEIGHT)?);
    let mut surface = page.surface();

    // A double frame in the site's green.
    let frame = |inset: f32| {
        let mut pb = PathBuilder::new();
        pb.push_rect(Rect::from_xywh(
            inset,
            inset,
            WIDTH - 2.0 * inset,
            HEIGHT - 2.0 * inset,
        )?);
        pb.finish()
    };
    surface.set_fill(None);
    for (inset, width) in [(24.0, 3.0), (32.0, 0.8)] {
        surface.set_stroke(Some(Stroke {
            paint: rgb::Color::new(31, 107, 79).into(),
            width,
            ..Default::default()
        }));
        if let Some(path) = frame(inset) {
            surface.draw_path(&path);
        }
    }
    surface.set_stroke(None);

    let rtl = text.locale.is_rtl();
    let mut w = Writer {
        surface: &mut surface,
        rtl,
    };
    let (reg, bold) = (&fonts.regular, &fonts.bold);
    w.surface.set_fill(Some(colour(31, 107, 79)));
    let mut y = w.paragraph(bold, BOLD, &text.title, 34.0, 120.0);
    w.surface.set_fill(Some(colour(29, 43, 36)));
    y = w.paragraph(reg, REGULAR, &text.intro, 16.0, y + 30.0);
    y = w.paragraph(bold, BOLD, &text.full_name, 30.0, y + 18.0);
    y = w.paragraph(reg, REGULAR, &text.completed, 16.0, y + 12.0);
    y = w.paragraph(bold, BOLD, &text.module_title, 21.0, y + 14.0);
    w.paragraph(reg, REGULAR, &text.issued, 14.0, y + 18.0);
    w.surface.set_fill(Some(colour(74, 90, 82)));
    w.paragraph(reg, REGULAR, &text.issuer, 12.0, HEIGHT - 118.0);
    w.paragraph(
        reg,
        REGULAR,
        &format!("{} {}", text.code_label, text.code),
        12.0,
        HEIGHT - 96.0,
    );
    w.paragraph(reg, REGULAR, &text.verify_url, 10.0, HEIGHT - 76.0);
    surface.finish();
    page.finish();
    document.finish().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(locale: Locale, name: &str, title: &str) -> CertificateText {
        CertificateText {
            locale,
            title: title.into(),
            intro: "—".into(),
            full_name: name.into(),
            completed: "—".into(),
            module_title: "Montpellier–Fès : créer un marché de producteurs".into(),
            issued: "10 décembre 2026".into(),
            code_label: "Code".into(),
            code: "ABCD-EFGH-JKL9".into(),
            verify_url: "http://127.0.0.1/fr/certificates/ABCD-EFGH-JKL9".into(),
            issuer: "Convive".into(),
        }
    }

    #[test]
    fn renders_a_pdf_in_latin_and_arabic_script() {
        let pdf = render(&sample(Locale::Fr, "Amélie Durand", "Attestation")).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        let pdf = render(&sample(Locale::Ar, "أمينة بن علي", "شهادة إتمام")).unwrap();
        assert!(pdf.starts_with(b"%PDF-") && pdf.len() > 1000);
    }

    #[test]
    fn arabic_runs_are_right_to_left_and_latin_runs_left_to_right() {
        let runs = visual_runs("رمز التحقق: ABCD-EFGH", true);
        assert!(runs.iter().any(|(_, rtl)| *rtl));
        assert!(runs.iter().any(|(_, rtl)| !*rtl));
        assert!(measure(REGULAR, "مرحبا", 12.0, true) > 0.0);
    }
}
