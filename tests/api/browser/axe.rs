//! axe-core, injected into the page by the test, run with its default rules.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::Deserialize;
use serde_json::Value;

use super::harness::{Browser, browser_required, notice};

/// The folder with `package.json`; `npm ci` there puts axe-core in `node_modules/`.
fn npm_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/api/browser")
}

/// The source of `axe.min.js`, or `None` (noticed once) when `npm ci` was not run. With
/// `CONVIVE_REQUIRE_BROWSER=1` a missing axe-core is a failure.
fn axe_source() -> Option<&'static str> {
    static SOURCE: OnceLock<Option<String>> = OnceLock::new();
    SOURCE
        .get_or_init(|| {
            let path = npm_dir().join("node_modules/axe-core/axe.min.js");
            match std::fs::read_to_string(&path) {
                Ok(source) => Some(source),
                Err(e) => {
                    let why = format!(
                        "cannot read {} ({e}); run `npm ci` in {}",
                        path.display(),
                        npm_dir().display()
                    );
                    if browser_required() {
                        panic!("CONVIVE_REQUIRE_BROWSER=1 but axe-core is missing: {why}");
                    }
                    notice(&format!("note: accessibility audits SKIPPED: {why}."));
                    None
                }
            }
        })
        .as_deref()
}

#[derive(Debug, Deserialize)]
pub struct Violation {
    pub id: String,
    pub impact: Option<String>,
    pub help: String,
    #[serde(rename = "helpUrl")]
    pub help_url: String,
    pub nodes: Vec<ViolationNode>,
}

#[derive(Debug, Deserialize)]
pub struct ViolationNode {
    pub target: Value,
    pub html: String,
    pub summary: Option<String>,
}

impl Violation {
    /// Serious and critical violations fail the audit; moderate and minor ones are printed.
    pub fn is_blocking(&self) -> bool {
        matches!(self.impact.as_deref(), Some("serious" | "critical"))
    }
}

const RUN_AXE: &str = r#"
const done = arguments[arguments.length - 1];
axe.run(document, { resultTypes: ["violations"] })
  .then(r => done({ violations: r.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({ target: n.target, html: n.html, summary: n.failureSummary })),
  })) }))
  .catch(e => done({ error: String(e && e.stack || e) }));
"#;

#[derive(Deserialize)]
struct AxeOutcome {
    violations: Option<Vec<Violation>>,
    error: Option<String>,
}

/// What axe-core lets pass but assistive technology trips on: a control whose label points
/// at an id that an earlier element also carries gets no name at all (the browser resolves
/// `<label for>` to the first element with that id).
const OWN_CHECKS: &str = r#"
const seen = new Map();
for (const el of document.querySelectorAll("[id]")) seen.set(el.id, (seen.get(el.id) || 0) + 1);
const duplicates = [...seen].filter(([, n]) => n > 1).map(([id]) => id);
const unlabelled = [...document.querySelectorAll("input, select, textarea")]
  .filter(el => !["hidden", "submit", "button", "reset"].includes(el.type))
  .filter(el => !(el.labels && el.labels.length) && !el.getAttribute("aria-label")
    && !el.getAttribute("aria-labelledby") && !el.title)
  .map(el => el.outerHTML.slice(0, 160));
return { duplicates, unlabelled };
"#;

#[derive(Deserialize)]
struct OwnFindings {
    duplicates: Vec<String>,
    unlabelled: Vec<String>,
}

impl Browser {
    /// Runs axe-core on the page shown; `None` when axe-core is not installed (skipped).
    pub async fn axe(&self) -> Option<Vec<Violation>> {
        let source = axe_source()?;
        let loaded: bool = self
            .eval("return typeof window.axe === 'object';", vec![])
            .await;
        if !loaded {
            let ok: bool = self
                .eval(
                    &format!("{source}\n;return typeof window.axe === 'object';"),
                    vec![],
                )
                .await;
            assert!(ok, "axe-core did not load");
        }
        let ret = self
            .execute_async(RUN_AXE, vec![])
            .await
            .expect("axe.run answers");
        let outcome: AxeOutcome = ret.convert().expect("axe results");
        if let Some(error) = outcome.error {
            panic!("axe.run failed: {error}");
        }
        Some(outcome.violations.unwrap_or_default())
    }

    /// Fails when axe-core finds a serious or critical violation on the page shown.
    #[allow(dead_code)] // for the journeys: one page, one call
    pub async fn assert_accessible(&self, label: &str) {
        let mut report = AuditReport::default();
        report.audit(self, label).await;
        report.assert_clean();
    }
}

/// Violations gathered over several pages, so one run lists everything to fix.
#[derive(Default)]
pub struct AuditReport {
    blocking: String,
    others: String,
    pages: usize,
}

impl AuditReport {
    pub async fn audit(&mut self, browser: &Browser, label: &str) {
        let Some(violations) = browser.axe().await else {
            return;
        };
        self.pages += 1;
        let path = browser.current_path().await;
        let own: OwnFindings = browser.eval(OWN_CHECKS, vec![]).await;
        if !own.duplicates.is_empty() {
            let _ = writeln!(
                self.blocking,
                "\n[serious] duplicate-id (own check) — ids must be unique on {label} ({path})\n    {}",
                own.duplicates.join(", ")
            );
        }
        for html in own.unlabelled {
            let _ = writeln!(
                self.blocking,
                "\n[critical] label (own check) — form control without a label on {label} ({path})\n    • {html}"
            );
        }
        for v in violations {
            let out = if v.is_blocking() {
                &mut self.blocking
            } else {
                &mut self.others
            };
            let _ = writeln!(
                out,
                "\n[{}] {} — {} on {label} ({path})\n    {}",
                v.impact.as_deref().unwrap_or("?"),
                v.id,
                v.help,
                v.help_url
            );
            for node in &v.nodes {
                let _ = writeln!(out, "    • {}  {}", node.target, node.html);
                if let Some(summary) = &node.summary {
                    for line in summary.lines() {
                        let _ = writeln!(out, "        {line}");
                    }
                }
            }
        }
    }

    /// The serious and critical violations found, listed for a failure message.
    pub fn failure(&self) -> Option<String> {
        (!self.blocking.is_empty()).then(|| {
            format!(
                "axe-core found serious or critical violations:{}",
                self.blocking
            )
        })
    }

    pub fn assert_clean(&self) {
        if !self.others.is_empty() {
            // Captured unless the test fails: shown with the failure, or with --nocapture.
            eprintln!("axe: moderate/minor findings (not failing):{}", self.others);
        }
        if let Some(failure) = self.failure() {
            panic!("{failure}");
        }
    }
}
