//! The data folder's layout, and starting a run from fresh state.
//!
//! `tmp/` (this launch's temp files), `store/` (saved files), `usr/` (user
//! files) and `auth.json` (authorization answers) are state a phone keeps
//! between launches; `album/` is the output a user looks at.

use std::io;
use std::path::Path;

/// This launch's temp files.
pub const TMP: &str = "tmp";
/// Saved files (`saveFile`).
pub const STORE: &str = "store";
/// User files (`USER_DATA_PATH`).
pub const USR: &str = "usr";
/// The album.
pub const ALBUM: &str = "album";
/// Authorization answers.
pub const AUTH: &str = "auth.json";

/// What a fresh run starts without: everything but the album.
pub const KEPT_STATE: &[&str] = &[TMP, STORE, USR, AUTH];

/// Removes the state earlier runs left in `dir` ([`KEPT_STATE`]), so a
/// run depends only on what it is given. Links are removed, never
/// followed; the album stays.
pub fn clear_kept_state(dir: &Path) -> io::Result<()> {
    for name in KEPT_STATE {
        let path = dir.join(name);
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            std::fs::remove_dir_all(&path)?;
        } else {
            std::fs::remove_file(&path)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_goes_the_album_stays_and_links_are_not_followed() {
        let dir = std::env::temp_dir().join(format!("mpcanvas-fresh-{}", std::process::id()));
        let outside = dir.with_extension("outside");
        for d in [
            dir.join("store"),
            dir.join("usr/a"),
            dir.join("album"),
            outside.clone(),
        ] {
            std::fs::create_dir_all(d).unwrap();
        }
        std::fs::write(dir.join("auth.json"), "{}").unwrap();
        std::fs::write(dir.join("album/IMG_1.png"), "x").unwrap();
        std::fs::write(outside.join("keep.txt"), "x").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(&outside, dir.join("tmp")).unwrap();
        clear_kept_state(&dir).unwrap();
        for gone in KEPT_STATE {
            assert!(std::fs::symlink_metadata(dir.join(gone)).is_err(), "{gone}");
        }
        assert!(dir.join("album/IMG_1.png").is_file());
        assert!(outside.join("keep.txt").is_file());
        let _ = std::fs::remove_dir_all(&dir);
        let _ = std::fs::remove_dir_all(&outside);
    }
}
