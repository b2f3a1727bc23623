//! Laid-out lines kept per canvas, so `measureText` and `fillText` of the
//! same string with the same font shape it once (posters measure every
//! line before drawing it).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use super::layout::{LayoutParams, TextLayout};
use super::library::Chain;
use super::{FontKerning, FontVariantCaps, TextRendering};

/// How many lines a canvas keeps; past it the cache starts over.
const MAX_LINES: usize = 1024;

/// What a layout depends on: the font chain (by identity — a library
/// builds a new chain when its fonts change), the shaping parameters and
/// the text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    chain: usize,
    size: u64,
    kerning: FontKerning,
    caps: FontVariantCaps,
    rendering: TextRendering,
    letter_spacing: u64,
    word_spacing: u64,
    text: String,
}

/// Layouts by key. The entry holds its chain, so the chain's address in
/// the key cannot be reused by another chain while the entry lives.
#[derive(Default)]
pub(crate) struct LayoutCache {
    lines: Mutex<HashMap<Key, Entry>>,
}

/// A cached line and the chain it was laid out with.
type Entry = (Arc<Chain>, Arc<TextLayout>);

impl std::fmt::Debug for LayoutCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let lines = self.lines.lock().map_or(0, |l| l.len());
        f.debug_struct("LayoutCache")
            .field("lines", &lines)
            .finish()
    }
}

impl Clone for LayoutCache {
    /// A copied canvas starts with an empty cache.
    fn clone(&self) -> Self {
        LayoutCache::default()
    }
}

impl LayoutCache {
    /// The layout of `text` with `chain` and `params`, made by `make` when
    /// not cached.
    pub(crate) fn get_or_insert(
        &self,
        text: &str,
        chain: &Arc<Chain>,
        params: &LayoutParams,
        make: impl FnOnce() -> TextLayout,
    ) -> Arc<TextLayout> {
        let key = Key {
            chain: Arc::as_ptr(chain) as usize,
            size: params.size.to_bits(),
            kerning: params.kerning,
            caps: params.caps,
            rendering: params.rendering,
            letter_spacing: params.letter_spacing.to_bits(),
            word_spacing: params.word_spacing.to_bits(),
            text: text.to_string(),
        };
        if let Ok(lines) = self.lines.lock()
            && let Some((_, layout)) = lines.get(&key)
        {
            return layout.clone();
        }
        let layout = Arc::new(make());
        // A layout cut short at the deadline or the memory limit is not
        // the text's layout: it is not kept. (A kept layout stays charged
        // to the run's budget, its text included.)
        if crate::budget::expired() {
            return layout;
        }
        if let Ok(mut lines) = self.lines.lock() {
            if lines.len() >= MAX_LINES {
                lines.clear();
            }
            lines.insert(key, (chain.clone(), layout.clone()));
        }
        layout
    }
}
