//! WOFF and WOFF2 font containers, unpacked to plain SFNT data (wuff;
//! WOFF2 through its Brotli decoder). Other data passes through as is.

use crate::error::{Error, ErrorKind, Result};

/// `bytes` as SFNT data: WOFF/WOFF2 unpacked, anything else unchanged.
pub(crate) fn decode(bytes: Vec<u8>) -> Result<Vec<u8>> {
    let unpacked = match bytes.get(..4) {
        Some(b"wOFF") => wuff::decompress_woff1(&bytes),
        Some(b"wOF2") => wuff::decompress_woff2(&bytes),
        _ => return Ok(bytes),
    };
    unpacked.map_err(|e| {
        Error::new(
            ErrorKind::Encoding,
            format!("invalid font data: cannot unpack WOFF: {e:?}"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_fonts_pass_through_and_bad_woff_is_an_error() {
        assert_eq!(decode(vec![0, 1, 0, 0, 9]).unwrap(), vec![0, 1, 0, 0, 9]);
        assert_eq!(
            decode(b"wOF2 junk".to_vec()).unwrap_err().kind,
            ErrorKind::Encoding
        );
    }
}
