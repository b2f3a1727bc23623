//! Embedded ICC colour profiles, converted to sRGB as Chromium does.
//!
//! Chromium colour-manages decoded images: an image tagged with an RGB
//! profile (Display P3 from phone cameras, Adobe RGB from editors) is
//! converted into the canvas's sRGB before drawImage sees it, so the same
//! numbers mean the same colours. Untagged images are taken as sRGB.
//! Profiles we cannot use are ignored, as Chromium ignores a malformed
//! one: gray and CMYK profiles (the decoder has already turned such images
//! into RGB by its own rules) and profiles that do not parse. The
//! conversion (moxcms) keeps alpha as it is.

use moxcms::{ColorProfile, DataColorSpace, Layout, TransformOptions};

/// Converts unpremultiplied RGBA pixels tagged with the ICC profile `icc`
/// to sRGB in place. Returns whether the pixels were changed: `false` for
/// profiles that are ignored and for profiles equivalent to sRGB.
pub(crate) fn convert_to_srgb(icc: &[u8], rgba: &mut [u8]) -> bool {
    let Ok(profile) = ColorProfile::new_from_slice(icc) else {
        return false;
    };
    if profile.color_space != DataColorSpace::Rgb {
        return false;
    }
    let options = TransformOptions {
        // Floating point, as Chromium's converter computes.
        prefer_fixed_point: false,
        ..TransformOptions::default()
    };
    let Ok(transform) = profile.create_transform_8bit(
        Layout::Rgba,
        &ColorProfile::new_srgb(),
        Layout::Rgba,
        options,
    ) else {
        return false;
    };
    // An sRGB profile (or one that acts like it) leaves every colour as it
    // is; skipping it keeps tagged and untagged sRGB images identical.
    let probe = lattice();
    let mut mapped = vec![0; probe.len()];
    if transform.transform(&probe, &mut mapped).is_err() || mapped == probe {
        return false;
    }
    let mut out = vec![0; rgba.len()];
    if transform.transform(rgba, &mut out).is_err() {
        return false;
    }
    rgba.copy_from_slice(&out);
    true
}

/// Opaque RGBA colours on a 9×9×9 lattice over 0..=255, enough to tell
/// any real profile from sRGB.
fn lattice() -> Vec<u8> {
    let steps = [0u8, 32, 64, 96, 128, 160, 192, 224, 255];
    let mut px = Vec::with_capacity(steps.len().pow(3) * 4);
    for r in steps {
        for g in steps {
            for b in steps {
                px.extend_from_slice(&[r, g, b, 255]);
            }
        }
    }
    px
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pixels() -> Vec<u8> {
        vec![200, 100, 50, 255, 10, 220, 30, 128, 0, 0, 0, 0]
    }

    #[test]
    fn display_p3_pixels_become_more_saturated_srgb_and_keep_alpha() {
        let icc = ColorProfile::new_display_p3().encode().unwrap();
        let mut px = pixels();
        assert!(convert_to_srgb(&icc, &mut px));
        // P3's primaries lie outside sRGB's: the orange moves out in red.
        assert!(px[0] > 200 && px[2] < 50, "{px:?}");
        assert_eq!([px[3], px[7], px[11]], [255, 128, 0]);
    }

    #[test]
    fn srgb_profiles_leave_pixels_untouched() {
        let icc = ColorProfile::new_srgb().encode().unwrap();
        let mut px = pixels();
        assert!(!convert_to_srgb(&icc, &mut px));
        assert_eq!(px, pixels());
    }

    #[test]
    fn gray_and_malformed_profiles_are_ignored() {
        let gray = ColorProfile::new_gray_with_gamma(2.2).encode().unwrap();
        for icc in [gray, b"not a profile".to_vec(), Vec::new()] {
            let mut px = pixels();
            assert!(!convert_to_srgb(&icc, &mut px));
            assert_eq!(px, pixels());
        }
    }
}
