//! Per-scope authorization state, persisted in the data folder as the
//! platforms keep it server-side (PL §7): absent = never asked.

use std::collections::BTreeMap;
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
}

impl AuthStore {
    /// Loads `file`; a missing file is an empty store, an unreadable or
    /// corrupt one is an error (never silently reset).
    pub fn open(file: &Path) -> io::Result<AuthStore> {
        let scopes = match std::fs::read(file) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?,
            Err(e) if e.kind() == io::ErrorKind::NotFound => BTreeMap::new(),
            Err(e) => return Err(e),
        };
        Ok(AuthStore {
            file: file.to_owned(),
            scopes,
        })
    }

    /// The decision for `scope`, `None` if never asked.
    pub fn get(&self, scope: &str) -> Option<Grant> {
        self.scopes.get(scope).copied()
    }

    /// Records a decision and persists it atomically.
    pub fn set(&mut self, scope: &str, grant: Grant) -> io::Result<()> {
        self.scopes.insert(scope.to_owned(), grant);
        let json = serde_json::to_vec_pretty(&self.scopes).map_err(io::Error::other)?;
        atomic::write(&self.file, &json)
    }

    /// Every scope asked for, with its decision.
    pub fn all(&self) -> impl Iterator<Item = (&str, Grant)> {
        self.scopes.iter().map(|(k, v)| (k.as_str(), *v))
    }
}
