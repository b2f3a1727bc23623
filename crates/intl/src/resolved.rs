//! `resolvedOptions()`: every formatter lists its resolved options as one
//! [`Resolved`], in the order V8 prints them; the JS binding turns that
//! into the object in one place.

use icu_locale_core::Locale;

/// The value of one resolved option.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResolvedValue {
    /// A string (`"zh-CN"`, `"auto"`).
    Text(String),
    /// A number (digit counts, `roundingIncrement`).
    Number(u32),
    /// A boolean (`hour12`, `numeric`).
    Bool(bool),
    /// A list of strings (`pluralCategories`).
    List(Vec<String>),
}

/// The resolved options of one formatter, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Resolved(Vec<(&'static str, ResolvedValue)>);

impl Resolved {
    /// Options that start with `locale`, as every `resolvedOptions()` does.
    pub fn new(locale: &Locale) -> Self {
        Resolved(vec![("locale", ResolvedValue::Text(locale.to_string()))])
    }

    /// Adds a string option.
    pub fn text(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.0.push((name, ResolvedValue::Text(value.into())));
        self
    }

    /// Adds a string option when there is one.
    pub fn text_if(self, name: &'static str, value: Option<impl Into<String>>) -> Self {
        match value {
            Some(v) => self.text(name, v),
            None => self,
        }
    }

    /// Adds a number option.
    pub fn number(mut self, name: &'static str, value: u32) -> Self {
        self.0.push((name, ResolvedValue::Number(value)));
        self
    }

    /// Adds a boolean option.
    pub fn bool(mut self, name: &'static str, value: bool) -> Self {
        self.0.push((name, ResolvedValue::Bool(value)));
        self
    }

    /// Adds a list option.
    pub fn list(mut self, name: &'static str, value: Vec<String>) -> Self {
        self.0.push((name, ResolvedValue::List(value)));
        self
    }

    /// The options in order.
    pub fn fields(&self) -> &[(&'static str, ResolvedValue)] {
        &self.0
    }
}
