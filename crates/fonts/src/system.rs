//! The system's installed fonts (fontconfig's folders), indexed once per
//! process on first need. Each file is read only when a face of it is
//! first drawn.

use std::sync::{Arc, OnceLock};

use mpcanvas_canvas::{FaceEntry, FontBytes, FontCollection, FontData};

/// The installed faces.
pub fn collection() -> FontCollection {
    static SYSTEM: OnceLock<FontCollection> = OnceLock::new();
    SYSTEM.get_or_init(scan).clone()
}

fn scan() -> FontCollection {
    const STRETCH: [f32; 9] = [50.0, 62.5, 75.0, 87.5, 100.0, 112.5, 125.0, 150.0, 200.0];
    let mut db = fontdb::Database::new();
    db.load_system_fonts();
    FontCollection::from_entries(
        db.faces()
            .map(|info| FaceEntry {
                families: info.families.iter().map(|(n, _)| n.clone()).collect(),
                weight: f32::from(info.weight.0),
                italic: info.style != fontdb::Style::Normal,
                stretch: STRETCH[usize::from(info.stretch.to_number().clamp(1, 9)) - 1],
                index: info.index,
                data: match &info.source {
                    fontdb::Source::File(p) => {
                        let path = p.clone();
                        FontData::Deferred(Arc::new(move || {
                            let bytes: FontBytes = Arc::new(std::fs::read(&path).ok()?);
                            Some(bytes)
                        }))
                    }
                    fontdb::Source::Binary(b) => {
                        let bytes: FontBytes = b.clone();
                        FontData::Bytes(bytes)
                    }
                },
            })
            .collect::<Vec<_>>(),
    )
}
