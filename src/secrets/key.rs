//! The secret key that signs and encrypts cookies and derives link tokens: from
//! `CONVIVE_SECRET_KEY`; else, on PostgreSQL, generated once and kept in the database so
//! that every instance and worker sharing it uses the same key; else (SQLite) generated
//! on first start into `{data_dir}/secret.key`, readable by the owner only.

use std::io::Write;
use std::path::Path;

use anyhow::Context;
use rand::RngExt;
use sha2::{Digest, Sha512};

use crate::db::{Backend, Db, deployment_key};

/// The deployment's 64 bytes of key material (see the module comment for where from).
pub fn load(configured: Option<&str>, data_dir: &Path, db: &Db) -> anyhow::Result<[u8; 64]> {
    if let Some(secret) = configured {
        return from_setting(secret);
    }
    match db.backend {
        Backend::Postgres => shared_in_database(db),
        Backend::Sqlite => load_or_create_file(data_dir),
    }
}

fn from_setting(secret: &str) -> anyhow::Result<[u8; 64]> {
    anyhow::ensure!(
        secret.len() >= 32,
        "CONVIVE_SECRET_KEY must have at least 32 characters"
    );
    Ok(Sha512::digest(secret.as_bytes()).into())
}

fn random_key() -> [u8; 64] {
    let mut key = [0u8; 64];
    rand::rng().fill(&mut key);
    key
}

fn shared_in_database(db: &Db) -> anyhow::Result<[u8; 64]> {
    let mut conn = db.conn()?;
    let stored = deployment_key::shared(&mut conn, &random_key())
        .context("cannot read or store the shared secret key in the database")?;
    stored
        .try_into()
        .map_err(|_| anyhow::anyhow!("the stored deployment_key is corrupt (expected 64 bytes)"))
}

/// SQLite: the key file in the data dir, created on first start.
fn load_or_create_file(data_dir: &Path) -> anyhow::Result<[u8; 64]> {
    let path = data_dir.join("secret.key");
    if let Ok(existing) = std::fs::read(&path) {
        let key: [u8; 64] = existing
            .try_into()
            .map_err(|_| anyhow::anyhow!("{} is corrupt (expected 64 bytes)", path.display()))?;
        return Ok(key);
    }
    std::fs::create_dir_all(data_dir)
        .with_context(|| format!("cannot create data dir {}", data_dir.display()))?;
    let key = random_key();
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(&path)
        .with_context(|| format!("cannot create {}", path.display()))?;
    file.write_all(&key)?;
    file.sync_all()?;
    Ok(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_once_and_private() {
        let dir = tempfile::tempdir().unwrap();
        let a = load_or_create_file(dir.path()).unwrap();
        let b = load_or_create_file(dir.path()).unwrap();
        assert_eq!(a, b);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join("secret.key"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert!(from_setting("short").is_err());
    }
}
