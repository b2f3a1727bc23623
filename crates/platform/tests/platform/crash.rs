//! Album atomicity: a process killed mid-save leaves no partial album
//! file; concurrent saves (threads, or two album handles standing for two
//! processes) never overwrite each other (PL §6).

use std::io::Read;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use mpcanvas_platform::album::Album;
use mpcanvas_platform::env::{FixedClock, SystemClock};

use crate::support::{Scratch, listing, png};

const CHILD_ENV: &str = "MPCANVAS_ALBUM_CRASH_CHILD";

/// An image stream that trickles out 64 KiB every few milliseconds, so
/// the parent can kill the process while the file is being written.
struct Trickle {
    sent: u64,
}

impl Read for Trickle {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        const TOTAL: u64 = 512 * 1024 * 1024;
        if self.sent >= TOTAL {
            return Ok(0);
        }
        std::thread::sleep(Duration::from_millis(5));
        let n = buf.len().min(64 * 1024);
        buf[..n].fill(0x55);
        if self.sent == 0 {
            buf[..8].copy_from_slice(b"\x89PNG\r\n\x1a\n");
        }
        self.sent += n as u64;
        Ok(n)
    }
}

/// Not a test on its own: the child process of
/// `killing_a_process_mid_save_leaves_no_partial_album_file`, doing nothing
/// unless started by it.
#[test]
fn album_crash_child() {
    let Some(dir) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let album = Album::open(dir.as_ref(), None, Arc::new(SystemClock)).unwrap();
    album.save_stream(&mut Trickle { sent: 0 }).unwrap();
}

#[test]
fn killing_a_process_mid_save_leaves_no_partial_album_file() {
    let dir = Scratch::new("crash");
    let album_dir = dir.path().join("album");
    std::fs::create_dir_all(&album_dir).unwrap();
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["crash::album_crash_child", "--exact", "--test-threads=1"])
        .env(CHILD_ENV, &album_dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    let staged = loop {
        let growing = std::fs::read_dir(&album_dir)
            .unwrap()
            .flatten()
            .find(|e| e.metadata().is_ok_and(|m| m.len() > 512 * 1024));
        if let Some(e) = growing {
            break e.path();
        }
        assert!(
            child.try_wait().unwrap().is_none(),
            "the child ended before it was killed"
        );
        assert!(Instant::now() < deadline, "the child never started writing");
        std::thread::sleep(Duration::from_millis(5));
    };
    child.kill().unwrap();
    child.wait().unwrap();
    // The half-written bytes exist only as a hidden staging file.
    assert!(
        staged
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with(".staging-")
    );
    // Reopening removes the staging file of the dead process.
    let album = Album::open(&album_dir, None, Arc::new(SystemClock)).unwrap();
    assert_eq!(album.files().unwrap(), Vec::<std::path::PathBuf>::new());
    assert!(!staged.exists());
    // A later save is whole and visible.
    let image = png(3, 3, [1, 2, 3, 255]);
    let entry = album.save(&image).unwrap();
    assert_eq!(std::fs::read(&entry.path).unwrap(), image);
    assert_eq!(listing(&album_dir).len(), 1, "{:?}", listing(&album_dir));
}

#[test]
fn concurrent_saves_get_unique_names_and_keep_their_bytes() {
    let dir = Scratch::new("concurrent");
    // Same clock and fresh counters: two handles (as two processes would)
    // propose the same names and must not overwrite each other.
    let a = Arc::new(Album::open(dir.path(), None, Arc::new(FixedClock(42))).unwrap());
    let b = Arc::new(Album::open(dir.path(), None, Arc::new(FixedClock(42))).unwrap());
    let threads: Vec<_> = (0..8u8)
        .map(|t| {
            let album = if t % 2 == 0 { a.clone() } else { b.clone() };
            std::thread::spawn(move || {
                (0..10u8)
                    .map(|i| {
                        let bytes = png(1, 1, [t, i, 0, 255]);
                        album.save(&bytes).unwrap();
                        bytes
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let mut written: Vec<Vec<u8>> = threads
        .into_iter()
        .flat_map(|t| t.join().unwrap())
        .collect();
    let mut stored: Vec<Vec<u8>> = a
        .files()
        .unwrap()
        .iter()
        .map(|f| std::fs::read(f).unwrap())
        .collect();
    written.sort();
    stored.sort();
    assert_eq!(stored.len(), 80);
    assert_eq!(stored, written);
    assert!(
        listing(dir.path()).iter().all(|n| !n.starts_with('.')),
        "no staging leftovers"
    );
}

#[test]
fn only_sniffed_images_enter_the_album() {
    let dir = Scratch::new("sniff");
    let album = Album::open(dir.path(), None, Arc::new(SystemClock)).unwrap();
    for bytes in [
        &b"GIF89a\x01\x00\x01\x00"[..],
        b"RIFF\x00\x00\x00\x00WEBPVP8 ",
        b"\xFF\xD8\xFF\xE0rest",
        b"BM\x00\x00\x00\x00\x00\x00\x00\x00\x36\x00\x00\x00",
    ] {
        album.save(bytes).unwrap();
    }
    for bytes in [
        &b"<svg xmlns='http://www.w3.org/2000/svg'/>"[..],
        b"%PDF-1.4",
        b"",
        b"\x89PN",
    ] {
        assert!(matches!(
            album.save(bytes),
            Err(mpcanvas_platform::album::AlbumError::NotImage)
        ));
    }
    let names = listing(dir.path());
    let exts: Vec<&str> = names
        .iter()
        .map(|n| n.rsplit('.').next().unwrap())
        .collect();
    assert_eq!(names.len(), 4, "{names:?}");
    for ext in ["gif", "webp", "jpg", "bmp"] {
        assert!(exts.contains(&ext), "{names:?}");
    }
}
