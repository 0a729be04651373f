//! The binary as an operator runs it.

use std::io::Write;
use std::process::{Command, Stdio};

fn convive(data_dir: &std::path::Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_convive"));
    cmd.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("CONVIVE_DATA_DIR", data_dir)
        .env("CONVIVE_LOG", "error");
    cmd
}

#[test]
fn a_bad_setting_stops_start_up_naming_it() {
    let tmp = tempfile::tempdir().unwrap();
    let out = convive(tmp.path())
        .env("CONVIVE_BIND", "not-an-address")
        .arg("migrate")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("CONVIVE_BIND"), "{err}");

    let out = convive(tmp.path())
        .env("CONVIVE_DEFAULT_LOCALE", "de")
        .arg("migrate")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("CONVIVE_DEFAULT_LOCALE"));
}

#[test]
fn settings_file_is_read() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("convive.toml");
    std::fs::write(&file, "default_locale = \"xx\"\n").unwrap();
    let out = convive(tmp.path())
        .env("CONVIVE_CONFIG", &file)
        .arg("migrate")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("default_locale in") && err.contains("convive.toml"),
        "{err}"
    );
}

#[test]
fn seed_and_organiser_create_from_the_command_line() {
    let tmp = tempfile::tempdir().unwrap();
    let out = convive(tmp.path()).arg("seed").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("5 webinars"));
    let again = convive(tmp.path()).arg("seed").output().unwrap();
    assert!(String::from_utf8_lossy(&again.stdout).contains("0 webinars"));

    let mut child = convive(tmp.path())
        .args([
            "organiser",
            "create",
            "--email",
            "leila@lets-food.example",
            "--name",
            "Leïla",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"a long enough password\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("leila@lets-food.example created"));

    let dup = convive(tmp.path())
        .args(["organiser", "create", "--email", "leila@lets-food.example"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(!dup.status.success());
    assert!(String::from_utf8_lossy(&dup.stderr).contains("already exists"));
}

#[test]
fn an_api_token_from_the_command_line_takes_scopes_and_an_expiry() {
    let tmp = tempfile::tempdir().unwrap();
    let create = convive(tmp.path())
        .args(["organiser", "create", "--email", "crm@lets-food.example"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(create.status.success());
    let token = |args: &[&str]| {
        let mut all = vec!["organiser", "token", "--email", "crm@lets-food.example"];
        all.extend_from_slice(args);
        convive(tmp.path()).args(&all).output().unwrap()
    };
    let ok = token(&["--scope", "registrants,read", "--expires", "2099-01-31"]);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let raw = String::from_utf8_lossy(&ok.stdout).trim().to_owned();
    assert_eq!(raw.len(), 64, "one token printed: {raw}");
    let bad = token(&["--scope", "everything"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--scope"));
    let past = token(&["--expires", "2020-01-01"]);
    assert!(!past.status.success());
    assert!(String::from_utf8_lossy(&past.stderr).contains("--expires"));
}

#[test]
fn help_lists_the_commands() {
    let tmp = tempfile::tempdir().unwrap();
    let out = convive(tmp.path()).arg("--help").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    for cmd in ["serve", "migrate", "seed", "organiser"] {
        assert!(text.contains(cmd), "{cmd}");
    }
}
