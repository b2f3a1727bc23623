//! What `mpcanvas run PATH` runs: a page folder (`index.js` + markup), a
//! mini-program folder (`app.json` naming its pages), a mini-game folder
//! (`game.js`), or a single `.js` file (with a markup file of the same
//! name beside it, if any). Paths never leave the package folder.

use std::path::{Path, PathBuf};

/// Markup file extensions, tried in this order.
pub const MARKUP_EXTENSIONS: [&str; 3] = ["wxml", "axml", "ttml"];

/// What kind of program a path holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// A page: its script, its markup (if any) and its route.
    Page {
        /// The page's `.js` file.
        script: PathBuf,
        /// Its markup file, if one exists.
        markup: Option<PathBuf>,
        /// Its `.json` page config, if one exists.
        config: Option<PathBuf>,
        /// The route, package-relative without extension (`pages/index/index`).
        route: String,
    },
    /// A mini-game: `game.js` runs top to bottom.
    Game {
        /// The `game.js` file.
        script: PathBuf,
    },
}

/// A resolved package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Package {
    /// The package folder (the root of `require` and absolute paths).
    pub root: PathBuf,
    /// `app.js` (or `app.ts`), when the package has one.
    pub app: Option<PathBuf>,
    /// `app.json`, when the package has one.
    pub app_config: Option<PathBuf>,
    /// What to run.
    pub entry: Entry,
}

/// Why a path cannot be run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackageError(pub String);

impl std::fmt::Display for PackageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PackageError {}

fn existing(path: PathBuf) -> Option<PathBuf> {
    path.is_file().then_some(path)
}

/// The page or component script `base` names: `base.js`, else (compiled
/// TypeScript) `base.ts`.
pub fn script_beside(base: &Path) -> Option<PathBuf> {
    ["js", "ts"]
        .iter()
        .find_map(|ext| existing(PathBuf::from(format!("{}.{ext}", base.display()))))
        .and_then(|p| p.canonicalize().ok())
}

/// The markup file beside `script` (same stem), if any.
pub fn markup_beside(script: &Path) -> Option<PathBuf> {
    MARKUP_EXTENSIONS
        .iter()
        .find_map(|ext| existing(script.with_extension(ext)))
}

/// The nearest folder at or above `start` holding `app.json` or
/// `project.config.json`; `start` itself when there is none.
fn package_root(start: &Path) -> PathBuf {
    let mut dir = Some(start);
    while let Some(d) = dir {
        if d.join("app.json").is_file() || d.join("project.config.json").is_file() {
            return d.to_path_buf();
        }
        dir = d.parent();
    }
    start.to_path_buf()
}

/// `path` relative to `root`, with `/`, without extension.
fn route_of(root: &Path, script: &Path) -> String {
    let rel = script.strip_prefix(root).unwrap_or(script);
    let rel = rel.with_extension("");
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn page(root: &Path, script: PathBuf) -> Entry {
    Entry::Page {
        markup: markup_beside(&script),
        config: existing(script.with_extension("json")),
        route: route_of(root, &script),
        script,
    }
}

/// The mini-program folder of a project folder: `project.config.json`'s
/// `miniprogramRoot` when it names one, else the folder itself.
pub fn app_root(dir: &Path) -> PathBuf {
    let named = std::fs::read_to_string(dir.join("project.config.json"))
        .ok()
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
        .and_then(|v| v.get("miniprogramRoot")?.as_str().map(str::to_string))
        .filter(|r| !r.trim_matches(['.', '/']).is_empty());
    named
        .and_then(|r| dir.join(r).canonicalize().ok())
        .filter(|r| r.starts_with(dir) && r.is_dir())
        .unwrap_or_else(|| dir.to_path_buf())
}

/// Every page route of `app.json`: `pages`, then each subpackage's
/// (`subpackages` / `subPackages`) pages under its `root`.
pub(crate) fn app_routes(app_json: &Path) -> Result<Vec<String>, PackageError> {
    let text = std::fs::read_to_string(app_json)
        .map_err(|e| PackageError(format!("{}: {e}", app_json.display())))?;
    let config: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| PackageError(format!("{}: not valid JSON: {e}", app_json.display())))?;
    let strings = |v: Option<&serde_json::Value>| -> Vec<String> {
        v.and_then(|p| p.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|p| p.as_str())
                    .map(|p| p.trim_start_matches('/').to_string())
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut routes = strings(config.get("pages"));
    for key in ["subpackages", "subPackages"] {
        for sub in config
            .get(key)
            .and_then(|s| s.as_array())
            .into_iter()
            .flatten()
        {
            let root = sub
                .get("root")
                .and_then(|r| r.as_str())
                .unwrap_or_default()
                .trim_matches('/');
            for page in strings(sub.get("pages")) {
                routes.push(format!("{root}/{page}"));
            }
        }
    }
    Ok(routes)
}

/// The first page listed in `app.json`.
fn first_page(root: &Path, app_json: &Path) -> Result<PathBuf, PackageError> {
    let text = std::fs::read_to_string(app_json)
        .map_err(|e| PackageError(format!("{}: {e}", app_json.display())))?;
    let config: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| PackageError(format!("{}: not valid JSON: {e}", app_json.display())))?;
    let first = config
        .get("pages")
        .and_then(|p| p.as_array())
        .and_then(|p| p.first())
        .and_then(|p| p.as_str())
        .ok_or_else(|| PackageError(format!("{}: no \"pages\" listed", app_json.display())))?;
    let base = root.join(first.trim_start_matches('/'));
    let script = script_beside(&base).ok_or_else(|| {
        PackageError(format!(
            "{}: page '{first}' has no .js or .ts file",
            app_json.display()
        ))
    })?;
    if !script.starts_with(root) {
        return Err(PackageError(format!(
            "page '{first}' is outside the package"
        )));
    }
    Ok(script)
}

