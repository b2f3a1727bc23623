//! Which parts of the expression grammar a markup dialect has.
//!
//! Every dialect has the core the platforms document (literals, data
//! paths, arithmetic, string concatenation, comparison, logical
//! operators, the conditional, array / object literals with spread).
//! The parts below differ; a binding that uses one its dialect lacks is a
//! syntax error naming it, since the platform's compiler refuses the file.

/// The optional parts of the grammar one dialect accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Syntax {
    /// The language's name in messages (`WXML`).
    pub name: &'static str,
    /// `typeof x`.
    pub type_of: bool,
    /// `a ?? b`.
    pub nullish: bool,
    /// `~a`, `a & b`, `a | b`, `a ^ b`.
    pub bitwise: bool,
    /// `a << b`, `a >> b`, `a >>> b`.
    pub shifts: bool,
    /// `a ** b`.
    pub exponent: bool,
    /// `void x`.
    pub void: bool,
    /// `key in object`.
    pub in_operator: bool,
    /// `a?.b`, `a?.[k]`, `f?.()`.
    pub optional_chaining: bool,
    /// `` `w: ${w}px` ``.
    pub template_literals: bool,
}

impl Syntax {
    /// Every part: bindings evaluated outside a rendered file (a
    /// component property read from its owner's attribute text) and
    /// the grammar's own tests.
    pub const FULL: Syntax = Syntax {
        name: "binding",
        type_of: true,
        nullish: true,
        bitwise: true,
        shifts: true,
        exponent: true,
        void: true,
        in_operator: true,
        optional_chaining: true,
        template_literals: true,
    };

    /// The core grammar alone, named `name`.
    pub const fn core(name: &'static str) -> Syntax {
        Syntax {
            name,
            type_of: false,
            nullish: false,
            bitwise: false,
            shifts: false,
            exponent: false,
            void: false,
            in_operator: false,
            optional_chaining: false,
            template_literals: false,
        }
    }

    /// The error for a part this grammar lacks, spelled `what`.
    pub(super) fn lacks(&self, what: &str) -> String {
        format!(
            "{what} is not part of the {} binding grammar (compute it in the page's JS or a script module)",
            self.name
        )
    }
}
