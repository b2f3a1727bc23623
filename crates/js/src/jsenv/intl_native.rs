//! The native half of `Intl`: formatter objects over `mpcanvas-intl`,
//! handed to `intl.js`, which gives them the ECMA-402 surface. Options
//! arrive already coerced by `intl.js` (strings, numbers, booleans or
//! `undefined`); values are checked again here.

use std::rc::Rc;

use mpcanvas_intl::{
    CaseFirst, CollatorOptions, CompactDisplay, CurrencyDisplay, DateDefaults, DateTimeFormat,
    DateTimeOptions, DigitRequest, Grouping, IntlError, Locale, LocaleCollator, Notation,
    NumberFormat, NumberOptions, NumberStyle, PluralKind, PluralRulesFormat, RelativeStyle,
    RelativeTimeFormat, RelativeUnit, Resolved, ResolvedValue, Sensitivity, SignDisplay,
    UnitDisplay,
};
use rquickjs::{Array, Ctx, Exception, Function, Object};

use super::DeviceEnv;

/// `IntlError` as the JS exception V8 throws.
pub(super) fn throw(ctx: &Ctx<'_>, e: IntlError) -> rquickjs::Error {
    match e {
        IntlError::Range(m) => Exception::throw_range(ctx, &m),
        IntlError::Type(m) => Exception::throw_type(ctx, &m),
    }
}

/// `resolvedOptions()` as the JS object: every binding's resolved
/// options go through here.
pub(super) fn resolved_object<'js>(ctx: &Ctx<'js>, r: &Resolved) -> rquickjs::Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    for (name, value) in r.fields() {
        match value {
            ResolvedValue::Text(s) => o.set(*name, s.as_str())?,
            ResolvedValue::Number(n) => o.set(*name, *n)?,
            ResolvedValue::Bool(b) => o.set(*name, *b)?,
            ResolvedValue::List(l) => o.set(*name, l.clone())?,
        }
    }
    Ok(o)
}

fn string(opts: &Object<'_>, name: &str) -> rquickjs::Result<Option<String>> {
    opts.get(name)
}

fn digit(ctx: &Ctx<'_>, opts: &Object<'_>, name: &str) -> rquickjs::Result<Option<u8>> {
    let v: Option<f64> = opts.get(name)?;
    match v {
        None => Ok(None),
        Some(x) if x.is_finite() && x >= 0.0 => Ok(Some(x.min(255.0) as u8)),
        Some(_) => Err(Exception::throw_range(
            ctx,
            &format!("{name} value is out of range."),
        )),
    }
}

fn digit_request(ctx: &Ctx<'_>, opts: &Object<'_>) -> rquickjs::Result<DigitRequest> {
    Ok(DigitRequest {
        min_integer: digit(ctx, opts, "minimumIntegerDigits")?,
        min_fraction: digit(ctx, opts, "minimumFractionDigits")?,
        max_fraction: digit(ctx, opts, "maximumFractionDigits")?,
        min_significant: digit(ctx, opts, "minimumSignificantDigits")?,
        max_significant: digit(ctx, opts, "maximumSignificantDigits")?,
    })
}

pub(super) fn locale_of(
    ctx: &Ctx<'_>,
    env: &DeviceEnv,
    locales: &[String],
) -> rquickjs::Result<mpcanvas_intl::Locale> {
    mpcanvas_intl::resolve_locale(locales, &env.locale).map_err(|e| throw(ctx, e))
}

