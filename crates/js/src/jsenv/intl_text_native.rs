//! The native half of `Intl.ListFormat`, `Intl.DisplayNames` and
//! `Intl.Segmenter` (text-level formatting), handed to `intl.js` with the
//! other formatters. Options arrive as strings `intl.js` has checked.

use std::rc::Rc;

use mpcanvas_intl::{
    DisplayKind, DisplayNames, FormattedPart, Granularity, ListFormat, ListType, Resolved,
};
use rquickjs::{Array, Ctx, Function, Object};

use super::DeviceEnv;
use super::intl_native::{locale_of, resolved_object, throw};

/// `formatToParts` results as JS `[{type, value}]`.
pub(super) fn parts<'js>(
    ctx: &Ctx<'js>,
    parts: Vec<FormattedPart>,
) -> rquickjs::Result<Array<'js>> {
    let array = Array::new(ctx.clone())?;
    for (i, p) in parts.into_iter().enumerate() {
        let o = Object::new(ctx.clone())?;
        o.set("type", p.kind)?;
        o.set("value", p.value)?;
        array.set(i, o)?;
    }
    Ok(array)
}

/// `formatRangeToParts` results as JS `[{type, value, source}]`.
pub(super) fn range_parts<'js>(
    ctx: &Ctx<'js>,
    parts: Vec<(FormattedPart, &'static str)>,
) -> rquickjs::Result<Array<'js>> {
    let array = Array::new(ctx.clone())?;
    for (i, (p, source)) in parts.into_iter().enumerate() {
        let o = Object::new(ctx.clone())?;
        o.set("type", p.kind)?;
        o.set("value", p.value)?;
        o.set("source", source)?;
        array.set(i, o)?;
    }
    Ok(array)
}

/// `native.listFormat(locales, {type, style})` →
/// `{ format(list), formatToParts(list), resolved }`.
pub(super) fn list_format<'js>(
    ctx: &Ctx<'js>,
    env: &DeviceEnv,
    locales: Vec<String>,
    opts: Object<'js>,
) -> rquickjs::Result<Object<'js>> {
    let locale = locale_of(ctx, env, &locales)?;
    let kind: String = opts.get("type")?;
    let style: String = opts.get("style")?;
    let list_type = ListType::parse(&kind).map_err(|e| throw(ctx, e))?;
    let f = Rc::new(ListFormat::try_new(&locale, list_type, &style).map_err(|e| throw(ctx, e))?);
    let out = Object::new(ctx.clone())?;
    let resolved = Resolved::new(&locale)
        .text("type", kind)
        .text("style", style);
    out.set("resolved", resolved_object(ctx, &resolved)?)?;
    let g = f.clone();
    out.set(
        "format",
        Function::new(ctx.clone(), move |items: Vec<String>| g.format(&items))?,
    )?;
    out.set(
        "formatToParts",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, items: Vec<String>| {
            parts(&ctx, f.format_to_parts(&items))
        })?,
    )?;
    Ok(out)
}

/// `native.displayNames(locales, {type, style, fallback, languageDisplay})`
/// → `{ of(code), resolved }`.
pub(super) fn display_names<'js>(
    ctx: &Ctx<'js>,
    env: &DeviceEnv,
    locales: Vec<String>,
    opts: Object<'js>,
) -> rquickjs::Result<Object<'js>> {
    let locale = locale_of(ctx, env, &locales)?;
    let kind: String = opts.get("type")?;
    let style: String = opts.get("style")?;
    let fallback: String = opts.get("fallback")?;
    let language_display: String = opts.get("languageDisplay")?;
    let display_kind = DisplayKind::parse(&kind).map_err(|e| throw(ctx, e))?;
    let names = DisplayNames::try_new(
        &locale,
        display_kind,
        &style,
        fallback == "code",
        &language_display,
    )
    .map_err(|e| throw(ctx, e))?;
    let out = Object::new(ctx.clone())?;
    let resolved = Resolved::new(&locale)
        .text("style", style)
        .text("type", kind)
        .text("fallback", fallback)
        .text_if(
            "languageDisplay",
            (display_kind == DisplayKind::Language).then_some(language_display),
        );
    out.set("resolved", resolved_object(ctx, &resolved)?)?;
    out.set(
        "of",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, code: String| {
            names.of(&code).map_err(|e| throw(&ctx, e))
        })?,
    )?;
    Ok(out)
}

/// `native.segmenter(locales, {granularity})` → `{ segment(text), resolved }`;
/// `segment` gives `[start, end, isWordLike]` triples in UTF-16 indices.
pub(super) fn segmenter<'js>(
    ctx: &Ctx<'js>,
    env: &DeviceEnv,
    locales: Vec<String>,
    opts: Object<'js>,
) -> rquickjs::Result<Object<'js>> {
    let locale = locale_of(ctx, env, &locales)?;
    let name: String = opts.get("granularity")?;
    let granularity = Granularity::parse(&name).map_err(|e| throw(ctx, e))?;
    let out = Object::new(ctx.clone())?;
    let resolved = Resolved::new(&locale).text("granularity", name);
    out.set("resolved", resolved_object(ctx, &resolved)?)?;
    out.set(
        "segment",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, text: String| {
            let array = Array::new(ctx.clone())?;
            for (i, s) in mpcanvas_intl::segments(&text, granularity)
                .into_iter()
                .enumerate()
            {
                let triple = Array::new(ctx.clone())?;
                triple.set(0, s.start)?;
                triple.set(1, s.end)?;
                triple.set(2, s.word_like)?;
                array.set(i, triple)?;
            }
            Ok::<_, rquickjs::Error>(array)
        })?,
    )?;
    Ok(out)
}
