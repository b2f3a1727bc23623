//! Embeds the repository's example projects (`examples/*`) so the
//! playground can run them on a machine that has only the binary. Examples
//! that need `npm install` (a `package.json`) are left out: the service
//! installs nothing.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    println!("cargo:rerun-if-changed={}", examples.display());
    let mut code = String::from("&[\n");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&examples)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    dirs.sort();
    for dir in dirs {
        if !dir.is_dir() || dir.join("package.json").exists() {
            continue;
        }
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let mut files = Vec::new();
        collect(&dir, &mut files);
        files.sort();
        let _ = writeln!(code, "    (\"{name}\", &[");
        for file in files {
            let rel = file
                .strip_prefix(&dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            let abs = file.canonicalize().unwrap();
            let _ = writeln!(
                code,
                "        ({rel:?}, include_bytes!({:?})),",
                abs.display().to_string()
            );
        }
        code.push_str("    ]),\n");
    }
    code.push(']');
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("examples.rs");
    std::fs::write(out, code).unwrap();
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.filter_map(Result::ok) {
        let path = e.path();
        println!("cargo:rerun-if-changed={}", path.display());
        if path.is_dir() {
            collect(&path, out);
        } else if path.is_file() {
            out.push(path);
        }
    }
}
