//! Laying out one line of canvas text: split it into clusters, give each
//! cluster the first face in the fallback chain that has its character,
//! shape each run of one face with HarfRust, and place the glyphs with
//! letter and word spacing.
//!
//! Positions are in CSS px from the text's start on the alphabetic
//! baseline, y down. Advances are kept to 1/65536 px, as HarfBuzz's 16.16
//! positions in Chromium are.

use std::ops::Range;
use std::sync::Arc;

use harfrust::{Buffer, Direction, Feature, Language, Script, ShapeOptions, ShaperFont, Tag};

use super::library::{Chain, ChosenFace};
use super::{FontKerning, FontVariantCaps, TextRendering};
use crate::budget::Charge;

/// Everything from the drawing state that shapes text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LayoutParams {
    /// Font size in px.
    pub(crate) size: f64,
    /// `fontKerning`.
    pub(crate) kerning: FontKerning,
    /// `fontVariantCaps`.
    pub(crate) caps: FontVariantCaps,
    /// `textRendering`.
    pub(crate) rendering: TextRendering,
    /// `letterSpacing` in px.
    pub(crate) letter_spacing: f64,
    /// `wordSpacing` in px.
    pub(crate) word_spacing: f64,
}

/// A positioned glyph.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct PlacedGlyph {
    /// Index into [`TextLayout::faces`].
    pub(crate) face: usize,
    /// Glyph id in that face.
    pub(crate) gid: u32,
    /// Origin, px from the start of the text (x right, y down).
    pub(crate) x: f64,
    pub(crate) y: f64,
}

/// A laid-out line.
#[derive(Debug, Clone)]
pub(crate) struct TextLayout {
    /// The faces glyphs refer to.
    pub(crate) faces: Vec<ChosenFace>,
    /// Glyphs in visual order.
    pub(crate) glyphs: Vec<PlacedGlyph>,
    /// Advance width including spacing, px.
    pub(crate) width: f64,
    /// Font size, px.
    pub(crate) size: f64,
    /// The face font-wide metrics come from.
    pub(crate) primary: Option<ChosenFace>,
    /// Characters no face has (drawn as the primary face's missing glyph).
    pub(crate) missing: Vec<char>,
    /// The layout's memory, charged to the run's budget while it lives
    /// (cached layouts included): [`BYTES_PER_CHAR`] a character.
    _charge: Charge,
}

/// Bytes a layout takes per character of its text: a cluster range (16,
/// then the cached key's copy of the text in its place) and a placed glyph
/// (32); HarfRust's buffer holds one chunk ([`CHUNK_BYTES`]) at a time on
/// top. Charged before the work, so megabytes of text under a small
/// memory limit are refused instead of allocated.
const BYTES_PER_CHAR: u64 = 48;

/// The text as canvas draws it: ASCII whitespace becomes spaces.
pub(crate) fn prepare(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' | '\n' | '\x0c' | '\r' => ' ',
            c => c,
        })
        .collect()
}

/// Lays out `text` (already [`prepare`]d) with the faces of `chain`.
pub(crate) fn layout(text: &str, chain: &Chain, p: &LayoutParams) -> TextLayout {
    // Refused over the memory limit: nothing is laid out (the step stops
    // and the run ends with its memory-limit outcome).
    let charge = crate::budget::scratch(text.chars().count() as u64 * BYTES_PER_CHAR);
    let empty = charge.is_none() || text.is_empty();
    let mut out = TextLayout {
        faces: Vec::new(),
        glyphs: Vec::new(),
        width: 0.0,
        size: p.size,
        primary: chain.primary.clone(),
        missing: Vec::new(),
        _charge: charge.unwrap_or_default(),
    };
    if empty {
        return out;
    }
    let mut runs: Vec<Run> = Vec::new();
    for (i, cluster) in clusters(text).into_iter().enumerate() {
        // Megabytes of text stop at the run's deadline (the call then
        // draws nothing).
        if i % crate::budget::CHECK_EVERY == 0 && crate::budget::expired() {
            return out;
        }
        let base = text[cluster.clone()].chars().next().unwrap_or(' ');
        let chosen = match chain.face_for(base) {
            Some(f) => Some(f),
            None => {
                if !is_invisible(base) {
                    out.missing.push(base);
                }
                chain.primary.clone()
            }
        };
        let Some(chosen) = chosen else { continue };
        let index = face_index(&mut out.faces, chosen);
        match runs.last_mut() {
            Some(run) if run.face == index && run.range.end == cluster.start => {
                if ends_chunk(text, &run.range) {
                    runs.push(Run {
                        range: cluster,
                        face: index,
                        continues: true,
                    });
                } else {
                    run.range.end = cluster.end;
                }
            }
            _ => runs.push(Run {
                range: cluster,
                face: index,
                continues: false,
            }),
        }
    }
    let features = features(p);
    let mut x = 0.0;
    let mut segment: Option<Segment> = None;
    for run in runs {
        // Between two runs (and two chunks of a long one) is where the
        // shaping of megabytes of text stops at the deadline.
        if crate::budget::expired() {
            break;
        }
        let inherited = if run.continues { segment.take() } else { None };
        let (next_x, used) = shape_run(text, &run, inherited, &features, p, x, &mut out);
        x = next_x;
        segment = used;
    }
    out.width = x;
    out
}

