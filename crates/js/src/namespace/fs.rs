//! `getFileSystemManager()`, `downloadFile` and the manager's methods,
//! bound to the platform layer. The manager has the methods the profile's
//! `[fs]` lists: asynchronous ones take an options object and deliver
//! through callbacks (or a Promise where the profile says), `…Sync` ones
//! take positional arguments, return the value (or the success object)
//! and throw an `Error` carrying the failure's fields. File data crosses
//! as `ArrayBuffer` (no `encoding`) or string.

use mpcanvas_platform::{ApiResult, FileData, JsValue, Platform, Reply, profile};
use rquickjs::function::{Opt, Rest};
use rquickjs::{ArrayBuffer, Ctx, Function, IntoJs, Object, Value};

use super::api::{Invocation, begin, promises, services};
use super::convert;
use crate::callback::{Outcome, Promises, deliver};

/// A manager method taking converted options.
type FsCall = fn(&mut Platform, &JsValue) -> ApiResult;

/// The platform method of an asynchronous manager method (not `readFile`,
/// whose result carries data).
fn async_call(name: &str) -> Option<FsCall> {
    Some(match name {
        "writeFile" => Platform::fs_write_file,
        "access" => Platform::fs_access,
        "unlink" => Platform::fs_unlink,
        "getFileInfo" => Platform::fs_get_file_info,
        "saveFile" => Platform::fs_save_file,
        "appendFile" => Platform::fs_append_file,
        "truncate" => Platform::fs_truncate,
        _ => return None,
    })
}

/// What a `…Sync` method returns in `value` mode.
#[derive(Clone, Copy)]
enum SyncValue {
    /// Nothing.
    Nothing,
    /// One success field (`data`, `fd`, `stats`).
    Field(&'static str),
    /// The success object without `errMsg` (WX-doc `ReadResult`,
    /// `WriteResult`).
    Result,
}

/// A `…Sync` method: the names of its positional arguments (unless the
/// profile lists it in `options_sync_methods`: then it takes one options
/// object) and what it returns in `value` mode.
struct SyncShape {
    args: &'static [&'static str],
    value: SyncValue,
}

fn sync_shape(name: &str) -> Option<SyncShape> {
    use SyncValue::{Field, Nothing, Result};
    let (args, value): (&'static [&'static str], _) = match name {
        "readFileSync" => (
            &["filePath", "encoding", "position", "length"],
            Field("data"),
        ),
        "writeFileSync" => (&["filePath", "data", "encoding"], Nothing),
        "accessSync" => (&["path"], Nothing),
        "unlinkSync" => (&["filePath"], Nothing),
        "saveFileSync" => (&["tempFilePath", "filePath"], Field("savedFilePath")),
        "copyFileSync" => (&["srcPath", "destPath"], Nothing),
        "mkdirSync" => (&["dirPath", "recursive"], Nothing),
        "rmdirSync" => (&["dirPath", "recursive"], Nothing),
        "readdirSync" => (&["dirPath"], Field("files")),
        "statSync" => (&["path", "recursive"], Field("stats")),
        "renameSync" => (&["oldPath", "newPath"], Nothing),
        "appendFileSync" => (&["filePath", "data", "encoding"], Nothing),
        "truncateSync" => (&["filePath", "length"], Nothing),
        "openSync" => (&["filePath", "flag"], Field("fd")),
        "closeSync" => (&["fd"], Nothing),
        "fstatSync" => (&["fd"], Field("stats")),
        "ftruncateSync" => (&["fd", "length"], Nothing),
        "readSync" => (
            &["fd", "arrayBuffer", "offset", "length", "position"],
            Result,
        ),
        "writeSync" => (
            &["fd", "data", "offset", "length", "position", "encoding"],
            Result,
        ),
        _ => return None,
    };
    Some(SyncShape { args, value })
}

/// `ArrayBuffer` for bytes, a string for text.
fn data_value<'js>(ctx: &Ctx<'js>, data: FileData) -> rquickjs::Result<Value<'js>> {
    match data {
        FileData::Bytes(bytes) => Ok(ArrayBuffer::new(ctx.clone(), bytes)?.into_value()),
        FileData::Text(text) => text.into_js(ctx),
    }
}

/// A descriptor `read`'s bytes, to be copied into the caller's
/// `arrayBuffer` at `offset` once the platform is no longer borrowed.
struct Fill {
    bytes: Vec<u8>,
    offset: u64,
}

/// A method's outcome in JS: the success object (with what `read` still
/// has to copy) or the failure.
type Done<'js> = Result<(Object<'js>, Option<Fill>), (Reply, String)>;

