//! The walls between layers, read from `src/` (see docs/ARCHITECTURE.md):
//!
//! ```text
//!            web/  (actix-web, askama)          jobs/  (worker loop, job schedule)
//!               \                                 /
//!                services/  (use cases, by resource)
//!               /        |          \
//!        domain/ (pure)  db/ (diesel)  mail/ (compose, lettre)
//!   beside: i18n/ (Fluent), secrets/, settings.rs; startup.rs and cli.rs wire them
//! ```
//!
//! A test fails naming the file, the line and the path that crosses a wall; the tables
//! below are the whole rule book. Comments, doc strings and string literals never count.

mod scanner;

use std::path::{Path, PathBuf};

use scanner::{Named, functions, paths, strip};

/// Crates only some places may name (first segment of a path; `*` ends a prefix).
struct Home {
    crates: &'static [&'static str],
    /// Folders (`src/db/`) or files (`src/cli.rs`) where they may be named.
    only_in: &'static [&'static str],
}

const HOMES: &[Home] = &[
    Home {
        crates: &["diesel", "diesel_*"],
        only_in: &["src/db/"],
    },
    // Fluent's own crates, `intl_memoizer` included (it only serves Fluent bundles).
    // `unic_langid` is not among them: a plain language-tag parser with no Fluent in it,
    // pure enough for domain/ should a Locale ever parse tags with it.
    Home {
        crates: &["fluent", "fluent_*", "intl_memoizer"],
        only_in: &["src/i18n/"],
    },
    Home {
        crates: &["lettre"],
        only_in: &["src/mail/"],
    },
    // The media store's backends (local folder, S3) stay behind `MediaStore`.
    Home {
        crates: &["object_store"],
        only_in: &["src/media/"],
    },
    // The HTTP stack. `startup.rs` (builds the server) and `cli.rs` (runs it on actix's
    // runtime) are the composition root: they wire web/ to the rest, so they name it too.
    Home {
        crates: &[
            "actix",
            "actix_*",
            "tracing_actix_web",
            "askama",
            "askama_*",
        ],
        only_in: &["src/web/", "src/startup.rs", "src/cli.rs"],
    },
];

/// Paths a folder may not name, unless the path is one of `except`.
struct Wall {
    layer: &'static str,
    forbids: &'static [&'static str],
    except: &'static [&'static str],
}

/// What does I/O, or sits above domain: none of it may be named from domain/.
const IMPURE: &[&str] = &[
    "crate::db",
    "crate::mail",
    "crate::services",
    "crate::web",
    "crate::jobs",
    "crate::secrets",
    "crate::settings",
    "crate::media",
    "std::fs",
    "std::net",
    "std::io",
    "std::process",
    "std::env",
    "tokio",
    "diesel",
    "diesel_*",
    "actix",
    "actix_*",
    "lettre",
    "reqwest",
];

const WALLS: &[Wall] = &[
    // Handlers call services; they hold a `Db` handle and pass connections through.
    Wall {
        layer: "src/web/",
        forbids: &["crate::db"],
        except: &[
            "crate::db::Db",
            "crate::db::DbConnection",
            "crate::db::DbError",
            // What kind of failure a DbError is (unavailable, busy, conflict…), read by
            // the one mapping of errors to HTTP answers.
            "crate::db::failure::Failure",
        ],
    },
    // Mail composes and delivers; what to send is decided above it.
    Wall {
        layer: "src/mail/",
        forbids: &["crate::services", "crate::web", "crate::jobs"],
        except: &[],
    },
    Wall {
        layer: "src/db/",
        forbids: &[
            "crate::web",
            "crate::services",
            "crate::mail",
            "crate::jobs",
        ],
        except: &[],
    },
    // Jobs call services, never the reverse.
    Wall {
        layer: "src/services/",
        forbids: &["crate::web", "crate::jobs"],
        except: &[],
    },
    Wall {
        layer: "src/jobs/",
        forbids: &["crate::web"],
        except: &[],
    },
    Wall {
        layer: "src/domain/",
        forbids: IMPURE,
        except: &[],
    },
    // Beside the layers: usable from anywhere, using none of the layers above them.
    Wall {
        layer: "src/i18n/",
        forbids: &["crate::web", "crate::services", "crate::jobs"],
        except: &[],
    },
    Wall {
        layer: "src/secrets/",
        forbids: &["crate::web", "crate::services", "crate::jobs"],
        except: &[],
    },
    // Stores and reads bytes; what they mean is decided by its callers.
    Wall {
        layer: "src/media/",
        forbids: &[
            "crate::web",
            "crate::services",
            "crate::jobs",
            "crate::db",
            "crate::mail",
        ],
        except: &[],
    },
];

const MAX_FILE_LINES: usize = 400;
const MAX_FN_LINES: usize = 80;

/// `pattern` (`crate::db`, `actix_*`) is a prefix of `path`, segment by segment.
fn starts_with(path: &[String], pattern: &str) -> bool {
    let parts: Vec<&str> = pattern.split("::").collect();
    parts.len() <= path.len()
        && parts
            .iter()
            .zip(path)
            .all(|(p, seg)| match p.strip_suffix('*') {
                Some(prefix) => seg.starts_with(prefix),
                None => p == seg,
            })
}

/// The module of a file under `src/`: `src/web/admin/mod.rs` → `[web, admin]`.
fn module_of(file: &str) -> Vec<String> {
    let inner = file.trim_start_matches("src/").trim_end_matches(".rs");
    let mut module: Vec<String> = inner.split('/').map(str::to_owned).collect();
    if matches!(
        module.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        module.pop();
    }
    module
}

