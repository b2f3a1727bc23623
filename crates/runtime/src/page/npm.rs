//! npm packages as the mini-program platforms lay them out. The devtools'
//! "build npm" copies each package into `miniprogram_npm/<name>/` (its
//! `miniprogram` folder when package.json names one, else its main file
//! with its dependencies); bare `require('name')` and bare
//! `usingComponents` paths look there, nearest folder first, walking up
//! from the requiring file. A project that has only `node_modules/` (no
//! build step) is read the same way straight from `node_modules/`, so
//! `npm install && mpcanvas run .` works without the devtools.
//!
//! What differs per platform is profile data ([`NpmRules`]): the built
//! folder (none on Alipay, which reads `node_modules` itself), a scheme a
//! component path must carry (Douyin's `ext://`), and how the rest of the
//! path is read inside the package.

use std::path::{Path, PathBuf};

pub use mpcanvas_platform::profile::{ComponentBase, NpmRules};

/// Folder the devtools build npm packages into (WeChat's name; every
/// platform that has a build step uses it). Files below it are package
/// files for [`super::modules::limit_for`].
pub const BUILT_FOLDER: &str = "miniprogram_npm";
/// Folder npm installs packages into.
pub const INSTALLED_FOLDER: &str = "node_modules";
/// The `miniprogram` folder a package gets when its package.json names none.
const DEFAULT_MINIPROGRAM_FOLDER: &str = "miniprogram_dist";

/// A bare request split into its package name and the path inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bare<'a> {
    /// `name` or `@scope/name`.
    pub name: &'a str,
    /// What follows the name (`lib/x`), if anything.
    pub subpath: Option<&'a str>,
}

/// Splits `request` when it names a package (not `./x`, `../x`, `/x` or a
/// URL-like `scheme://x`).
pub fn bare(request: &str) -> Option<Bare<'_>> {
    if request.is_empty()
        || request.starts_with('.')
        || request.starts_with('/')
        || request.contains("://")
        || request.contains('\\')
        || request.contains('\0')
    {
        return None;
    }
    let mut parts = request.splitn(if request.starts_with('@') { 3 } else { 2 }, '/');
    let name_len = if request.starts_with('@') {
        let scope = parts.next()?;
        let name = parts.next().filter(|n| !n.is_empty())?;
        scope.len() + 1 + name.len()
    } else {
        parts.next()?.len()
    };
    let (name, rest) = request.split_at(name_len);
    if name.split('/').any(|p| p.is_empty() || p == "..") {
        return None;
    }
    let subpath = rest.strip_prefix('/').filter(|s| !s.is_empty());
    if subpath.is_some_and(|s| s.split('/').any(|p| p == "..")) {
        return None;
    }
    Some(Bare { name, subpath })
}

/// A package folder found for a bare request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The package folder (canonical).
    pub dir: PathBuf,
    /// Whether it was built by the devtools (`miniprogram_npm`) rather than
    /// installed by npm.
    pub built: bool,
}

/// The package folder `name` resolves to from a file in `from_dir`: the
/// nearest `<built folder>/<name>` (`miniprogram_npm`), else the nearest
/// `node_modules/<name>`.
pub fn find(from_dir: &Path, name: &str, rules: &NpmRules) -> Option<Found> {
    let built = rules.built_folder.as_deref().map(|f| (f, true));
    for (folder, built) in built.into_iter().chain([(INSTALLED_FOLDER, false)]) {
        for dir in from_dir.ancestors() {
            let candidate = dir.join(folder).join(name);
            if candidate.is_dir()
                && let Ok(real) = candidate.canonicalize()
            {
                return Some(Found { dir: real, built });
            }
        }
    }
    None
}

fn manifest(dir: &Path) -> Option<serde_json::Value> {
    let text = std::fs::read_to_string(dir.join("package.json")).ok()?;
    serde_json::from_str(&text).ok()
}

fn field<'a>(manifest: Option<&'a serde_json::Value>, key: &str) -> Option<&'a str> {
    manifest?
        .get(key)?
        .as_str()
        .map(|s| s.trim_start_matches("./"))
        .filter(|s| !s.is_empty())
}

impl Found {
    /// The folder holding the package's mini-program files (components
    /// and their modules): the built folder itself, or an installed
    /// package's `miniprogram` folder when it has one.
    pub fn miniprogram_dir(&self) -> Option<PathBuf> {
        if self.built {
            return Some(self.dir.clone());
        }
        let manifest = manifest(&self.dir);
        let folder = field(manifest.as_ref(), "miniprogram").unwrap_or(DEFAULT_MINIPROGRAM_FOLDER);
        let dir = self.dir.join(folder);
        dir.is_dir().then_some(dir)
    }

    /// The file `require('name')` runs.
    pub fn main_file(&self) -> Option<PathBuf> {
        let manifest = manifest(&self.dir);
        let main = field(manifest.as_ref(), "main");
        if let Some(dir) = self.miniprogram_dir() {
            // The devtools write the entry as `index.js`; an installed
            // package's miniprogram folder keeps its main file's name.
            let from_main = main
                .and_then(|m| Path::new(m).file_name())
                .map(|n| dir.join(n));
            return from_main
                .into_iter()
                .chain([dir.join("index")])
                .find_map(|p| self.file(&p));
        }
        let main = main.unwrap_or("index");
        self.file(&self.dir.join(main))
            .or_else(|| self.file(&self.dir.join("index")))
    }

