//! The one bridge from Rust errors to JS exceptions.
//!
//! Engine errors carry the HTML exception kind; here each becomes the JS
//! class browsers throw (`TypeError`, `RangeError`, or a `DOMException`
//! with the right `name`), with Chromium's message prefix naming the
//! operation: "Failed to execute 'arc' on 'CanvasRenderingContext2D': …".

use mpcanvas_canvas::{Error, ErrorKind};
use rquickjs::{Ctx, Exception};

/// An IDL operation or attribute, named in error messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Op {
    /// The interface, e.g. `CanvasRenderingContext2D`.
    pub(crate) interface: &'static str,
    /// The operation or attribute name, e.g. `arc`.
    pub(crate) name: &'static str,
    /// Whether this is an attribute setter (changes the message prefix).
    pub(crate) setter: bool,
}

impl Op {
    /// An operation of `interface`.
    pub(crate) const fn method(interface: &'static str, name: &'static str) -> Op {
        Op {
            interface,
            name,
            setter: false,
        }
    }

    /// The setter of attribute `name` on `interface`.
    pub(crate) const fn setter(interface: &'static str, name: &'static str) -> Op {
        Op {
            interface,
            name,
            setter: true,
        }
    }

    /// `message` with the operation's prefix, as Chromium words it.
    pub(crate) fn message(&self, message: &str) -> String {
        if self.setter {
            format!(
                "Failed to set the '{}' property on '{}': {message}",
                self.name, self.interface
            )
        } else if self.name == "constructor" {
            format!("Failed to construct '{}': {message}", self.interface)
        } else {
            format!(
                "Failed to execute '{}' on '{}': {message}",
                self.name, self.interface
            )
        }
    }

    /// Throws a `TypeError` with the prefixed message.
    pub(crate) fn type_error(&self, ctx: &Ctx<'_>, message: &str) -> rquickjs::Error {
        Exception::throw_type(ctx, &self.message(message))
    }

    /// Throws the JS form of an engine error.
    pub(crate) fn throw(&self, ctx: &Ctx<'_>, error: &Error) -> rquickjs::Error {
        let message = self.message(&error.message);
        match error.kind {
            ErrorKind::Type => Exception::throw_type(ctx, &message),
            ErrorKind::Range | ErrorKind::Budget => Exception::throw_range(ctx, &message),
            kind => Exception::throw_dom(ctx, kind.dom_name(), &message),
        }
    }
}

/// The `TypeError` browsers throw for `new CanvasGradient()` and the like.
pub(crate) fn illegal_constructor(ctx: &Ctx<'_>) -> rquickjs::Error {
    Exception::throw_type(ctx, "Illegal constructor")
}

/// Turns engine results into JS results for one operation.
pub(crate) trait OrThrow<T> {
    /// `Ok` passes through; an engine error is thrown as its JS exception.
    fn or_throw(self, ctx: &Ctx<'_>, op: Op) -> rquickjs::Result<T>;
}

impl<T> OrThrow<T> for Result<T, Error> {
    fn or_throw(self, ctx: &Ctx<'_>, op: Op) -> rquickjs::Result<T> {
        self.map_err(|e| op.throw(ctx, &e))
    }
}
