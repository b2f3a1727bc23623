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
    let mut db = fontdb::Database::new();
    db.load_system_fonts();
    FontCollection::from_entries(
        db.faces()
            .map(|info| {
                let data = match &info.source {
                    fontdb::Source::File(p) => {
                        let path = p.clone();
                        FontData::Deferred(Arc::new(move || {
                            let bytes: FontBytes = Arc::new(std::fs::read(&path).ok()?);
                            Some(bytes)
                        }))
                    }
                    fontdb::Source::Binary(b) => FontData::Bytes(b.clone()),
                };
                FaceEntry::from_font_info(info, data)
            })
            .collect::<Vec<_>>(),
    )
}
