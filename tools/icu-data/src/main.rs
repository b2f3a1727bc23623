//! Regenerates `crates/intl/data` (ICU4X baked data, read through
//! `ICU4X_DATA_DIR` in `.cargo/config.toml`): ICU4X's compiled data cut
//! down by ICU4X's own exporter to the locales the simulated devices use.
//!
//! The source is the compiled data itself (CLDR 49, Unicode 18, as the
//! `icu_*_data` crates ship it), so no CLDR download is needed and the
//! values are the ones the full build has. Run from the repository root:
//! `cargo run --release --manifest-path tools/icu-data/Cargo.toml`.

extern crate alloc;

mod markers;

use std::error::Error;
use std::path::PathBuf;

use icu_provider_export::baked_exporter::{BakedExporter, Options};
use icu_provider_export::prelude::*;

/// The locale families shipped (each with its ancestors and regional
/// descendants: `en` brings `en-US`, `en-GB`…, `zh-TW` brings `zh-Hant`).
/// Keep in step with `SHIPPED_LANGUAGES` in `crates/intl/src/locale.rs`.
const FAMILIES: [&str; 4] = ["zh-CN", "zh-TW", "zh-HK", "en"];

fn main() -> Result<(), Box<dyn Error>> {
    let out = std::env::args_os()
        .nth(1)
        .map_or_else(|| PathBuf::from("crates/intl/data"), PathBuf::from);
    let families = FAMILIES
        .iter()
        .map(|f| f.parse::<DataLocaleFamily>())
        .collect::<Result<Vec<_>, _>>()?;
    let fallbacker = LocaleFallbacker::new().static_to_owned();
    let mut options = Options::default();
    options.overwrite = true;
    let exporter = BakedExporter::new(out.clone(), options)?;
    ExportDriver::new(families, DeduplicationStrategy::Maximal.into(), fallbacker)
        // Word segmentation of CJK text (V8 uses ICU's CJ dictionary);
        // the Thai, Lao, Khmer and Burmese models are left out.
        .with_segmenter_models(["cjdict".to_owned()])
        .export(&markers::Compiled, exporter)?;
    println!("wrote {}", out.display());
    Ok(())
}
