//! Script modules of markup: WeChat's WXS (`<wxs module>`, inline or
//! `src=`), Alipay's SJS (`<import-sjs name from>`, ES modules with
//! `export default`) and Douyin / Feishu SJS (`<sjs module src>`).
//!
//! They run in their own QuickJS runtime, apart from the page's: no page
//! code, no `wx` / `my` / `tt`, no timers — only the language, the
//! `module` / `exports` of each module and the platforms' `getRegExp` /
//! `getDate`. Values cross as JSON copies, as they cross between the
//! platforms' view and logic layers. Each call has a time budget, so a
//! looping module ends with an error, not a hang.

use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::{Duration, Instant};

use rquickjs::{CatchResultExt, Context, Ctx, Function, Object, Value as JsValue};

use super::expr::Value;
use super::render::{MarkupError, ModuleSource, Modules};

/// Time one call into a module (or loading one) may take.
const CALL_BUDGET: Duration = Duration::from_secs(2);
/// Memory the modules of one markup file may use.
const MEMORY_BYTES: usize = 64 << 20;

/// The loaded script modules of one markup file.
pub struct ScriptModules {
    _runtime: rquickjs::Runtime,
    context: Context,
    names: Vec<String>,
    deadline: Rc<Cell<Instant>>,
}

impl std::fmt::Debug for ScriptModules {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ScriptModules")
            .field("names", &self.names)
            .finish()
    }
}

/// Defines `getRegExp` / `getDate` and hides what WXS does not have.
const PRELUDE: &str = r#"(function (g) {
    var RegExp_ = g.RegExp, Date_ = g.Date;
    g.getRegExp = function (pattern, flags) { return new RegExp_(pattern, flags); };
    g.getDate = function () {
        var a = Array.prototype.slice.call(arguments);
        return new (Function.prototype.bind.apply(Date_, [null].concat(a)))();
    };
    g.__modules = {};
})(globalThis);"#;

impl ScriptModules {
    /// Loads `modules` (in order; a later module may not see an earlier
    /// one, as on the platforms).
    pub fn load(modules: &[ModuleSource]) -> Result<ScriptModules, MarkupError> {
        let start = |m: String| MarkupError::new("", 0, format!("script modules: {m}"));
        let runtime = rquickjs::Runtime::new().map_err(|e| start(e.to_string()))?;
        runtime.set_memory_limit(MEMORY_BYTES);
        runtime.set_max_stack_size(512 << 10);
        let deadline = Rc::new(Cell::new(Instant::now() + CALL_BUDGET));
        let d = deadline.clone();
        runtime.set_interrupt_handler(Some(Box::new(move || Instant::now() > d.get())));
        let context = Context::full(&runtime).map_err(|e| start(e.to_string()))?;
        let this = ScriptModules {
            _runtime: runtime,
            context,
            names: modules.iter().map(|m| m.name.clone()).collect(),
            deadline,
        };
        this.context.with(|ctx| {
            ctx.eval::<(), _>(PRELUDE)
                .catch(&ctx)
                .map_err(|e| start(e.to_string()))?;
            for m in modules {
                this.deadline.set(Instant::now() + CALL_BUDGET);
                load_one(&ctx, m)?;
            }
            Ok::<_, MarkupError>(())
        })?;
        Ok(this)
    }

    fn with_call<R>(&self, f: impl FnOnce(&Ctx<'_>) -> rquickjs::Result<R>) -> Result<R, String> {
        self.deadline.set(Instant::now() + CALL_BUDGET);
        self.context.with(|ctx| {
            let r = f(&ctx).catch(&ctx).map_err(|e| {
                let over = Instant::now() > self.deadline.get();
                if over {
                    format!("ran longer than {} s", CALL_BUDGET.as_secs())
                } else {
                    e.to_string()
                }
            });
            while ctx.execute_pending_job() {}
            r
        })
    }
}

fn load_one(ctx: &Ctx<'_>, m: &ModuleSource) -> Result<(), MarkupError> {
    let fail = |msg: String| {
        MarkupError::new(
            &m.file,
            m.line,
            format!("script module '{}': {msg}", m.name),
        )
    };
    let code = crate::compile::compile(&m.file, &m.code, crate::compile::Lang::Js)
        .map_err(|e| MarkupError::new(&e.file, e.line + m.line.saturating_sub(1), e.message))?;
    let base = m.path.clone().unwrap_or_else(|| PathBuf::from(&m.file));
    let exported = run_module(ctx, &code, base)
        .catch(ctx)
        .map_err(|e| fail(e.to_string()))?;
    let registry: Object = ctx
        .globals()
        .get("__modules")
        .map_err(|e| fail(e.to_string()))?;
    registry
        .set(m.name.as_str(), exported)
        .map_err(|e| fail(e.to_string()))
}

/// Runs compiled module code whose file is `file` (its `require` resolves
/// from there) and returns what it exports.
fn run_module<'js>(ctx: &Ctx<'js>, code: &str, file: PathBuf) -> rquickjs::Result<JsValue<'js>> {
    // Same line as the module's first line, so errors keep their lines.
    let wrapped = format!(
        "(function (module, exports, require, wx, my, tt, getApp, getCurrentPages, Page, Component, App) {{{code}\n}})"
    );
    let f: Function = ctx.eval(wrapped)?;
    let module = Object::new(ctx.clone())?;
    let exports = Object::new(ctx.clone())?;
    module.set("exports", exports.clone())?;
    let require = Function::new(ctx.clone(), move |ctx: Ctx<'js>, request: String| {
        require_file(&ctx, &file, &request)
    })?;
    f.call::<_, ()>((module.clone(), exports, require))?;
    let exported: JsValue = module.get("exports")?;
    // An ES module (`export default {…}`, Alipay's and Douyin's SJS) is
    // used through its default export.
    if let Some(o) = exported.as_object()
        && o.get::<_, bool>("__esModule").unwrap_or(false)
    {
        let default: JsValue = o.get("default")?;
        if !default.is_undefined() {
            return Ok(default);
        }
    }
    Ok(exported)
}

