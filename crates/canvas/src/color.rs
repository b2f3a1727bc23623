//! CSS colour parsing and canvas serialisation (stub: being written).

/// An sRGB colour as a canvas style holds it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Color {
    r: u8,
    g: u8,
    b: u8,
    a: f32,
}

impl Color {
    /// Opaque black, the default fill and stroke style.
    pub const BLACK: Color = Color { r: 0, g: 0, b: 0, a: 1.0 };
    /// Transparent black, the default shadow colour.
    pub const TRANSPARENT: Color = Color { r: 0, g: 0, b: 0, a: 0.0 };

    /// Builds a colour from 8-bit channels.
    pub fn rgba8(r: u8, g: u8, b: u8, a: u8) -> Color {
        Color { r, g, b, a: a as f32 / 255.0 }
    }

    /// Parses a CSS colour string.
    pub fn parse(_input: &str) -> Option<Color> {
        None
    }

    /// The serialisation a canvas getter returns.
    pub fn serialize(&self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }

    /// Red, green, blue as 8-bit values.
    pub fn rgb(&self) -> [u8; 3] {
        [self.r, self.g, self.b]
    }

    /// Alpha in 0..=1.
    pub fn alpha(&self) -> f32 {
        self.a
    }

    /// The colour for tiny-skia (unpremultiplied, f32 channels).
    pub fn to_skia(&self) -> tiny_skia::Color {
        tiny_skia::Color::from_rgba8(self.r, self.g, self.b, 255)
    }
}