fn number_options(ctx: &Ctx<'_>, opts: &Object<'_>) -> rquickjs::Result<NumberOptions> {
    let range = |m: String| Exception::throw_range(ctx, &m);
    let style = match string(opts, "style")?.as_deref() {
        None | Some("decimal") => NumberStyle::Decimal,
        Some("percent") => NumberStyle::Percent,
        Some("currency") => {
            let Some(code) = string(opts, "currency")? else {
                return Err(Exception::throw_type(
                    ctx,
                    "Currency code is required with currency style.",
                ));
            };
            let display = match string(opts, "currencyDisplay")?.as_deref() {
                None | Some("symbol") => CurrencyDisplay::Symbol,
                Some("narrowSymbol") => CurrencyDisplay::NarrowSymbol,
                Some("code") => CurrencyDisplay::Code,
                Some("name") => CurrencyDisplay::Name,
                Some(v) => {
                    return Err(range(format!(
                        "Value {v} out of range for Intl.NumberFormat options property currencyDisplay"
                    )));
                }
            };
            NumberStyle::Currency(code.to_ascii_uppercase(), display)
        }
        Some("unit") => {
            let unit = string(opts, "unit")?.unwrap_or_default();
            let display = match string(opts, "unitDisplay")?.as_deref() {
                None | Some("short") => UnitDisplay::Short,
                Some("narrow") => UnitDisplay::Narrow,
                Some("long") => UnitDisplay::Long,
                Some(v) => {
                    return Err(range(format!(
                        "Value {v} out of range for Intl.NumberFormat options property unitDisplay"
                    )));
                }
            };
            NumberStyle::Unit(unit, display)
        }
        Some(v) => {
            return Err(range(format!(
                "Value {v} out of range for Intl.NumberFormat options property style"
            )));
        }
    };
    let notation = match string(opts, "notation")?.as_deref() {
        None | Some("standard") => Notation::Standard,
        Some("scientific") => Notation::Scientific,
        Some("engineering") => Notation::Engineering,
        Some("compact") => Notation::Compact(match string(opts, "compactDisplay")?.as_deref() {
            None | Some("short") => CompactDisplay::Short,
            Some("long") => CompactDisplay::Long,
            Some(v) => {
                return Err(range(format!(
                    "Value {v} out of range for Intl.NumberFormat options property compactDisplay"
                )));
            }
        }),
        Some(v) => {
            return Err(range(format!(
                "Value {v} out of range for Intl.NumberFormat options property notation"
            )));
        }
    };
    let grouping = match string(opts, "useGrouping")?.as_deref() {
        None => None,
        Some("auto") => Some(Grouping::Auto),
        Some("always") | Some("true") => Some(Grouping::Always),
        Some("min2") => Some(Grouping::Min2),
        Some("false") => Some(Grouping::Never),
        Some(v) => {
            return Err(range(format!(
                "Value {v} out of range for Intl.NumberFormat options property useGrouping"
            )));
        }
    };
    let sign_display = match string(opts, "signDisplay")?.as_deref() {
        None | Some("auto") => SignDisplay::Auto,
        Some("never") => SignDisplay::Never,
        Some("always") => SignDisplay::Always,
        Some("exceptZero") => SignDisplay::ExceptZero,
        Some("negative") => SignDisplay::Negative,
        Some(v) => {
            return Err(range(format!(
                "Value {v} out of range for Intl.NumberFormat options property signDisplay"
            )));
        }
    };
    Ok(NumberOptions {
        style,
        notation,
        grouping,
        digits: digit_request(ctx, opts)?,
        sign_display,
    })
}

/// `native.numberFormat(locales, options)` →
/// `{ format(x), formatToParts(x), resolved }`.
fn number_format<'js>(
    ctx: &Ctx<'js>,
    env: &DeviceEnv,
    locales: Vec<String>,
    opts: Object<'js>,
) -> rquickjs::Result<Object<'js>> {
    let locale = locale_of(ctx, env, &locales)?;
    let options = number_options(ctx, &opts)?;
    let f = Rc::new(NumberFormat::try_new(&locale, options).map_err(|e| throw(ctx, e))?);
    let out = Object::new(ctx.clone())?;
    out.set("resolved", resolved_object(ctx, &f.resolved())?)?;
    let g = f.clone();
    out.set(
        "format",
        Function::new(ctx.clone(), move |x: f64| g.format(x))?,
    )?;
    out.set(
        "formatToParts",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, x: f64| {
            super::intl_text_native::parts(&ctx, f.format_to_parts(x))
        })?,
    )?;
    Ok(out)
}