/// `require(request)` inside a module file: another module file, relative
/// to `from`, loaded once per runtime.
fn require_file<'js>(ctx: &Ctx<'js>, from: &Path, request: &str) -> rquickjs::Result<JsValue<'js>> {
    let extension = from
        .extension()
        .and_then(|e| e.to_str())
        .filter(|e| matches!(*e, "wxs" | "sjs"))
        .unwrap_or("wxs");
    let path = super::render::resolve(from, request, extension).map_err(|m| {
        rquickjs::Exception::throw_reference(ctx, &format!("require('{request}'): {m}"))
    })?;
    let key = path.display().to_string();
    let cache: Object = match ctx.globals().get::<_, Option<Object>>("__files")? {
        Some(c) => c,
        None => {
            let c = Object::new(ctx.clone())?;
            ctx.globals().set("__files", c.clone())?;
            c
        }
    };
    let cached: JsValue = cache.get(key.as_str())?;
    if !cached.is_undefined() {
        return Ok(cached);
    }
    let text = std::fs::read_to_string(&path).map_err(|_| {
        rquickjs::Exception::throw_reference(ctx, &format!("require('{request}'): {key} not found"))
    })?;
    let code = crate::compile::compile(&key, &text, crate::compile::Lang::Js)
        .map_err(|e| rquickjs::Exception::throw_syntax(ctx, &e.to_string()))?;
    let exported = run_module(ctx, &code, path)?;
    cache.set(key.as_str(), exported.clone())?;
    Ok(exported)
}

/// A markup value as a JS value of `ctx` (a JSON copy).
fn to_js<'js>(ctx: &Ctx<'js>, v: &Value) -> rquickjs::Result<JsValue<'js>> {
    match v {
        Value::Undefined => Ok(JsValue::new_undefined(ctx.clone())),
        Value::Number(n) if !n.is_finite() => Ok(JsValue::new_float(ctx.clone(), *n)),
        v => ctx.json_parse(v.to_json_text()),
    }
}

/// A JS value of `ctx` as a markup value (a JSON copy).
fn from_js<'js>(ctx: &Ctx<'js>, v: JsValue<'js>) -> rquickjs::Result<Value> {
    if let Some(n) = v.as_number() {
        return Ok(Value::Number(n));
    }
    match ctx.json_stringify(v)? {
        Some(s) => Ok(Value::from_json_text(&s.to_string()?).unwrap_or_default()),
        None => Ok(Value::Undefined),
    }
}

/// `__modules[name]` then each step of `path`, and the object holding
/// the last one (the `this` of a call).
fn walk<'js>(
    ctx: &Ctx<'js>,
    name: &str,
    path: &[String],
) -> rquickjs::Result<(JsValue<'js>, JsValue<'js>)> {
    let registry: Object = ctx.globals().get("__modules")?;
    let mut holder = registry.clone().into_value();
    let mut current: JsValue = registry.get(name)?;
    for step in path {
        let Some(o) = current.as_object().cloned() else {
            return Ok((holder, JsValue::new_undefined(ctx.clone())));
        };
        holder = current;
        current = o.get(step.as_str())?;
    }
    Ok((holder, current))
}

impl Modules for ScriptModules {
    fn has(&self, name: &str) -> bool {
        self.names.iter().any(|n| n == name)
    }

    fn call(&self, name: &str, path: &[String], args: Vec<Value>) -> Result<Value, String> {
        let shown = format!("{name}.{}", path.join("."));
        self.with_call(|ctx| {
            let (holder, f) = walk(ctx, name, path)?;
            let Some(f) = f.into_function() else {
                return Err(rquickjs::Exception::throw_type(
                    ctx,
                    &format!("{shown} is not a function"),
                ));
            };
            let mut call = rquickjs::function::Args::new(ctx.clone(), args.len());
            call.this(holder)?;
            for a in &args {
                call.push_arg(to_js(ctx, a)?)?;
            }
            let r: JsValue = f.call_arg(call)?;
            from_js(ctx, r)
        })
    }

    fn value(&self, name: &str, path: &[String]) -> Result<Value, String> {
        self.with_call(|ctx| {
            let (_, v) = walk(ctx, name, path)?;
            from_js(ctx, v)
        })
    }
}