/// Calls manager method `name` with converted options; `readFile`'s data
/// is added to its success object.
fn call<'js>(
    ctx: &Ctx<'js>,
    platform: &mut Platform,
    name: &str,
    options: &JsValue,
) -> rquickjs::Result<Done<'js>> {
    let result = match name {
        "readFile" | "readFileSync" => {
            let read = if name == "readFile" {
                platform.fs_read_file(options)
            } else {
                platform.fs_read_file_sync(options)
            };
            match read {
                Ok((reply, data)) => {
                    let object = convert::reply(ctx, &reply)?;
                    // Defined, not assigned: an assignment would run a
                    // setter a page put on `Object.prototype` while the
                    // platform is borrowed.
                    object.prop("data", data_value(ctx, data)?)?;
                    return Ok(Ok((object, None)));
                }
                Err(failure) => Err(failure),
            }
        }
        "read" | "readSync" => {
            return Ok(match platform.fs_fd_read(name, options) {
                Ok(read) => Ok((
                    convert::reply(ctx, &read.reply)?,
                    Some(Fill {
                        bytes: read.bytes,
                        offset: read.offset,
                    }),
                )),
                Err(failure) => Err((failure.reply, failure.message)),
            });
        }
        "open" | "openSync" | "close" | "closeSync" | "write" | "writeSync" | "fstat"
        | "fstatSync" | "ftruncate" | "ftruncateSync" => platform.fs_fd_call(name, options),
        "appendFileSync" => platform.fs_append_file_sync(options),
        "truncateSync" => platform.fs_truncate_sync(options),
        "writeFileSync" => platform.fs_write_file_sync(options),
        "accessSync" => platform.fs_access_sync(options),
        "unlinkSync" => platform.fs_unlink_sync(options),
        "saveFileSync" => platform.fs_save_file_sync(options),
        other => match async_call(other) {
            Some(f) => f(platform, options),
            // The folder methods (`mkdir`, `statSync`, …); one the profile
            // does not list fails as `not_supported`.
            None => platform.fs_dir_call(other, options),
        },
    };
    match result {
        Ok(reply) => Ok(Ok((convert::reply(ctx, &reply)?, None))),
        Err(failure) => Ok(Err((failure.reply, failure.message))),
    }
}

/// `read`'s success object completed with the caller's `arrayBuffer`,
/// the bytes read copied into it at `offset` (WX-doc `read`: the result's
/// `arrayBuffer` is the buffer given). Called with the platform not
/// borrowed: a page's getters or typed-array replacements may run.
fn finish_read<'js>(
    ctx: &Ctx<'js>,
    res: Object<'js>,
    fill: Option<Fill>,
    buffer: Value<'js>,
) -> rquickjs::Result<Object<'js>> {
    let Some(fill) = fill else {
        return Ok(res);
    };
    let copy: Function = ctx.eval(
        r#"(res, buffer, data, offset) => {
            new Uint8Array(buffer, offset, data.byteLength).set(new Uint8Array(data));
            Object.defineProperty(res, 'arrayBuffer', { value: buffer, enumerable: true, writable: true, configurable: true });
            return res;
        }"#,
    )?;
    let data = ArrayBuffer::new(ctx.clone(), fill.bytes)?;
    copy.call((res, buffer, data, fill.offset as f64))
}

/// The `arrayBuffer` option of an options object (`undefined` if none).
fn buffer_option<'js>(ctx: &Ctx<'js>, options: &Value<'js>) -> rquickjs::Result<Value<'js>> {
    match options.as_object() {
        Some(o) => o.get("arrayBuffer"),
        None => Ok(Value::new_undefined(ctx.clone())),
    }
}

fn async_method<'js>(
    ctx: &Ctx<'js>,
    name: String,
    allowed: Promises,
) -> rquickjs::Result<Function<'js>> {
    let label = name.clone();
    Function::new(
        ctx.clone(),
        move |ctx: Ctx<'js>, options: Opt<Value<'js>>| {
            let Invocation {
                options,
                services,
                converted,
            } = begin(&ctx, options)?;
            let result = call(&ctx, &mut services.platform.borrow_mut(), &name, &converted)?;
            let outcome = match result {
                Ok((res, fill)) => {
                    let res = match fill {
                        Some(fill) => {
                            let buffer = buffer_option(&ctx, &options)?;
                            finish_read(&ctx, res, Some(fill), buffer)?
                        }
                        None => res,
                    };
                    Outcome::Success(with_stats(&ctx, &name, res)?)
                }
                Err((reply, _)) => Outcome::Fail(convert::reply(&ctx, &reply)?),
            };
            deliver(
                &ctx,
                &services.events,
                options.as_object(),
                outcome,
                allowed,
            )
        },
    )?
    .with_name(label)
}