impl Package {
    /// Works out what `path` holds.
    pub fn locate(path: &Path) -> Result<Package, PackageError> {
        let path = path
            .canonicalize()
            .map_err(|e| PackageError(format!("{}: {e}", path.display())))?;
        if path.is_file() {
            let dir = path.parent().unwrap_or(Path::new("/")).to_path_buf();
            if path.extension().is_none_or(|e| e != "js" && e != "ts") {
                return Err(PackageError(format!(
                    "{}: expected a .js or .ts file or a folder",
                    path.display()
                )));
            }
            if path.file_name().is_some_and(|n| n == "game.js") {
                return Ok(Package::game(dir, path));
            }
            let root = package_root(&dir);
            return Ok(Package::with_app(root.clone(), page(&root, path)));
        }
        let path = app_root(&path);
        if let Some(game) = existing(path.join("game.js")) {
            return Ok(Package::game(path, game));
        }
        if let Some(app_json) = existing(path.join("app.json")) {
            let script = first_page(&path, &app_json)?;
            return Ok(Package::with_app(path.clone(), page(&path, script)));
        }
        if let Some(index) = script_beside(&path.join("index")) {
            let root = package_root(&path);
            return Ok(Package::with_app(root.clone(), page(&root, index)));
        }
        Err(PackageError(format!(
            "{}: no game.js, app.json or index.js (.ts) here",
            path.display()
        )))
    }

    /// The app at `path` (a folder with `app.json`, or a project whose
    /// `project.config.json` names a `miniprogramRoot`) opened at page
    /// `route`, which `app.json` must list in `pages` or a subpackage.
    pub fn locate_page(path: &Path, route: &str) -> Result<Package, PackageError> {
        let dir = path
            .canonicalize()
            .map_err(|e| PackageError(format!("{}: {e}", path.display())))?;
        let root = app_root(&dir);
        let app_json = existing(root.join("app.json"))
            .ok_or_else(|| PackageError(format!("{}: --page needs an app.json", dir.display())))?;
        let route = route.trim_start_matches('/');
        let routes = app_routes(&app_json)?;
        if !routes.iter().any(|r| r == route) {
            return Err(PackageError(format!(
                "--page {route}: not a page of {} (pages: {})",
                app_json.display(),
                routes.join(", ")
            )));
        }
        let script = script_beside(&root.join(route))
            .filter(|s| s.starts_with(&root))
            .ok_or_else(|| PackageError(format!("page '{route}' has no .js or .ts file")))?;
        Ok(Package::with_app(root.clone(), page(&root, script)))
    }

    fn game(root: PathBuf, script: PathBuf) -> Package {
        Package {
            app: None,
            app_config: existing(root.join("game.json")),
            entry: Entry::Game { script },
            root,
        }
    }

    fn with_app(root: PathBuf, entry: Entry) -> Package {
        Package {
            // `app.ts` when the project is written in TypeScript.
            app: existing(root.join("app.js")).or_else(|| existing(root.join("app.ts"))),
            app_config: existing(root.join("app.json")),
            entry,
            root,
        }
    }