/// A run of text shaped with one face. A long run of one face is shaped
/// in chunks ([`ends_chunk`]); a chunk `continues` the run before it and
/// is shaped with that run's direction, script and language.
struct Run {
    range: Range<usize>,
    face: usize,
    continues: bool,
}

/// The direction, script and language a run was shaped with.
type Segment = (Direction, Option<Script>, Option<Language>);

/// Bytes of one face's text shaped at once, at least: past this a run is
/// cut after a space (where Chromium's word cache cuts text too, so the
/// glyphs do not change), past four times this at any cluster boundary
/// (text with no spaces). Shorter text, every poster's line, is shaped
/// whole as before.
const CHUNK_BYTES: usize = 4096;

/// Whether the run `range` is long enough to end before the next cluster.
fn ends_chunk(text: &str, range: &Range<usize>) -> bool {
    let len = range.len();
    len >= 4 * CHUNK_BYTES || (len >= CHUNK_BYTES && text[..range.end].ends_with(' '))
}

fn face_index(faces: &mut Vec<ChosenFace>, chosen: ChosenFace) -> usize {
    if let Some(i) = faces.iter().position(|f| {
        Arc::ptr_eq(&f.face, &chosen.face) && f.bold == chosen.bold && f.italic == chosen.italic
    }) {
        return i;
    }
    faces.push(chosen);
    faces.len() - 1
}

/// OpenType features for the state: kerning and ligatures as Chromium
/// sets them (letter spacing turns optional ligatures off; optimizeSpeed
/// turns off ligatures, and kerning unless `fontKerning` asks for it by
/// name, as the corpus's Chromium reference shows), and the caps variants.
fn features(p: &LayoutParams) -> Vec<Feature> {
    let mut f = Vec::new();
    let mut set = |tag: &[u8; 4], on: bool| f.push(Feature::new(Tag::new(tag), u32::from(on), ..));
    let speed = p.rendering == TextRendering::OptimizeSpeed;
    if p.kerning == FontKerning::None || (speed && p.kerning == FontKerning::Auto) {
        set(b"kern", false);
    }
    if p.letter_spacing != 0.0 || speed {
        set(b"liga", false);
        set(b"clig", false);
    }
    match p.caps {
        FontVariantCaps::Normal => {}
        FontVariantCaps::SmallCaps => set(b"smcp", true),
        FontVariantCaps::AllSmallCaps => {
            set(b"smcp", true);
            set(b"c2sc", true);
        }
        FontVariantCaps::PetiteCaps => set(b"pcap", true),
        FontVariantCaps::AllPetiteCaps => {
            set(b"pcap", true);
            set(b"c2pc", true);
        }
        FontVariantCaps::Unicase => set(b"unic", true),
        FontVariantCaps::TitlingCaps => set(b"titl", true),
    }
    f
}

