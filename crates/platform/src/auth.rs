//! Per-scope authorization state, persisted in the data folder as the
//! platforms keep it server-side (PL §7): absent = never asked.

use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::atomic;

/// What the user decided for a scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Grant {
    /// Allowed.
    Granted,
    /// Denied (prompt or settings switch).
    Denied,
    /// Denied with "don't ask again" (Alipay).
    DeniedForever,
}

/// The decisions of one app, stored as `auth.json`.
#[derive(Debug)]
pub struct AuthStore {
    file: PathBuf,
    scopes: BTreeMap<String, Grant>,
    /// Scopes whose decision came from an earlier run and has not been
    /// used or replaced in this one.
    earlier: BTreeSet<String>,
}

impl AuthStore {
    /// Loads `file`; a missing file is an empty store, an unreadable or
    /// corrupt one is an error (never silently reset).
    pub fn open(file: &Path) -> io::Result<AuthStore> {
        let scopes = load(file)?;
        Ok(AuthStore {
            file: file.to_owned(),
            earlier: scopes.keys().cloned().collect(),
            scopes,
        })
    }

    /// The decision for `scope`, `None` if never asked.
    pub fn get(&self, scope: &str) -> Option<Grant> {
        self.scopes.get(scope).copied()
    }

    /// Records a decision and persists it atomically. Runs sharing the
    /// data folder take turns through a lock file and each merges its
    /// decision into what is on disk, so no run erases another's. The
    /// decision takes effect here only once it is on disk: a failed write
    /// leaves the state as it was.
    pub fn set(&mut self, scope: &str, grant: Grant) -> io::Result<()> {
        let _lock = lock(&self.file)?;
        let mut merged = load(&self.file)?;
        merged.insert(scope.to_owned(), grant);
        let json = serde_json::to_vec_pretty(&merged).map_err(io::Error::other)?;
        atomic::write(&self.file, &json)?;
        self.scopes = merged;
        self.earlier.remove(scope);
        Ok(())
    }

    /// Whether this is the first use in this run of a decision an earlier
    /// run stored (kept with `--keep-state`), so the report can say the
    /// answer was remembered rather than given. `true` once per scope.
    pub fn first_use_of_earlier(&mut self, scope: &str) -> bool {
        self.earlier.remove(scope)
    }

    /// Every scope asked for, with its decision.
    pub fn all(&self) -> impl Iterator<Item = (&str, Grant)> {
        self.scopes.iter().map(|(k, v)| (k.as_str(), *v))
    }
}

/// The decisions in `file` (none if it does not exist). A link there is
/// not followed.
fn load(file: &Path) -> io::Result<BTreeMap<String, Grant>> {
    match crate::store::read_plain(file) {
        Ok(bytes) => serde_json::from_slice(&bytes)
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(BTreeMap::new()),
        Err(e) => Err(e),
    }
}

/// An exclusive lock on `<file>.lock`, held until dropped (the OS releases
/// it if the process dies).
fn lock(file: &Path) -> io::Result<std::fs::File> {
    let mut name = file.as_os_str().to_owned();
    name.push(".lock");
    let lock = std::fs::File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(PathBuf::from(name))?;
    lock.lock()?;
    Ok(lock)
}