    /// Resolves a `usingComponents` path (`/components/card/card`,
    /// `./card`, a folder with `index.js`) from the page or component at
    /// `from`, to the component's `.js` file inside the package.
    pub fn component(
        &self,
        from: &Path,
        path: &str,
        npm: &crate::page::npm::NpmRules,
    ) -> Option<PathBuf> {
        if path.is_empty() {
            return None;
        }
        // A package name: the nearest built or installed npm package;
        // WeChat still reads other non-relative paths from the page.
        if let Some(found) = from
            .parent()
            .and_then(|dir| crate::page::npm::resolve_component(dir, path, npm))
        {
            return Some(found);
        }
        if path.contains("://") {
            return None;
        }
        let base = if let Some(abs) = path.strip_prefix('/') {
            self.root.join(abs)
        } else {
            from.parent()?.join(path)
        };
        crate::page::npm::script_file(&base)
            .filter(|real| real.starts_with(crate::page::modules::limit_for(&self.root, from)))
            .filter(|real| real.extension().is_some_and(|e| e == "js" || e == "ts"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::test_dir::TestDir as Dir;

    #[test]
    fn a_page_folder_runs_its_index_page_with_markup() {
        let d = Dir::new("pkg-page");
        d.file("index.js", "Page({})");
        d.file("index.wxml", "<canvas/>");
        let p = Package::locate(&d.0).unwrap();
        assert_eq!(p.root, d.0);
        match p.entry {
            Entry::Page { markup, route, .. } => {
                assert_eq!(route, "index");
                assert_eq!(markup.unwrap(), d.0.join("index.wxml"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn an_app_folder_runs_its_first_page_with_the_app() {
        let d = Dir::new("pkg-app");
        d.file(
            "app.json",
            r#"{"pages": ["pages/poster/poster", "pages/other/other"]}"#,
        );
        d.file("app.js", "App({})");
        d.file("pages/poster/poster.js", "Page({})");
        d.file("pages/poster/poster.axml", "");
        let p = Package::locate(&d.0).unwrap();
        assert_eq!(p.app, Some(d.0.join("app.js")));
        match &p.entry {
            Entry::Page { route, markup, .. } => {
                assert_eq!(route, "pages/poster/poster");
                assert!(markup.as_ref().unwrap().ends_with("poster.axml"));
            }
            other => panic!("{other:?}"),
        }
        // A page folder inside the app still has the app's root.
        let inner = Package::locate(&d.0.join("pages/poster/poster.js")).unwrap();
        assert_eq!(inner.root, d.0);
    }

    #[test]
    fn pages_are_chosen_from_app_json_and_subpackages_under_miniprogram_root() {
        let d = Dir::new("pkg-pages");
        d.file(
            "project.config.json",
            r#"{"miniprogramRoot": "miniprogram/"}"#,
        );
        d.file(
            "miniprogram/app.json",
            r#"{"pages": ["pages/index/index"], "subpackages": [{"root": "poster/", "pages": ["pages/make"]}]}"#,
        );
        d.file("miniprogram/pages/index/index.js", "Page({})");
        d.file("miniprogram/poster/pages/make.ts", "Page({})");
        let first = Package::locate(&d.0).unwrap();
        assert_eq!(first.root, d.0.join("miniprogram"));
        let p = Package::locate_page(&d.0, "poster/pages/make").unwrap();
        match p.entry {
            Entry::Page { route, script, .. } => {
                assert_eq!(route, "poster/pages/make");
                assert!(script.ends_with("make.ts"));
            }
            other => panic!("{other:?}"),
        }
        let e = Package::locate_page(&d.0, "pages/missing").unwrap_err();
        assert!(e.0.contains("not a page"), "{e}");
        assert!(e.0.contains("poster/pages/make"), "{e}");
    }

    #[test]
    fn a_game_folder_runs_game_js() {
        let d = Dir::new("pkg-game");
        let game = d.file("game.js", "");
        let p = Package::locate(&d.0).unwrap();
        assert_eq!(p.entry, Entry::Game { script: game });
    }

    #[test]
    fn components_resolve_inside_the_package_only() {
        let d = Dir::new("pkg-comp");
        let page = d.file("pages/index/index.js", "");
        d.file("components/card/card.js", "");
        d.file("components/list/index.js", "");
        d.file("app.json", r#"{"pages":["pages/index/index"]}"#);
        let p = Package::locate(&d.0).unwrap();
        assert!(
            p.component(&page, "/components/card/card", &Default::default())
                .unwrap()
                .ends_with("card/card.js")
        );
        assert!(
            p.component(&page, "../../components/card/card", &Default::default())
                .is_some()
        );
        assert!(
            p.component(&page, "/components/list", &Default::default())
                .unwrap()
                .ends_with("list/index.js")
        );
        assert_eq!(
            p.component(&page, "../../../../etc/passwd", &Default::default()),
            None
        );
        assert_eq!(
            p.component(&page, "plugin://x/y", &Default::default()),
            None
        );
    }

    #[test]
    fn bad_paths_are_errors() {
        let d = Dir::new("pkg-bad");
        assert!(Package::locate(&d.0).is_err());
        assert!(Package::locate(&d.0.join("missing")).is_err());
        let txt = d.file("notes.txt", "");
        assert!(Package::locate(&txt).is_err());
        d.file("app.json", "{");
        assert!(
            Package::locate(&d.0)
                .unwrap_err()
                .0
                .contains("not valid JSON")
        );
    }
}
