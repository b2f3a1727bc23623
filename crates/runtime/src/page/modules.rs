//! CommonJS modules inside a mini-program package: `require(path)` relative
//! to the requiring file, `.js` optional, `.json` parsed, each module run
//! once and cached. Paths cannot leave the package folder.

use std::path::{Component, Path, PathBuf};

use rquickjs::function::This;

use super::npm;
use rquickjs::{Ctx, Function, Object, Symbol, Value};

/// Browser globals every module sees as `undefined`: WeChat runs each file
/// inside a function with these parameters, so UMD bundles (webpack's
/// `})(window, function () {…})`) take their CommonJS branch instead of
/// failing on a missing `window`.
pub const SHADOWED_GLOBALS: [&str; 18] = [
    "window",
    "document",
    "frames",
    "self",
    "location",
    "navigator",
    "localStorage",
    "history",
    "Caches",
    "screen",
    "alert",
    "confirm",
    "prompt",
    "XMLHttpRequest",
    "WebSocket",
    "Reporter",
    "webkit",
    "WeixinJSCore",
];

/// The package root. Loaded modules are cached in a JS `Map` (so the
/// collector owns them) keyed by their package path.
#[derive(Clone)]
pub struct Modules {
    root: PathBuf,
    /// The browser globals each module's wrapper shadows.
    shadowed: &'static [&'static str],
    /// Where bare requests find npm packages (the platform's layout).
    npm: npm::NpmRules,
}

const CACHE: &str = "mpcanvas.modules";

fn cache<'js>(ctx: &Ctx<'js>) -> rquickjs::Result<Object<'js>> {
    let key = Symbol::new_global(ctx.clone(), CACHE)?;
    let existing: Value<'js> = ctx.globals().get(key.clone())?;
    if let Some(map) = existing.into_object() {
        return Ok(map);
    }
    let map: Object<'js> = ctx.eval("new Map()")?;
    ctx.globals().set(key, map.clone())?;
    Ok(map)
}

fn cache_get<'js>(ctx: &Ctx<'js>, key: &str) -> rquickjs::Result<Option<Object<'js>>> {
    let map = cache(ctx)?;
    let v: Value<'js> = map
        .get::<_, Function>("get")?
        .call((This(map.clone()), key))?;
    Ok(v.into_object())
}

fn cache_set<'js>(ctx: &Ctx<'js>, key: &str, module: Object<'js>) -> rquickjs::Result<()> {
    let map = cache(ctx)?;
    map.get::<_, Function>("set")?
        .call::<_, Value>((This(map.clone()), key, module))?;
    Ok(())
}

/// Why a module could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModuleError {
    /// The path leaves the package, or names no file.
    NotFound(String),
    /// The file exists but could not be read.
    Unreadable(String),
}

impl std::fmt::Display for ModuleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ModuleError::NotFound(p) => write!(f, "module '{p}' is not defined"),
            ModuleError::Unreadable(p) => write!(f, "module '{p}' could not be read"),
        }
    }
}

impl Modules {
    /// Modules of the package at `root`.
    pub fn new(root: &Path) -> Modules {
        let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        Modules {
            root,
            shadowed: &SHADOWED_GLOBALS,
            npm: npm::NpmRules::default(),
        }
    }

    /// These modules with the platform's npm layout (WeChat's by default).
    pub fn with_npm(self, npm: npm::NpmRules) -> Modules {
        Modules { npm, ..self }
    }

    /// The npm layout bare requests and component paths follow.
    pub fn npm(&self) -> &npm::NpmRules {
        &self.npm
    }

    /// Modules of the mini-game at `root`: its files are not wrapped with
    /// the page's shadowed browser globals (a game's `const screen = …`
    /// is legal there).
    pub fn for_game(root: &Path) -> Modules {
        Modules {
            shadowed: &[],
            ..Modules::new(root)
        }
    }

    /// The package folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Resolves `request` from the module at `from` (a path inside the
    /// package) to a file inside the package.
    pub fn resolve(&self, from: &Path, request: &str) -> Result<PathBuf, ModuleError> {
        let not_found = || ModuleError::NotFound(request.to_string());
        if request.is_empty() || request.contains('\0') {
            return Err(not_found());
        }
        // A package name first; WeChat then still reads `utils/x` as
        // relative to the requiring file.
        if let Some(found) = from
            .parent()
            .and_then(|dir| npm::resolve_module(dir, request, &self.npm))
        {
            return Ok(found);
        }
        // "/x.js" is package-absolute, as in mini-programs.
        let base = if request.starts_with('/') {
            self.root.clone()
        } else {
            from.parent()
                .map(Path::to_path_buf)
                .unwrap_or_else(|| self.root.clone())
        };
        let limit = limit_for(&self.root, from);
        let mut path = base;
        for part in Path::new(request.trim_start_matches('/')).components() {
            match part {
                Component::Normal(p) => path.push(p),
                Component::ParentDir => {
                    if !path.pop() || !path.starts_with(&limit) {
                        return Err(not_found());
                    }
                }
                Component::CurDir => {}
                Component::RootDir | Component::Prefix(_) => return Err(not_found()),
            }
        }
        let real = npm::script_file(&path).ok_or_else(not_found)?;
        // Symlinks must not lead out of the package either; a package
        // folder reached through npm resolution may lie above the root.
        if real.starts_with(&limit) {
            Ok(real)
        } else {
            Err(not_found())
        }
    }