    /// The file `require('name/sub')` runs: inside the miniprogram folder
    /// first, then inside the package.
    pub fn sub_file(&self, sub: &str) -> Option<PathBuf> {
        self.miniprogram_dir()
            .into_iter()
            .chain([self.dir.clone()])
            .find_map(|dir| self.file(&dir.join(sub)))
    }

    /// The component a `usingComponents` path names (`sub` is what follows
    /// the package name): by default `name` is the package's `index`
    /// component and `name/x/y` the component `x/y` in its miniprogram
    /// folder; see [`ComponentBase`] for the others.
    pub fn component(&self, sub: Option<&str>, base: ComponentBase) -> Option<PathBuf> {
        let sub = sub.unwrap_or("index");
        match base {
            ComponentBase::Miniprogram => self.file(&self.miniprogram_dir()?.join(sub)),
            ComponentBase::Package => self.file(&self.dir.join(sub)),
            ComponentBase::Exports => {
                let manifest = manifest(&self.dir)?;
                let target = manifest
                    .get("exports")?
                    .get("components")?
                    .get(sub)?
                    .as_str()?
                    .trim_start_matches("./");
                if target.split('/').any(|p| p == "..") {
                    return None;
                }
                // A built package keeps the paths of the installed one.
                self.file(&self.dir.join(target))
            }
        }
    }

    /// `base` as a script file inside the package: as written, with a
    /// script extension, or a folder's `index`.
    fn file(&self, base: &Path) -> Option<PathBuf> {
        script_file(base).filter(|real| real.starts_with(&self.dir))
    }
}

/// Extensions a module path may leave out, in the order tried.
pub const SCRIPT_EXTENSIONS: [&str; 2] = ["js", "ts"];

/// `base` as an existing script file (canonical): itself, `base.js`,
/// `base.ts`, `base/index.js`, `base/index.ts`.
pub fn script_file(base: &Path) -> Option<PathBuf> {
    let with_ext = |p: &Path, ext: &str| PathBuf::from(format!("{}.{ext}", p.display()));
    let mut candidates = vec![base.to_path_buf()];
    candidates.extend(SCRIPT_EXTENSIONS.iter().map(|e| with_ext(base, e)));
    candidates.extend(
        SCRIPT_EXTENSIONS
            .iter()
            .map(|e| with_ext(&base.join("index"), e)),
    );
    candidates
        .into_iter()
        .find(|c| c.is_file())
        .and_then(|c| c.canonicalize().ok())
}

/// Resolves `require(request)` for a bare request from a file in `from_dir`.
pub fn resolve_module(from_dir: &Path, request: &str, rules: &NpmRules) -> Option<PathBuf> {
    let bare = bare(request)?;
    let found = find(from_dir, bare.name, rules)?;
    match bare.subpath {
        Some(sub) => found.sub_file(sub),
        None => found.main_file(),
    }
}

/// Whether `path` is written as an npm component path for `rules` (bare,
/// or carrying the platform's scheme), and the package path in it.
pub fn component_request<'a>(path: &'a str, rules: &NpmRules) -> Option<&'a str> {
    match &rules.component_scheme {
        Some(scheme) => path.strip_prefix(scheme.as_str()),
        None => Some(path),
    }
}

