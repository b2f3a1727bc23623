//! `Intl.Segmenter`: grapheme clusters, words (with dictionary breaks for
//! Chinese and Japanese, as ICU in V8 does) and sentences on ICU4X.

use icu_segmenter::options::{SentenceBreakInvariantOptions, WordBreakInvariantOptions};
use icu_segmenter::{GraphemeClusterSegmenter, SentenceSegmenter, WordSegmenter};

use crate::IntlError;

/// `granularity`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Granularity {
    /// `grapheme`: user-perceived characters (emoji sequences stay whole).
    Grapheme,
    /// `word`: words, spaces and punctuation, each a segment.
    Word,
    /// `sentence`: sentences with their trailing spaces.
    Sentence,
}

impl Granularity {
    /// `grapheme` | `word` | `sentence`.
    pub fn parse(name: &str) -> Result<Self, IntlError> {
        match name {
            "grapheme" => Ok(Granularity::Grapheme),
            "word" => Ok(Granularity::Word),
            "sentence" => Ok(Granularity::Sentence),
            _ => Err(crate::error::out_of_range("Segmenter", "granularity", name)),
        }
    }
}

/// One segment: UTF-16 offsets (JS string indices) and, for words,
/// whether it is word-like (letters, numbers, ideographs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    /// Start index in UTF-16 code units.
    pub start: usize,
    /// End index in UTF-16 code units.
    pub end: usize,
    /// `isWordLike` (`None` for graphemes).
    pub word_like: Option<bool>,
}

/// Splits `text` into segments of `granularity`.
pub fn segments(text: &str, granularity: Granularity) -> Vec<Segment> {
    // Byte offsets from ICU4X, turned into UTF-16 offsets as we go.
    let mut out = Vec::new();
    let mut utf16 = 0;
    let mut last = 0;
    let mut push = |end: usize, word_like: Option<bool>| {
        if end > last {
            let len: usize = text[last..end].chars().map(char::len_utf16).sum();
            out.push(Segment {
                start: utf16,
                end: utf16 + len,
                word_like,
            });
            utf16 += len;
            last = end;
        }
    };
    match granularity {
        Granularity::Grapheme => {
            for end in GraphemeClusterSegmenter::new().segment_str(text) {
                push(end, None);
            }
        }
        Granularity::Word => {
            let words = WordSegmenter::new_dictionary(WordBreakInvariantOptions::default());
            for (end, kind) in words.segment_str(text).iter_with_word_type() {
                push(end, Some(kind.is_word_like()));
            }
        }
        Granularity::Sentence => {
            let sentences = SentenceSegmenter::new(SentenceBreakInvariantOptions::default());
            for end in sentences.segment_str(text) {
                push(end, None);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, g: Granularity) -> Vec<String> {
        let units: Vec<u16> = text.encode_utf16().collect();
        segments(text, g)
            .iter()
            .map(|s| String::from_utf16(&units[s.start..s.end]).unwrap())
            .collect()
    }

    #[test]
    fn graphemes_keep_emoji_sequences_whole() {
        assert_eq!(texts("a👨‍👩‍👧é", Granularity::Grapheme), ["a", "👨‍👩‍👧", "é"]);
    }

    #[test]
    fn words_split_chinese_by_dictionary_and_mark_word_like() {
        let s = segments("Hello, 世界", Granularity::Word);
        let like: Vec<_> = s.iter().map(|s| s.word_like).collect();
        assert_eq!(
            texts("Hello, 世界", Granularity::Word),
            ["Hello", ",", " ", "世界"]
        );
        assert_eq!(like, [Some(true), Some(false), Some(false), Some(true)]);
    }
}