    /// Runs (or returns the cached exports of) the module at `path`.
    pub fn load<'js>(&self, ctx: &Ctx<'js>, path: &Path) -> rquickjs::Result<Value<'js>> {
        let key = self.display(path);
        if let Some(cached) = cache_get(ctx, &key)? {
            return cached.get("exports");
        }
        let source = std::fs::read_to_string(path).map_err(|_| {
            rquickjs::Exception::throw_message(
                ctx,
                &ModuleError::Unreadable(self.display(path)).to_string(),
            )
        })?;
        let module = Object::new(ctx.clone())?;
        if path.extension().is_some_and(|e| e == "json") {
            let parsed = ctx.json_parse(source)?;
            module.set("exports", parsed)?;
            cache_set(ctx, &key, module.clone())?;
            return module.get("exports");
        }
        let display = self.display(path);
        let source = crate::compile::compile(&display, &source, crate::compile::Lang::of(&display))
            .map_err(|e| rquickjs::Exception::throw_syntax(ctx, &e.to_string()))?;
        let exports = Object::new(ctx.clone())?;
        module.set("exports", exports.clone())?;
        // Cached before running, so circular requires see partial exports.
        cache_set(ctx, &key, module.clone())?;
        // The browser globals are parameters of an outer function, left
        // undefined; the file's own scope is the inner function, so its
        // top-level `const screen = …` may still shadow them.
        let params = self.shadowed.join(", ");
        let wrapped = format!(
            "(function ({params}) {{ return function (require, module, exports, __filename, __dirname) {{ {source}\n}}; }})"
        );
        let mut options = rquickjs::context::EvalOptions::default();
        options.strict = false;
        options.filename = Some(self.display(path));
        let shadow: Function<'js> = ctx.eval_with_options(wrapped, options)?;
        let run: Function<'js> = shadow.call(())?;
        let require = self.require_for(ctx, path)?;
        let dir = path.parent().map(|d| self.display(d)).unwrap_or_default();
        run.call::<_, ()>((require, module.clone(), exports, self.display(path), dir))?;
        module.get("exports")
    }

    /// The `require` function of the module at `path`.
    pub fn require_for<'js>(&self, ctx: &Ctx<'js>, path: &Path) -> rquickjs::Result<Function<'js>> {
        let modules = self.clone();
        let from = path.to_path_buf();
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, request: String| -> rquickjs::Result<Value<'js>> {
                let target = modules
                    .resolve(&from, &request)
                    .map_err(|e| rquickjs::Exception::throw_message(&ctx, &e.to_string()))?;
                modules.load(&ctx, &target)
            },
        )?
        .with_name("require")
    }

    /// `path` as shown to scripts: relative to the package, with `/`
    /// (a package above the root from its package folder on).
    pub fn display(&self, path: &Path) -> String {
        let rel = path
            .strip_prefix(&self.root)
            .ok()
            .or_else(|| package_relative(path))
            .unwrap_or(path);
        rel.components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    }
}

/// What relative requires may reach from `file`: the package root, or
/// for a file in a package folder above the root, that folder
/// (`…/node_modules`).
pub(crate) fn limit_for(root: &Path, file: &Path) -> PathBuf {
    if file.starts_with(root) {
        return root.to_path_buf();
    }
    let comps: Vec<_> = file.components().collect();
    match comps
        .iter()
        .rposition(|c| c.as_os_str() == npm::BUILT_FOLDER || c.as_os_str() == npm::INSTALLED_FOLDER)
    {
        Some(at) => comps[..=at].iter().collect(),
        None => root.to_path_buf(),
    }
}