fn date_options(opts: &Object<'_>) -> rquickjs::Result<DateTimeOptions> {
    Ok(DateTimeOptions {
        weekday: string(opts, "weekday")?,
        era: string(opts, "era")?,
        year: string(opts, "year")?,
        month: string(opts, "month")?,
        day: string(opts, "day")?,
        hour: string(opts, "hour")?,
        minute: string(opts, "minute")?,
        second: string(opts, "second")?,
        hour12: opts.get("hour12")?,
        hour_cycle: string(opts, "hourCycle")?,
        time_zone: string(opts, "timeZone")?,
        date_style: string(opts, "dateStyle")?,
        time_style: string(opts, "timeStyle")?,
        time_zone_name: string(opts, "timeZoneName")?,
        day_period: string(opts, "dayPeriod")?,
        fractional_second_digits: opts
            .get::<_, Option<f64>>("fractionalSecondDigits")?
            .map(|n| n.clamp(0.0, 255.0) as u8),
    })
}

/// `native.dateTimeFormat(locales, options, defaults)` →
/// `{ format(ms), formatToParts(ms), formatRange(a, b),
/// formatRangeToParts(a, b), resolved }`; an invalid time value formats
/// as `undefined` (`intl.js` throws or prints `Invalid Date`).
fn date_time_format<'js>(
    ctx: &Ctx<'js>,
    env: &DeviceEnv,
    locales: Vec<String>,
    opts: Object<'js>,
    defaults: String,
) -> rquickjs::Result<Object<'js>> {
    let locale = locale_of(ctx, env, &locales)?;
    let defaults = match defaults.as_str() {
        "time" => DateDefaults::Time,
        "all" => DateDefaults::All,
        "date" => DateDefaults::Date,
        _ => DateDefaults::Any,
    };
    let options = date_options(&opts)?;
    let f = DateTimeFormat::try_new(&locale, options, defaults, &env.time_zone)
        .map_err(|e| throw(ctx, e))?;
    let f = Rc::new(f);
    let out = Object::new(ctx.clone())?;
    out.set("resolved", resolved_object(ctx, &f.resolved())?)?;
    let g = f.clone();
    out.set(
        "format",
        Function::new(ctx.clone(), move |ms: f64| g.format(ms))?,
    )?;
    let g = f.clone();
    out.set(
        "formatToParts",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, ms: f64| -> rquickjs::Result<Option<Array<'js>>> {
                let Some(parts) = g.format_to_parts(ms) else {
                    return Ok(None);
                };
                super::intl_text_native::parts(&ctx, parts).map(Some)
            },
        )?,
    )?;
    let g = f.clone();
    out.set(
        "formatRange",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, a: f64, b: f64| {
            g.format_range(a, b).map_err(|e| throw(&ctx, e))
        })?,
    )?;
    out.set(
        "formatRangeToParts",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, a: f64, b: f64| -> rquickjs::Result<Option<Array<'js>>> {
                let Some(parts) = f.format_range_to_parts(a, b).map_err(|e| throw(&ctx, e))? else {
                    return Ok(None);
                };
                super::intl_text_native::range_parts(&ctx, parts).map(Some)
            },
        )?,
    )?;
    Ok(out)
}