/// `stat`'s result with its `stats` made `Stats` objects (one, or each
/// `{path, stats}` of a recursive stat): `isDirectory()` / `isFile()`
/// read `mode`, as on the platforms. Called with the platform not
/// borrowed; properties are defined, never assigned, so a page's setters
/// on `Object.prototype` do not run.
fn with_stats<'js>(ctx: &Ctx<'js>, name: &str, res: Object<'js>) -> rquickjs::Result<Object<'js>> {
    if !["stat", "statSync", "fstat", "fstatSync"].contains(&name) {
        return Ok(res);
    }
    let wrap: Function = ctx.eval(
        r#"(res) => {
            const kind = (mode) => mode & 0o170000;
            const proto = Object.create(Object.prototype, {
                isDirectory: { value: function isDirectory() { return kind(this.mode) === 0o040000; } },
                isFile: { value: function isFile() { return kind(this.mode) === 0o100000; } },
            });
            const own = (o) => {
                const d = {};
                for (const k of Object.keys(o)) d[k] = { value: o[k], enumerable: true, writable: true, configurable: true };
                return d;
            };
            const make = (s) => Object.create(proto, own(s));
            const stats = Array.isArray(res.stats)
                ? res.stats.map((e) => Object.create(Object.prototype, own({ path: e.path, stats: make(e.stats) })))
                : make(res.stats);
            Object.defineProperty(res, 'stats', { value: stats, enumerable: true, writable: true, configurable: true });
            return res;
        }"#,
    )?;
    wrap.call((res,))
}

/// An `Error` whose message is the failure's and which carries its
/// fields (`errMsg`/`errno` or `error`/`errorMessage`).
fn throw_failure(ctx: &Ctx<'_>, reply: &Reply, message: &str) -> rquickjs::Error {
    let build = || -> rquickjs::Result<Value<'_>> {
        let make: Function = ctx.eval("(m) => new Error(m)")?;
        let error: Object = make.call((message,))?;
        let fields = convert::reply(ctx, reply)?;
        for key in fields.keys::<String>() {
            let key = key?;
            error.set(key.as_str(), fields.get::<_, Value>(key.as_str())?)?;
        }
        Ok(error.into_value())
    };
    match build() {
        Ok(error) => ctx.throw(error),
        Err(e) => e,
    }
}

fn sync_method<'js>(
    ctx: &Ctx<'js>,
    name: String,
    shape: SyncShape,
    takes_options: bool,
    result: profile::SyncResult,
) -> rquickjs::Result<Function<'js>> {
    let label = name.clone();
    Function::new(ctx.clone(), move |ctx: Ctx<'js>, args: Rest<Value<'js>>| {
        let services = services(&ctx)?;
        let undefined = Value::new_undefined(ctx.clone());
        let (options, buffer) = if takes_options {
            let given = args.0.first().cloned().unwrap_or(undefined.clone());
            let buffer = buffer_option(&ctx, &given)?;
            (convert::to_platform(&ctx, &given)?, buffer)
        } else {
            let mut fields = Vec::new();
            for (name, value) in shape.args.iter().zip(args.0.iter()) {
                fields.push((*name, convert::to_platform(&ctx, value)?));
            }
            // `readSync(fd, arrayBuffer, …)`: the buffer is the second.
            let buffer = args.0.get(1).cloned().unwrap_or(undefined.clone());
            (JsValue::object(fields), buffer)
        };
        let outcome = call(&ctx, &mut services.platform.borrow_mut(), &name, &options)?;
        let res = match outcome {
            Ok((res, fill)) => with_stats(&ctx, &name, finish_read(&ctx, res, fill, buffer)?)?,
            Err((reply, message)) => return Err(throw_failure(&ctx, &reply, &message)),
        };
        match (result, shape.value) {
            (profile::SyncResult::Object, _) => Ok(res.into_value()),
            (profile::SyncResult::Value, SyncValue::Field(field)) => {
                res.get::<_, Value<'js>>(field)
            }
            (profile::SyncResult::Value, SyncValue::Result) => {
                let _ = res.remove("errMsg");
                Ok(res.into_value())
            }
            (profile::SyncResult::Value, SyncValue::Nothing) => Ok(undefined),
        }
    })?
    .with_name(label)
}

/// `getFileSystemManager()`: a manager object with the profile's methods.
pub(crate) fn get_file_system_manager<'js>(ctx: &Ctx<'js>) -> rquickjs::Result<Function<'js>> {
    Function::new(ctx.clone(), |ctx: Ctx<'js>| {
        let services = services(&ctx)?;
        let rules = services.platform.borrow().profile().fs.clone();
        let manager = Object::new(ctx.clone())?;
        for name in &rules.methods {
            let f = async_method(&ctx, name.clone(), promises(rules.promises))?;
            manager.set(name.as_str(), f)?;
        }
        for name in &rules.sync_methods {
            // The profile loader admits only `<method>Sync` of known
            // methods; one this runtime cannot shape is left out.
            if let Some(shape) = sync_shape(name) {
                let takes_options = rules.options_sync_methods.contains(name);
                let f = sync_method(&ctx, name.clone(), shape, takes_options, rules.sync_result)?;
                manager.set(name.as_str(), f)?;
            }
        }
        Ok::<_, rquickjs::Error>(manager)
    })?
    .with_name("getFileSystemManager")
}