/// `path` from its last package folder on (`node_modules/a/index.js`).
fn package_relative(path: &Path) -> Option<&Path> {
    let comps: Vec<_> = path.components().collect();
    let at = comps.iter().rposition(|c| {
        c.as_os_str() == npm::BUILT_FOLDER || c.as_os_str() == npm::INSTALLED_FOLDER
    })?;
    let prefix: PathBuf = comps[..at].iter().collect();
    path.strip_prefix(prefix).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use mpcanvas_js::runtime::{Limits, Runtime};

    fn package(files: &[(&str, &str)]) -> tempdir::Dir {
        let dir = tempdir::Dir::new();
        for (name, body) in files {
            let p = dir.path().join(name);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, body).unwrap();
        }
        dir
    }

    /// Minimal self-deleting temporary folder for these tests.
    mod tempdir {
        pub(super) struct Dir(std::path::PathBuf);
        impl Dir {
            pub(super) fn new() -> Dir {
                static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
                let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let p = std::env::temp_dir()
                    .join(format!("mpcanvas-modules-{}-{n}", std::process::id()));
                std::fs::create_dir_all(&p).unwrap();
                Dir(p)
            }
            pub(super) fn path(&self) -> &std::path::Path {
                &self.0
            }
        }
        impl Drop for Dir {
            fn drop(&mut self) {
                let _ = std::fs::remove_dir_all(&self.0);
            }
        }
    }

    fn run_main(dir: &Path) -> String {
        let rt = Runtime::new(Limits::default()).unwrap();
        let modules = Modules::new(dir);

        rt.with(|ctx| {
            let main = modules.root().join("main.js");
            let result = modules.load(&ctx, &main);

            match result {
                Ok(v) => ctx
                    .json_stringify(v)
                    .unwrap()
                    .map(|s| s.to_string().unwrap())
                    .unwrap_or_default(),
                Err(_) => {
                    let e = ctx.catch();
                    format!("threw {}", mpcanvas_js::console::format_value(&ctx, &e))
                }
            }
        })
    }

    #[test]
    fn relative_requires_share_one_instance() {
        let dir = package(&[
            (
                "main.js",
                "const a = require('./lib/a'); const b = require('./lib/b.js'); module.exports = [a.count(), b.viaA(), require('./data.json').n];",
            ),
            ("lib/a.js", "let n = 0; exports.count = () => ++n;"),
            (
                "lib/b.js",
                "const a = require('./a'); exports.viaA = () => a.count();",
            ),
            ("data.json", "{\"n\": 7}"),
        ]);
        assert_eq!(run_main(dir.path()), "[1,2,7]");
    }

    #[test]
    fn paths_outside_the_package_are_not_found() {
        let dir = package(&[("main.js", "module.exports = require('../../etc/passwd');")]);
        assert!(run_main(dir.path()).contains("is not defined"));
        let dir = package(&[("main.js", "module.exports = require('/etc/passwd');")]);
        assert!(run_main(dir.path()).contains("is not defined"));
        let dir = package(&[("main.js", "module.exports = require('./missing');")]);
        assert!(run_main(dir.path()).contains("'./missing' is not defined"));
    }

    #[test]
    fn circular_requires_see_partial_exports() {
        let dir = package(&[
            ("main.js", "module.exports = require('./x').y;"),
            (
                "x.js",
                "exports.early = 1; exports.y = require('./y').seen;",
            ),
            ("y.js", "exports.seen = require('./x').early;"),
        ]);
        assert_eq!(run_main(dir.path()), "1");
    }

    #[test]
    fn errors_point_at_the_module_file() {
        let dir = package(&[
            ("main.js", "require('./bad');"),
            ("bad.js", "\n\nthrow new Error('in bad');"),
        ]);
        assert!(run_main(dir.path()).contains("in bad"));
    }

    #[test]
    fn umd_bundles_take_their_commonjs_branch() {
        // webpack's UMD prologue: `window` is a wrapper parameter, so it
        // is undefined rather than a ReferenceError.
        let dir = package(&[
            ("main.js", "module.exports = require('umd-lib').answer;"),
            (
                "miniprogram_npm/umd-lib/index.js",
                "(function (root, factory) { if (typeof exports === 'object' && typeof module === 'object') module.exports = factory(); else root.Lib = factory(); })(window, function () { return { answer: typeof document + ':' + typeof navigator + ':42' }; });\nconst screen = 'own';",
            ),
        ]);
        assert_eq!(run_main(dir.path()), "\"undefined:undefined:42\"");
    }

    #[test]
    fn bare_requires_read_installed_packages_and_their_dependencies() {
        let dir = package(&[
            (
                "main.js",
                "module.exports = [require('pkg').v, require('pkg/extra').w, require('utils/local').l];",
            ),
            (
                "node_modules/pkg/package.json",
                "{\"main\": \"lib/main.js\"}",
            ),
            (
                "node_modules/pkg/lib/main.js",
                "exports.v = require('dep').d + require('./helper').h;",
            ),
            ("node_modules/pkg/lib/helper.js", "exports.h = 1;"),
            ("node_modules/pkg/extra.js", "exports.w = 'w';"),
            ("node_modules/dep/index.js", "exports.d = 10;"),
            ("utils/local.js", "exports.l = 'local';"),
        ]);
        assert_eq!(run_main(dir.path()), "[11,\"w\",\"local\"]");
        let dir = package(&[("main.js", "require('not-installed');")]);
        assert!(run_main(dir.path()).contains("module 'not-installed' is not defined"));
    }
}
