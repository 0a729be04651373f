//! The secret key that signs and encrypts cookies: from `CONVIVE_SECRET_KEY`, or
//! generated on first start into `{data_dir}/secret.key` readable by the owner only.

use std::io::Write;
use std::path::Path;

use anyhow::Context;
use rand::RngExt;
use sha2::{Digest, Sha512};

/// 64 bytes of key material.
pub fn load_or_create(configured: Option<&str>, data_dir: &Path) -> anyhow::Result<[u8; 64]> {
    if let Some(secret) = configured {
        anyhow::ensure!(
            secret.len() >= 32,
            "CONVIVE_SECRET_KEY must have at least 32 characters"
        );
        return Ok(Sha512::digest(secret.as_bytes()).into());
    }
    let path = data_dir.join("secret.key");
    if let Ok(existing) = std::fs::read(&path) {
        let key: [u8; 64] = existing
            .try_into()
            .map_err(|_| anyhow::anyhow!("{} is corrupt (expected 64 bytes)", path.display()))?;
        return Ok(key);
    }
    std::fs::create_dir_all(data_dir)
        .with_context(|| format!("cannot create data dir {}", data_dir.display()))?;
    let mut key = [0u8; 64];
    rand::rng().fill(&mut key);
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
        let a = load_or_create(None, dir.path()).unwrap();
        let b = load_or_create(None, dir.path()).unwrap();
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
        assert!(load_or_create(Some("short"), dir.path()).is_err());
    }
}