/// `native.collator(locales, options)` → `{ compare(a, b), resolved }`.
fn collator<'js>(
    ctx: &Ctx<'js>,
    env: &DeviceEnv,
    locales: Vec<String>,
    opts: Object<'js>,
) -> rquickjs::Result<Object<'js>> {
    let locale = locale_of(ctx, env, &locales)?;
    let sensitivity = match string(&opts, "sensitivity")?.as_deref() {
        Some("base") => Sensitivity::Base,
        Some("accent") => Sensitivity::Accent,
        Some("case") => Sensitivity::Case,
        _ => Sensitivity::Variant,
    };
    let case_first = match string(&opts, "caseFirst")?.as_deref() {
        Some("upper") => CaseFirst::Upper,
        Some("lower") => CaseFirst::Lower,
        _ => CaseFirst::Default,
    };
    let options = CollatorOptions {
        sensitivity,
        numeric: opts.get::<_, Option<bool>>("numeric")?.unwrap_or(false),
        ignore_punctuation: opts
            .get::<_, Option<bool>>("ignorePunctuation")?
            .unwrap_or(false),
        case_first,
    };
    let c = Rc::new(LocaleCollator::try_new(&locale, options).map_err(|e| throw(ctx, e))?);
    let out = Object::new(ctx.clone())?;
    let resolved = Resolved::new(&locale)
        .text("usage", "sort")
        .text(
            "sensitivity",
            match sensitivity {
                Sensitivity::Base => "base",
                Sensitivity::Accent => "accent",
                Sensitivity::Case => "case",
                Sensitivity::Variant => "variant",
            },
        )
        .bool("ignorePunctuation", options.ignore_punctuation)
        .text("collation", "default")
        .bool("numeric", options.numeric)
        .text(
            "caseFirst",
            match case_first {
                CaseFirst::Upper => "upper",
                CaseFirst::Lower => "lower",
                CaseFirst::Default => "false",
            },
        );
    out.set("resolved", resolved_object(ctx, &resolved)?)?;
    out.set(
        "compare",
        Function::new(ctx.clone(), move |a: String, b: String| {
            c.compare(&a, &b) as i32
        })?,
    )?;
    Ok(out)
}

/// `native.pluralRules(locales, options)` → `{ select(x), resolved }`.
fn plural_rules<'js>(
    ctx: &Ctx<'js>,
    env: &DeviceEnv,
    locales: Vec<String>,
    opts: Object<'js>,
) -> rquickjs::Result<Object<'js>> {
    let locale = locale_of(ctx, env, &locales)?;
    let kind = match string(&opts, "type")?.as_deref() {
        Some("ordinal") => PluralKind::Ordinal,
        _ => PluralKind::Cardinal,
    };
    let digits = digit_request(ctx, &opts)?;
    let p = Rc::new(PluralRulesFormat::try_new(&locale, kind, digits).map_err(|e| throw(ctx, e))?);
    let out = Object::new(ctx.clone())?;
    let kind_name = if kind == PluralKind::Ordinal {
        "ordinal"
    } else {
        "cardinal"
    };
    let resolved = Resolved::new(&locale).text("type", kind_name).list(
        "pluralCategories",
        p.categories().into_iter().map(String::from).collect(),
    );
    out.set("resolved", resolved_object(ctx, &resolved)?)?;
    out.set(
        "select",
        Function::new(ctx.clone(), move |x: f64| p.select(x))?,
    )?;
    Ok(out)
}

/// `native.relativeTimeFormat(locales, options)` → `{ format(v, unit), resolved }`.
fn relative_time_format<'js>(
    ctx: &Ctx<'js>,
    env: &DeviceEnv,
    locales: Vec<String>,
    opts: Object<'js>,
) -> rquickjs::Result<Object<'js>> {
    let locale = locale_of(ctx, env, &locales)?;
    let style_name = string(&opts, "style")?.unwrap_or_else(|| "long".into());
    let style = match style_name.as_str() {
        "short" => RelativeStyle::Short,
        "narrow" => RelativeStyle::Narrow,
        _ => RelativeStyle::Long,
    };
    let numeric = string(&opts, "numeric")?.unwrap_or_else(|| "always".into());
    let f = RelativeTimeFormat::try_new(&locale, style, numeric == "auto")
        .map_err(|e| throw(ctx, e))?;
    let f = Rc::new(f);
    let out = Object::new(ctx.clone())?;
    let resolved = Resolved::new(&locale)
        .text("style", style_name)
        .text("numeric", numeric)
        .text("numberingSystem", "latn");
    out.set("resolved", resolved_object(ctx, &resolved)?)?;
    out.set(
        "format",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, v: f64, unit: String| {
            let unit = RelativeUnit::parse(&unit).map_err(|e| throw(&ctx, e))?;
            f.format(v, unit).map_err(|e| throw(&ctx, e))
        })?,
    )?;
    Ok(out)
}

