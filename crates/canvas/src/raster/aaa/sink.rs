//! Where the walker's coverage goes, with the two behaviours of Skia's
//! additive blitters that show in the pixels:
//! - small shapes (at most 32 px wide and 1024 mask bytes) collect in one
//!   mask where a "direct" write replaces what a pixel had;
//! - larger ones send whole-row pieces straight to the canvas and collect
//!   partial-row pieces per row, which are snapped on output (below 8 →
//!   0, above 247 → 255). A pixel drawn both ways is composited twice.

/// How coverage is collected (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    Mask,
    Rows,
}

/// The coverage of a rectangle of pixels under construction.
pub(super) struct Sink {
    pub(super) mode: Mode,
    pub(super) left: i32,
    pub(super) top: i32,
    pub(super) width: usize,
    pub(super) height: usize,
    direct: Vec<u8>,
    added: Vec<u8>,
}

impl Sink {
    pub(super) fn new(mode: Mode, left: i32, top: i32, width: usize, height: usize) -> Sink {
        let added = if mode == Mode::Rows {
            vec![0; width * height]
        } else {
            Vec::new()
        };
        Sink {
            mode,
            left,
            top,
            width,
            height,
            direct: vec![0; width * height],
            added,
        }
    }

    fn index(&self, x: i32, y: i32) -> Option<usize> {
        let (cx, cy) = (x - self.left, y - self.top);
        if cx < 0 || cy < 0 || cx as usize >= self.width || cy as usize >= self.height {
            return None;
        }
        Some(cy as usize * self.width + cx as usize)
    }

    pub(super) fn is_mask(&self) -> bool {
        self.mode == Mode::Mask
    }

    /// Adds coverage (saturating at full).
    pub(super) fn add(&mut self, x: i32, y: i32, alpha: u8) {
        if let Some(i) = self.index(x, y) {
            let slot = match self.mode {
                Mode::Mask => &mut self.direct[i],
                Mode::Rows => &mut self.added[i],
            };
            *slot = slot.saturating_add(alpha);
        }
    }

    pub(super) fn add_span(&mut self, x: i32, y: i32, len: i32, alpha: u8) {
        for i in 0..len.max(0) {
            self.add(x + i, y, alpha);
        }
    }

    /// A direct write: replaces in a mask, composites onto the canvas
    /// otherwise.
    pub(super) fn put(&mut self, x: i32, y: i32, alpha: u8) {
        if let Some(i) = self.index(x, y) {
            let slot = &mut self.direct[i];
            *slot = match self.mode {
                Mode::Mask => alpha,
                Mode::Rows => over(*slot, alpha),
            };
        }
    }

    pub(super) fn put_span(&mut self, x: i32, y: i32, len: i32, alpha: u8) {
        for i in 0..len.max(0) {
            self.put(x + i, y, alpha);
        }
    }

    /// A column of direct writes.
    pub(super) fn put_column(&mut self, x: i32, y: i32, height: i32, alpha: u8) {
        if alpha == 0 && self.mode == Mode::Mask {
            return;
        }
        for j in 0..height.max(0) {
            self.put(x, y + j, alpha);
        }
    }

    /// A rectangle with partial left/right columns, written directly.
    pub(super) fn put_anti_rect(
        &mut self,
        x: i32,
        y: i32,
        width: i32,
        height: i32,
        left: u8,
        right: u8,
    ) {
        self.put_column(x, y, height, left);
        self.put_column(x + 1 + width, y, height, right);
        for j in 0..height.max(0) {
            self.put_span(x + 1, y + j, width, 0xFF);
        }
    }

    /// The finished coverage, one byte per pixel, row by row.
    pub(super) fn finish(self) -> Vec<u8> {
        match self.mode {
            Mode::Mask => self.direct,
            Mode::Rows => self
                .direct
                .iter()
                .zip(&self.added)
                .map(|(&d, &a)| over(d, snap(a)))
                .collect(),
        }
    }
}

/// Row coverage output snaps near-empty and near-full values.
fn snap(alpha: u8) -> u8 {
    match alpha {
        0..=7 => 0,
        248..=255 => 255,
        a => a,
    }
}

/// Coverage of two composites of the same paint at `a` then `b`.
fn over(a: u8, b: u8) -> u8 {
    if a == 0 {
        return b;
    }
    if b == 0 {
        return a;
    }
    let (a, b) = (a as u32, b as u32);
    (a + b - (a * b + 127) / 255) as u8
}