/// `self::x` and `super::x` written as `crate::…` paths, so relative paths meet the walls
/// too. (Inside an inline `mod tests` a `super` goes one level less far than this thinks;
/// no code in src/ climbs out of a layer that way.)
fn absolute(file: &str, named: &Named) -> Vec<String> {
    let first = named.path[0].as_str();
    if first != "self" && first != "super" {
        return named.path.clone();
    }
    let mut module = module_of(file);
    let mut rest = &named.path[..];
    if first == "self" {
        rest = &rest[1..];
    }
    while rest.first().map(String::as_str) == Some("super") {
        if module.pop().is_none() {
            return named.path.clone();
        }
        rest = &rest[1..];
    }
    let mut path = vec!["crate".to_owned()];
    path.extend(module);
    path.extend(rest.iter().cloned());
    path
}

/// Every wall the source of `file` (a path like `src/web/page.rs`) crosses, one message
/// per line and path.
fn crossings(file: &str, source: &str) -> Vec<String> {
    let mut found = Vec::new();
    for named in paths(&strip(source)) {
        let path = absolute(file, &named);
        let shown = path.join("::");
        for home in HOMES {
            let outside = !home.only_in.iter().any(|place| file.starts_with(place));
            if outside && home.crates.iter().any(|c| starts_with(&path[..1], c)) {
                let places = home.only_in.join(", ");
                found.push(format!(
                    "{file}:{}: names `{shown}`, only {places} may",
                    named.line
                ));
            }
        }
        for wall in WALLS.iter().filter(|w| file.starts_with(w.layer)) {
            let forbidden = wall.forbids.iter().any(|f| starts_with(&path, f))
                && !wall.except.iter().any(|e| starts_with(&path, e));
            if forbidden {
                let mut why = format!("{} may not name {}", wall.layer, wall.forbids.join(", "));
                if !wall.except.is_empty() {
                    why += &format!(" (except {})", wall.except.join(", "));
                }
                found.push(format!("{file}:{}: names `{shown}`: {why}", named.line));
            }
        }
    }
    found.dedup();
    found
}

/// Every `.rs` file under `src/`, as (`src/…` path with `/`, contents), sorted.
fn sources() -> Vec<(String, String)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    collect(&root.join("src"), &mut files);
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("source readable");
            let rel = path
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, text)
        })
        .collect()
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ readable") {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

fn fail_listing(what: &str, problems: &[String]) {
    assert!(
        problems.is_empty(),
        "{} {what}:\n  {}\n",
        problems.len(),
        problems.join("\n  ")
    );
}

#[test]
fn each_layer_names_only_what_it_may() {
    let problems: Vec<String> = sources()
        .iter()
        .flat_map(|(file, text)| crossings(file, text))
        .collect();
    fail_listing(
        "paths cross a wall between layers (see tests/api/walls.rs)",
        &problems,
    );
}

/// Test modules inside `src/` count too: a long test is as hard to read as long code.
#[test]
fn files_and_functions_stay_small() {
    let mut problems = Vec::new();
    for (file, text) in sources() {
        let lines = text.lines().count();
        if lines > MAX_FILE_LINES {
            problems.push(format!("{file}: {lines} lines (at most {MAX_FILE_LINES})"));
        }
        for f in functions(&strip(&text)) {
            if f.lines > MAX_FN_LINES {
                problems.push(format!(
                    "{file}:{}: fn {} is {} lines (at most {MAX_FN_LINES})",
                    f.line, f.name, f.lines
                ));
            }
        }
    }
    fail_listing("files or functions too long", &problems);
}

#[test]
fn the_walls_catch_what_they_should_and_nothing_in_comments() {
    let diesel = "use diesel::prelude::*;\n";
    let found = crossings("src/services/sessions/edit.rs", diesel);
    assert_eq!(
        found,
        ["src/services/sessions/edit.rs:1: names `diesel::prelude::*`, only src/db/ may"]
    );
    assert!(crossings("src/db/programme.rs", diesel).is_empty());
    let commented =
        "// use diesel::prelude::*;\n/// `diesel::Connection`\nlet s = \"lettre::x\";\n";
    assert!(crossings("src/services/sessions/edit.rs", commented).is_empty());

    let grouped = "use crate::{\n    db::programme,\n    domain,\n};\n";
    let found = crossings("src/web/pages/home.rs", grouped);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("src/web/pages/home.rs:2: names `crate::db::programme`"));
    let handle = "use crate::db::{Db, DbError};\nfn f(c: &mut crate::db::DbConnection) {}\n";
    assert!(crossings("src/web/pages/home.rs", handle).is_empty());
    let call = "fn f() { crate::db::programme::webinars(c); }\n";
    assert_eq!(crossings("src/web/pages/home.rs", call).len(), 1);
}

#[test]
fn relative_paths_and_composition_root_are_judged_where_they_lead() {
    let up = "use super::super::web::page;\n";
    assert_eq!(crossings("src/db/seed/mod.rs", up).len(), 1, "crate::web");
    assert!(
        crossings("src/db/seed/load.rs", up).is_empty(),
        "crate::db::web"
    );
    assert!(crossings("src/startup.rs", "use actix_web::HttpServer;\n").is_empty());
    assert_eq!(
        crossings("src/services/x.rs", "use actix_web::HttpServer;\n").len(),
        1
    );
    assert_eq!(
        crossings("src/domain/x.rs", "use std::{fmt, io::Write};\n").len(),
        1
    );
    assert!(crossings("src/domain/x.rs", "use crate::domain::Locale;\n").is_empty());
    assert_eq!(
        crossings("src/mail/worker.rs", "crate::services::a::b(c);\n").len(),
        1
    );
}