/// Shapes `text[run.range]` with its face starting at `x`, with the
/// segment properties `inherited` from the chunk before (guessed from the
/// text when `None`); returns the pen position after it and the
/// properties used.
fn shape_run(
    text: &str,
    run: &Run,
    inherited: Option<Segment>,
    features: &[Feature],
    p: &LayoutParams,
    mut x: f64,
    out: &mut TextLayout,
) -> (f64, Option<Segment>) {
    let (range, face) = (run.range.clone(), run.face);
    let chosen = out.faces[face].clone();
    let font = &chosen.face.font;
    let shaper = ShaperFont::new(font);
    let mut buffer = Buffer::new();
    buffer.push_str(&text[range.clone()]);
    buffer.set_pre_context(&text[..range.start]);
    buffer.set_post_context(&text[range.end..]);
    match inherited {
        Some((direction, script, language)) => {
            buffer.set_direction(direction);
            buffer.set_script(script);
            buffer.set_language(language);
        }
        None => buffer.guess_segment_properties(),
    }
    // A plan needs a direction (ShapePlan::new panics without one);
    // without, harfrust's own check reports the error.
    let language = buffer.language().cloned();
    let used = Some((buffer.direction(), buffer.script(), language.clone()));
    let plan = (buffer.direction() != Direction::Invalid).then(|| {
        chosen.face.shape_plan(
            buffer.direction(),
            buffer.script(),
            language.as_ref(),
            features,
        )
    });
    let options = ShapeOptions::new().features(features).plan(plan.as_deref());
    if harfrust::shape(&shaper, &mut buffer, options).is_err() {
        return (x, used);
    }
    // HarfBuzz in Chromium works in 16.16 fixed point at the font size.
    let unit = p.size / chosen.face.upem;
    let fixed = |v: i32| (f64::from(v) * unit * 65536.0).round() / 65536.0;
    let infos = buffer.glyph_infos();
    let positions = buffer.glyph_positions();
    for (k, (info, pos)) in infos.iter().zip(positions).enumerate() {
        out.glyphs.push(PlacedGlyph {
            face,
            gid: info.glyph_id,
            x: x + fixed(pos.x_offset),
            y: -fixed(pos.y_offset),
        });
        x += fixed(pos.x_advance);
        let cluster_ends = infos.get(k + 1).is_none_or(|n| n.cluster != info.cluster);
        if cluster_ends {
            x += p.letter_spacing;
            let start = range.start + info.cluster as usize;
            if p.word_spacing != 0.0 && text[start..].starts_with([' ', '\u{a0}']) {
                x += p.word_spacing;
            }
        }
    }
    (x, used)
}

/// Characters that need no glyph of their own.
fn is_invisible(c: char) -> bool {
    c.is_control() || is_joiner(c) || is_variation_selector(c)
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200c}' | '\u{200d}')
}

fn is_variation_selector(c: char) -> bool {
    matches!(c, '\u{fe00}'..='\u{fe0f}' | '\u{e0100}'..='\u{e01ef}')
}

/// Whether `c` belongs to the cluster before it: combining marks,
/// joiners, variation selectors, emoji modifiers and tags, enclosing
/// keycaps.
fn extends(c: char) -> bool {
    harfrust::unicode::combining_class(c as u32) != 0
        || is_joiner(c)
        || is_variation_selector(c)
        || matches!(c,
            '\u{0300}'..='\u{036f}'
            | '\u{20d0}'..='\u{20ff}'
            | '\u{1f3fb}'..='\u{1f3ff}'
            | '\u{e0020}'..='\u{e007f}')
}

fn is_regional_indicator(c: char) -> bool {
    matches!(c, '\u{1f1e6}'..='\u{1f1ff}')
}

/// Byte ranges of the clusters fallback works on: a base character and
/// what extends it (a ZWJ also pulls in the next character; regional
/// indicators pair up into flags).
pub(crate) fn clusters(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut prev: Option<char> = None;
    let mut ri_pending = false;
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        let joins = match (prev, out.last()) {
            (Some(p), Some(_)) => {
                extends(c) || p == '\u{200d}' || (ri_pending && is_regional_indicator(c))
            }
            _ => false,
        };
        if is_regional_indicator(c) {
            ri_pending = !(joins && ri_pending);
        } else if !joins {
            ri_pending = false;
        }
        if joins {
            if let Some(last) = out.last_mut() {
                last.end = end;
            }
        } else {
            out.push(i..end);
        }
        prev = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        clusters(s).into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn clusters_keep_marks_and_emoji_sequences_together() {
        assert_eq!(split("ae\u{301}b"), ["a", "e\u{301}", "b"]);
        assert_eq!(split("你好"), ["你", "好"]);
        assert_eq!(split("👍🏽x👨\u{200d}👩"), ["👍🏽", "x", "👨\u{200d}👩"]);
        assert_eq!(split("🇨🇳🇺🇸"), ["🇨🇳", "🇺🇸"]);
        assert_eq!(split("❤\u{fe0f}"), ["❤\u{fe0f}"]);
    }

    #[test]
    fn whitespace_becomes_spaces() {
        assert_eq!(prepare("a\tb\nc"), "a b c");
    }
}