/// The native object `intl.js` is called with.
pub(super) fn native<'js>(ctx: &Ctx<'js>, env: Rc<DeviceEnv>) -> rquickjs::Result<Object<'js>> {
    let n = Object::new(ctx.clone())?;
    n.set("defaultLocale", env.locale.to_string())?;
    n.set("defaultTimeZone", env.time_zone.name())?;
    macro_rules! formatter {
        ($name:literal, $f:path) => {{
            let env = env.clone();
            n.set(
                $name,
                Function::new(
                    ctx.clone(),
                    move |ctx: Ctx<'js>, l: Vec<String>, o: Object<'js>| $f(&ctx, &env, l, o),
                )?,
            )?;
        }};
    }
    formatter!("numberFormat", number_format);
    formatter!("collator", collator);
    formatter!("pluralRules", plural_rules);
    formatter!("relativeTimeFormat", relative_time_format);
    formatter!("listFormat", super::intl_text_native::list_format);
    formatter!("displayNames", super::intl_text_native::display_names);
    formatter!("segmenter", super::intl_text_native::segmenter);
    let e = env.clone();
    n.set(
        "dateTimeFormat",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, l: Vec<String>, o: Object<'js>, d: String| {
                date_time_format(&ctx, &e, l, o, d)
            },
        )?,
    )?;
    n.set(
        "canonicalize",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, l: Vec<String>| {
            canonical_list(&ctx, l, |_| true)
        })?,
    )?;
    n.set(
        "supported",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, l: Vec<String>| {
            canonical_list(&ctx, l, mpcanvas_intl::is_shipped)
        })?,
    )?;
    n.set(
        "upper",
        case_mapping(ctx, env.clone(), mpcanvas_intl::to_locale_upper)?,
    )?;
    n.set(
        "lower",
        case_mapping(ctx, env, mpcanvas_intl::to_locale_lower)?,
    )?;
    Ok(n)
}

/// The canonical tags of `tags` that `keep` keeps, each once, in order;
/// a malformed tag throws V8's `RangeError`.
fn canonical_list(
    ctx: &Ctx<'_>,
    tags: Vec<String>,
    keep: impl Fn(&Locale) -> bool,
) -> rquickjs::Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for tag in tags {
        let locale = mpcanvas_intl::canonical_locale(&tag).map_err(|e| throw(ctx, e))?;
        let s = locale.to_string();
        if keep(&locale) && !out.contains(&s) {
            out.push(s);
        }
    }
    Ok(out)
}

/// `native.upper(s, locales)` / `native.lower(s, locales)` by `map`. Case
/// rules (tr, az, lt) need no locale data: the requested locale as given,
/// shipped or not.
fn case_mapping<'js>(
    ctx: &Ctx<'js>,
    env: Rc<DeviceEnv>,
    map: fn(&str, &Locale) -> String,
) -> rquickjs::Result<Function<'js>> {
    Function::new(
        ctx.clone(),
        move |ctx: Ctx<'js>, s: String, l: Vec<String>| {
            let locale =
                mpcanvas_intl::requested_locale(&l, &env.locale).map_err(|e| throw(&ctx, e))?;
            Ok::<_, rquickjs::Error>(map(&s, &locale))
        },
    )
}
