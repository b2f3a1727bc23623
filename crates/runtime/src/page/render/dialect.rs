//! The markup languages: each file extension's directive prefix and the
//! tags that bring in script modules, and the parts of the `{{ }}`
//! expression grammar it has. These are properties of the
//! language a file is written in (Feishu and Douyin share `.ttml`), so
//! they are keyed by extension, not by platform.

use crate::page::expr::Syntax;

/// One markup language.
#[derive(Debug, PartialEq, Eq)]
pub struct Dialect {
    /// File extension without the dot.
    pub extension: &'static str,
    /// Directive prefix: `wx:` / `a:` / `tt:`.
    pub prefix: &'static str,
    /// Script module tags: (tag, attribute naming the module, attribute
    /// naming its file). `<wxs module src>`, `<import-sjs name from>`,
    /// `<sjs module src>`.
    pub modules: &'static [(&'static str, &'static str, &'static str)],
    /// The script module file extension.
    pub module_extension: &'static str,
    /// The binding grammar beyond the documented core.
    pub syntax: Syntax,
}

/// WeChat's WXML (developers.weixin.qq.com/miniprogram/dev/reference/wxml/,
/// …/reference/wxs/).
pub(super) const WXML: Dialect = Dialect {
    extension: "wxml",
    prefix: "wx:",
    modules: &[("wxs", "module", "src")],
    module_extension: "wxs",
    // WeChat's own WXML template compiler (glass-easel-template-compiler,
    // src/parse/expr.rs) parses `typeof`, `void`, `~`, `& ^ |` and `??`,
    // and states that `?.`, `**`, `<< >> >>>` and `in` are not supported;
    // a backtick is an unexpected character. mpx's docs agree on `?.`: it
    // compiles optional chains in WXML into WXS calls because WXML lacks them.
    syntax: Syntax {
        type_of: true,
        nullish: true,
        bitwise: true,
        void: true,
        ..Syntax::core("WXML")
    },
};

/// Alipay's AXML (opendocs.alipay.com/mini/framework/axml; SJS through
/// `<import-sjs name from>`, ES modules with `export default`).
pub(super) const AXML: Dialect = Dialect {
    extension: "axml",
    prefix: "a:",
    modules: &[("import-sjs", "name", "from")],
    module_extension: "sjs",
    // Alipay's data-binding page lists the ternary, arithmetic, logical
    // judgement, string operations, data paths and array / object
    // combination with `...`; nothing more is documented.
    syntax: Syntax::core("AXML"),
};

/// Douyin's and Feishu's TTML (`tt:` directives, `<sjs module src>`).
pub(super) const TTML: Dialect = Dialect {
    extension: "ttml",
    prefix: "tt:",
    modules: &[("sjs", "module", "src")],
    module_extension: "sjs",
    // Douyin's TTML data-binding page lists the same core as Alipay's
    // and says other expressions fail to compile; Feishu's page is the
    // same list.
    syntax: Syntax::core("TTML"),
};

/// Every dialect; the first is the default for unknown extensions.
pub(super) const ALL: [&Dialect; 3] = [&WXML, &AXML, &TTML];

impl Dialect {
    /// The dialect of a file with `extension`.
    pub fn of_extension(extension: &str) -> &'static Dialect {
        ALL.iter()
            .find(|d| d.extension.eq_ignore_ascii_case(extension))
            .copied()
            .unwrap_or(&WXML)
    }

    /// Whether `tag` brings in a script module.
    pub fn is_module_tag(&self, tag: &str) -> bool {
        self.modules.iter().any(|(t, _, _)| *t == tag)
    }
}