/// Resolves an npm `usingComponents` path from a page or component in
/// `from_dir` to the component's script.
pub fn resolve_component(from_dir: &Path, path: &str, rules: &NpmRules) -> Option<PathBuf> {
    let bare = bare(component_request(path, rules)?)?;
    find(from_dir, bare.name, rules)?.component(bare.subpath, rules.component_base)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::test_dir::TestDir as Dir;

    fn wechat() -> NpmRules {
        NpmRules::default()
    }

    fn rules_of(profile: &str) -> NpmRules {
        mpcanvas_platform::Profile::named(profile)
            .expect("profile")
            .npm
    }

    #[test]
    fn bare_requests_split_name_and_subpath() {
        assert_eq!(
            bare("painter-kernel"),
            Some(Bare {
                name: "painter-kernel",
                subpath: None
            })
        );
        assert_eq!(
            bare("@scope/pkg/lib/x"),
            Some(Bare {
                name: "@scope/pkg",
                subpath: Some("lib/x")
            })
        );
        assert_eq!(bare("./x"), None);
        assert_eq!(bare("/x"), None);
        assert_eq!(bare("plugin://a/b"), None);
        assert_eq!(bare("@scope"), None);
        assert_eq!(bare("pkg/../../etc"), None);
    }

    #[test]
    fn the_nearest_built_folder_wins_over_node_modules() {
        let d = Dir::new("npm-nearest");
        d.file("node_modules/a/index.js", "");
        d.file("miniprogram_npm/a/index.js", "");
        let inner = d.file("sub/miniprogram_npm/a/index.js", "");
        let from = d.0.join("sub/pages");
        assert_eq!(resolve_module(&from, "a", &wechat()), Some(inner));
        assert_eq!(
            resolve_module(&d.0, "a", &wechat()),
            Some(d.0.join("miniprogram_npm/a/index.js"))
        );
    }

    #[test]
    fn installed_packages_use_their_miniprogram_folder_or_main() {
        let d = Dir::new("npm-installed");
        d.file(
            "node_modules/comp/package.json",
            r#"{"main": "lib/index.js", "miniprogram": "dist"}"#,
        );
        let comp = d.file("node_modules/comp/dist/index.js", "");
        d.file("node_modules/comp/dist/poster/poster.js", "");
        d.file("node_modules/lib/package.json", r#"{"main": "./src/main"}"#);
        let lib = d.file("node_modules/lib/src/main.js", "");
        let sub = d.file("node_modules/lib/src/util.js", "");
        assert_eq!(resolve_module(&d.0, "comp", &wechat()), Some(comp.clone()));
        assert_eq!(resolve_component(&d.0, "comp", &wechat()), Some(comp));
        assert!(
            resolve_component(&d.0, "comp/poster/poster", &wechat())
                .unwrap()
                .ends_with("dist/poster/poster.js")
        );
        assert_eq!(resolve_module(&d.0, "lib", &wechat()), Some(lib));
        assert_eq!(resolve_module(&d.0, "lib/src/util", &wechat()), Some(sub));
        // A package without a miniprogram folder has no components.
        assert_eq!(resolve_component(&d.0, "lib", &wechat()), None);
        assert_eq!(resolve_module(&d.0, "missing", &wechat()), None);
    }

    #[test]
    fn dependencies_resolve_from_inside_a_package() {
        let d = Dir::new("npm-deps");
        let from = d.file("node_modules/a/index.js", "");
        let nested = d.file("node_modules/a/node_modules/b/index.js", "");
        d.file("node_modules/b/index.js", "");
        let c = d.file("node_modules/c/index.js", "");
        let dir = from.parent().unwrap();
        assert_eq!(resolve_module(dir, "b", &wechat()), Some(nested));
        assert_eq!(resolve_module(dir, "c", &wechat()), Some(c));
    }

    #[test]
    fn wechat_and_feishu_name_components_in_the_miniprogram_folder() {
        let d = Dir::new("npm-wechat-layout");
        d.file("miniprogram_npm/poster/index.js", "");
        let built = d.file("miniprogram_npm/poster/card/index.js", "");
        d.file(
            "node_modules/poster/package.json",
            r#"{"miniprogram": "dist"}"#,
        );
        d.file("node_modules/poster/dist/card/index.js", "");
        for profile in ["wechat", "feishu"] {
            let rules = rules_of(profile);
            assert_eq!(rules, NpmRules::default(), "{profile}");
            assert_eq!(
                resolve_component(&d.0, "poster/card", &rules),
                Some(built.clone())
            );
        }
    }

    #[test]
    fn alipay_reads_node_modules_and_paths_inside_the_package() {
        let d = Dir::new("npm-alipay-layout");
        // A devtools build folder is not Alipay's: node_modules is read.
        d.file("miniprogram_npm/mini-antui/es/list/index.js", "");
        d.file(
            "node_modules/mini-antui/package.json",
            r#"{"main": "es/index.js"}"#,
        );
        let main = d.file("node_modules/mini-antui/es/index.js", "");
        let list = d.file("node_modules/mini-antui/es/list/index.js", "");
        let rules = rules_of("alipay");
        assert_eq!(rules.built_folder, None);
        assert_eq!(
            resolve_component(&d.0, "mini-antui/es/list/index", &rules),
            Some(list)
        );
        assert_eq!(resolve_module(&d.0, "mini-antui", &rules), Some(main));
        // WeChat reads the same component path in the build folder.
        assert!(
            resolve_component(&d.0, "mini-antui/es/list/index", &wechat())
                .unwrap()
                .starts_with(d.0.join("miniprogram_npm").canonicalize().unwrap())
        );
    }

    #[test]
    fn douyin_components_need_ext_and_map_aliases_through_exports() {
        let d = Dir::new("npm-douyin-layout");
        d.file(
            "miniprogram_npm/tt-poster/package.json",
            r#"{"exports": {"components": {"poster": "./components/poster/index"}}}"#,
        );
        let poster = d.file("miniprogram_npm/tt-poster/components/poster/index.js", "");
        let main = d.file("miniprogram_npm/tt-poster/index.js", "");
        let rules = rules_of("douyin");
        assert_eq!(
            resolve_component(&d.0, "ext://tt-poster/poster", &rules),
            Some(poster)
        );
        // Without the scheme the path is not an npm component on Douyin.
        assert_eq!(resolve_component(&d.0, "tt-poster/poster", &rules), None);
        // An alias the package does not export is not found.
        assert_eq!(
            resolve_component(&d.0, "ext://tt-poster/other", &rules),
            None
        );
        // Modules are required by package name, as on WeChat.
        assert_eq!(resolve_module(&d.0, "tt-poster", &rules), Some(main));
    }
}
