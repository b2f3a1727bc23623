//! The text encodings of `FileSystemManager.readFile` / `writeFile`
//! (Node's `Buffer` encodings, which the platforms' tables copy): bytes to
//! a JS string when reading, a JS string to bytes when writing.

use base64::Engine;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::{DecodePaddingMode, general_purpose};

/// One encoding. Aliases (`utf-8`/`utf8`, `ucs2`/`utf16le`/…,
/// `binary`/`latin1`) share a variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Encoding {
    /// UTF-8; invalid bytes read as U+FFFD.
    Utf8,
    /// 7-bit: the high bit is dropped when reading.
    Ascii,
    /// One char per byte (`latin1`, `binary`); writing keeps the low byte
    /// of each UTF-16 code unit.
    Latin1,
    /// Standard base64.
    Base64,
    /// Lowercase hex digits, two per byte.
    Hex,
    /// UTF-16 little-endian (`ucs2`, `utf16le`).
    Utf16Le,
}

impl Encoding {
    /// The encoding a (case-insensitive) name means, whether or not a
    /// profile allows it.
    pub(crate) fn parse(name: &str) -> Option<Encoding> {
        Some(match name.to_ascii_lowercase().as_str() {
            "utf8" | "utf-8" => Encoding::Utf8,
            "ascii" => Encoding::Ascii,
            "latin1" | "binary" => Encoding::Latin1,
            "base64" => Encoding::Base64,
            "hex" => Encoding::Hex,
            "ucs2" | "ucs-2" | "utf16le" | "utf-16le" => Encoding::Utf16Le,
            _ => return None,
        })
    }

    /// Bytes read from a file as the string `readFile` returns.
    pub(crate) fn decode(self, bytes: &[u8]) -> String {
        match self {
            Encoding::Utf8 => String::from_utf8_lossy(bytes).into_owned(),
            Encoding::Ascii => bytes.iter().map(|b| char::from(b & 0x7f)).collect(),
            Encoding::Latin1 => bytes.iter().map(|&b| char::from(b)).collect(),
            Encoding::Base64 => general_purpose::STANDARD.encode(bytes),
            Encoding::Hex => bytes.iter().map(|b| format!("{b:02x}")).collect(),
            Encoding::Utf16Le => {
                let units: Vec<u16> = bytes
                    .chunks_exact(2)
                    .map(|p| u16::from_le_bytes([p[0], p[1]]))
                    .collect();
                String::from_utf16_lossy(&units)
            }
        }
    }

    /// The bytes `writeFile` stores for `text`, or `None` when the text is
    /// not valid in this encoding (bad base64, odd or non-hex digits).
    pub(crate) fn encode(self, text: &str) -> Option<Vec<u8>> {
        match self {
            Encoding::Utf8 => Some(text.as_bytes().to_vec()),
            // Node writes `ascii` like `latin1`: the low byte of each unit.
            Encoding::Ascii | Encoding::Latin1 => {
                Some(text.encode_utf16().map(|u| u.to_le_bytes()[0]).collect())
            }
            Encoding::Base64 => {
                let cleaned: String = text.chars().filter(|c| !c.is_ascii_whitespace()).collect();
                // Padding is optional, as in Node and the platforms' own
                // base64 helpers.
                const LENIENT: GeneralPurpose = GeneralPurpose::new(
                    &base64::alphabet::STANDARD,
                    GeneralPurposeConfig::new()
                        .with_decode_padding_mode(DecodePaddingMode::Indifferent),
                );
                LENIENT.decode(cleaned).ok()
            }
            Encoding::Hex => {
                let digits = text.as_bytes();
                if !digits.len().is_multiple_of(2) {
                    return None;
                }
                if !digits.iter().all(u8::is_ascii_hexdigit) {
                    return None;
                }
                digits
                    .chunks_exact(2)
                    .map(|p| {
                        let pair = std::str::from_utf8(p).ok()?;
                        u8::from_str_radix(pair, 16).ok()
                    })
                    .collect()
            }
            Encoding::Utf16Le => Some(text.encode_utf16().flat_map(u16::to_le_bytes).collect()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Encoding;

    #[test]
    fn every_encoding_round_trips_its_own_text() {
        let bytes: Vec<u8> = (0..=255).collect();
        for name in ["latin1", "binary", "base64", "hex"] {
            let e = Encoding::parse(name).unwrap();
            assert_eq!(e.encode(&e.decode(&bytes)).unwrap(), bytes, "{name}");
        }
        for name in ["utf8", "UTF-8", "ucs2", "utf-16le"] {
            let e = Encoding::parse(name).unwrap();
            let text = "海报 poster ✓";
            assert_eq!(e.decode(&e.encode(text).unwrap()), text, "{name}");
        }
    }

    #[test]
    fn known_values_and_refusals() {
        assert_eq!(Encoding::Hex.decode(&[0, 0xab, 0xff]), "00abff");
        assert_eq!(Encoding::Base64.decode(b"hi!"), "aGkh");
        assert_eq!(Encoding::Base64.encode("aGk").unwrap(), b"hi");
        assert_eq!(Encoding::Ascii.decode(&[0xe9]), "i");
        assert_eq!(Encoding::Utf16Le.encode("A").unwrap(), [0x41, 0]);
        assert_eq!(Encoding::Utf8.decode(&[0xff]), "\u{fffd}");
        assert_eq!(Encoding::Hex.encode("abc"), None);
        assert_eq!(Encoding::Hex.encode("zz"), None);
        assert_eq!(Encoding::Hex.encode("+1"), None);
        assert_eq!(Encoding::Base64.encode("@@@@"), None);
        assert_eq!(Encoding::parse("utf32"), None);
    }
}
