//! CSS colour parsing and canvas serialisation, matching Chromium.
//!
//! A [`Color`] remembers the colour space it was written in, because canvas
//! getters serialise `lab()`, `color()` and friends in their own space, and
//! legacy colours (`rgb()`, `hsl()`, `hwb()`, hex, names) as `#rrggbb` or
//! `rgba(r, g, b, a)`. Painting always uses the 8-bit sRGB quantisation of
//! the colour ([`Color::rgb`], [`Color::alpha`]): Chromium paints that way.

mod convert;
mod named;
pub(crate) mod parse;
#[cfg(test)]
mod samples;
#[cfg(test)]
mod tests;
pub(crate) mod token;

/// The colour space (and so the serialisation form) of a [`Color`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Space {
    /// Legacy sRGB: `rgb()`, hex and keywords; channels in 0..=255.
    Rgb,
    /// `hsl()`: hue in degrees, saturation and lightness in 0..=1.
    Hsl,
    /// `hwb()`: hue in degrees, whiteness and blackness in 0..=1.
    Hwb,
    Srgb,
    SrgbLinear,
    DisplayP3,
    A98Rgb,
    ProPhoto,
    Rec2020,
    XyzD50,
    XyzD65,
    Lab,
    Lch,
    Oklab,
    Oklch,
}

impl Space {
    fn is_legacy(self) -> bool {
        matches!(self, Space::Rgb | Space::Hsl | Space::Hwb)
    }

    /// Whether channel `i` is a hue (an angle).
    fn is_hue(self, i: usize) -> bool {
        match self {
            Space::Hsl | Space::Hwb => i == 0,
            Space::Lch | Space::Oklch => i == 2,
            _ => false,
        }
    }

    /// What 100% means for channel `i`.
    fn percent_base(self, i: usize) -> f64 {
        match (self, i) {
            (Space::Rgb, _) => 255.0,
            (Space::Hsl | Space::Hwb | Space::Lab | Space::Lch, 0) => 100.0,
            (Space::Hsl | Space::Hwb, _) => 100.0,
            (Space::Lab, _) => 125.0,
            (Space::Lch, _) => 150.0,
            (Space::Oklab | Space::Oklch, 0) => 1.0,
            (Space::Oklab | Space::Oklch, _) => 0.4,
            _ => 1.0,
        }
    }

    /// The name used when serialising a non-legacy colour.
    fn css_name(self) -> &'static str {
        match self {
            Space::Srgb => "srgb",
            Space::SrgbLinear => "srgb-linear",
            Space::DisplayP3 => "display-p3",
            Space::A98Rgb => "a98-rgb",
            Space::ProPhoto => "prophoto-rgb",
            Space::Rec2020 => "rec2020",
            Space::XyzD50 => "xyz-d50",
            Space::XyzD65 => "xyz-d65",
            Space::Lab => "lab",
            Space::Lch => "lch",
            Space::Oklab => "oklab",
            Space::Oklch => "oklch",
            Space::Rgb => "rgb",
            Space::Hsl => "hsl",
            Space::Hwb => "hwb",
        }
    }
}

/// A CSS colour as a canvas style holds it.
///
/// Equality compares the stored form (space, channels, alpha, `none`s), so
/// `rgb(255 0 0)` and `color(srgb 1 0 0)` differ, as their getters do; a
/// `calc(NaN)` channel never compares equal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Color {
    space: Space,
    params: [f32; 3],
    alpha: f32,
    /// `none` components: the three params, then alpha.
    missing: [bool; 4],
}

impl Color {
    /// Opaque black, the default fill and stroke style.
    pub const BLACK: Color = Color {
        space: Space::Rgb,
        params: [0.0; 3],
        alpha: 1.0,
        missing: [false; 4],
    };
    /// Transparent black, the default shadow colour.
    pub const TRANSPARENT: Color = Color {
        space: Space::Rgb,
        params: [0.0; 3],
        alpha: 0.0,
        missing: [false; 4],
    };

    /// Builds a legacy sRGB colour from 8-bit channels (as hex or names do).
    pub fn rgba8(r: u8, g: u8, b: u8, a: u8) -> Color {
        Color {
            space: Space::Rgb,
            params: [r as f32, g as f32, b as f32],
            alpha: a as f32 / 255.0,
            missing: [false; 4],
        }
    }

    /// Parses a CSS colour string as Chromium's canvas style setters do.
    ///
    /// `None` means the string is not a colour Chromium accepts; a setter
    /// then keeps its old value.
    pub fn parse(input: &str) -> Option<Color> {
        parse::parse(input)
    }

    /// The string `ctx.fillStyle` (or `strokeStyle`, `shadowColor`) returns.
    pub fn serialize(&self) -> String {
        if !self.space.is_legacy() {
            return self.serialize_modern();
        }
        if self.alpha >= 1.0 {
            let [r, g, b] = self.rgb();
            return format!("#{r:02x}{g:02x}{b:02x}");
        }
        self.serialize_legacy_rgba()
    }

    /// Red, green, blue as the 8-bit sRGB values Chromium paints with.
    pub fn rgb(&self) -> [u8; 3] {
        let [r, g, b, _] = self.to_rgba8();
        [r, g, b]
    }

    /// Alpha in 0..=1, quantised to 8 bits as Chromium paints it.
    pub fn alpha(&self) -> f32 {
        f32::from(quantize(self.alpha)) / 255.0
    }

    /// The painted colour as 8-bit unpremultiplied sRGB `[r, g, b, a]`.
    pub fn to_rgba8(&self) -> [u8; 4] {
        let [r, g, b] = convert::to_srgb(self.space, self.params);
        [quantize(r), quantize(g), quantize(b), quantize(self.alpha)]
    }

    /// Whether the painted colour is fully opaque.
    pub fn is_opaque(&self) -> bool {
        quantize(self.alpha) == 255
    }

    /// Whether the painted colour is fully transparent (paints nothing).
    pub fn is_transparent(&self) -> bool {
        quantize(self.alpha) == 0
    }

    /// The colour for tiny-skia: unpremultiplied, each channel `n / 255`
    /// (Chromium quantises the style colour to 8 bits before painting).
    pub fn to_skia(&self) -> tiny_skia::Color {
        let [r, g, b, a] = self.to_rgba8();
        tiny_skia::Color::from_rgba8(r, g, b, a)
    }

    /// Builds a colour from parsed, already scaled channels (`None` = `none`).
    /// `alpha`: `None` if absent (opaque), `Some(None)` for `none`.
    fn from_channels(
        space: Space,
        vals: [Option<f64>; 3],
        alpha: Option<Option<f64>>,
        legacy_syntax: bool,
    ) -> Color {
        let mut missing = [false; 4];
        let mut params = [0.0f32; 3];
        for i in 0..3 {
            match vals[i] {
                Some(v) => params[i] = to_f32(adjust(space, i, v, legacy_syntax)),
                None => missing[i] = true,
            }
        }
        let mut a = match alpha {
            None => 1.0,
            Some(None) => {
                missing[3] = true;
                0.0
            }
            Some(Some(a)) => a,
        };
        if space.is_legacy() {
            // Chromium stores legacy alpha as a multiple of 1/255.
            a = (a * 255.0).round() / 255.0;
        }
        Color {
            space,
            params,
            alpha: a as f32,
            missing,
        }
    }

    /// `rgba(r, g, b, a)` for a legacy colour that is not opaque.
    fn serialize_legacy_rgba(&self) -> String {
        let chans = match self.space {
            Space::Rgb => self.params.map(f64::from),
            // 1e-7 keeps exact halves (0.5 * 255) from rounding down.
            _ => convert::to_srgb(self.space, self.params)
                .map(|c| f64::from(((c + 1e-7) as f64 * 255.0) as f32)),
        };
        let [r, g, b] = chans.map(|c| clamp_keep_nan(c, 255.0).round());
        format!("rgba({r}, {g}, {b}, {})", legacy_alpha(self.alpha))
    }

    /// `lab(...)`, `oklch(...)`, `color(space ...)`.
    fn serialize_modern(&self) -> String {
        let mut s = match self.space {
            Space::Lab | Space::Lch | Space::Oklab | Space::Oklch => {
                format!("{}(", self.space.css_name())
            }
            _ => format!("color({} ", self.space.css_name()),
        };
        for i in 0..3 {
            if i > 0 {
                s.push(' ');
            }
            if self.missing[i] {
                s.push_str("none");
            } else {
                s.push_str(&param_string(self.params[i]));
            }
        }
        if self.alpha != 1.0 || self.missing[3] {
            s.push_str(" / ");
            if self.missing[3] {
                s.push_str("none");
            } else {
                s.push_str(&precision(f64::from(self.alpha), 6));
            }
        }
        s.push(')');
        s
    }
}

/// Per-space clamping and wrapping of a parsed channel value.
fn adjust(space: Space, i: usize, v: f64, legacy_syntax: bool) -> f64 {
    if space.is_hue(i) {
        return wrap_hue(space, v);
    }
    match space {
        Space::Rgb if !v.is_finite() => {
            if v > 0.0 {
                255.0
            } else {
                0.0
            }
        }
        Space::Rgb => v.clamp(0.0, 255.0),
        Space::Hsl if i == 1 || legacy_syntax => (v / 100.0).clamp(0.0, 1.0),
        Space::Hsl => v / 100.0,
        Space::Hwb => (v / 100.0).max(0.0),
        Space::Lab | Space::Lch | Space::Oklab | Space::Oklch => lab_like(space, i, v),
        _ => v,
    }
}

/// Lightness clamps to its range, chroma to >= 0; NaN becomes 0.
fn lab_like(space: Space, i: usize, v: f64) -> f64 {
    if v.is_nan() {
        return 0.0;
    }
    let l_max = if matches!(space, Space::Lab | Space::Lch) {
        100.0
    } else {
        1.0
    };
    match i {
        0 => v.clamp(0.0, l_max),
        1 if matches!(space, Space::Lch | Space::Oklch) => v.max(0.0),
        _ => v,
    }
}

/// Wraps a hue into [0, 360). Non-finite hues: hsl()/hwb() use 0; lch()
/// and oklch() see infinities as the largest double (observed: 128 deg).
fn wrap_hue(space: Space, v: f64) -> f64 {
    let v = match (v.is_nan(), v.is_infinite(), space) {
        (true, _, _) => 0.0,
        (_, true, Space::Lch | Space::Oklch) => f64::MAX.copysign(v),
        (_, true, _) => 0.0,
        _ => v,
    };
    ((v % 360.0) + 360.0) % 360.0
}

/// Narrows to f32 the way Chromium stores channels: finite values saturate.
fn to_f32(v: f64) -> f32 {
    if v.is_finite() {
        v.clamp(-f64::from(f32::MAX), f64::from(f32::MAX)) as f32
    } else {
        v as f32
    }
}

/// Clamps to [0, max] but lets NaN through (Chromium prints it as "NaN").
fn clamp_keep_nan(v: f64, max: f64) -> f64 {
    if v >= max {
        max
    } else if v <= 0.0 {
        0.0
    } else {
        v
    }
}

/// Float channel (nominally 0..=1) to the 8-bit value Skia paints with.
fn quantize(v: f32) -> u8 {
    if v.is_nan() {
        return 0;
    }
    (v.clamp(0.0, 1.0) * 255.0 + 0.5) as u8
}

/// The CSSOM <alphavalue> rule: the 8-bit alpha, printed with two decimals
/// if those round-trip to the same byte, else with three.
fn legacy_alpha(alpha: f32) -> String {
    let int_alpha = clamp_keep_nan((f64::from(alpha + 1e-7) * 255.0).round(), 255.0);
    let two = ((int_alpha * 100.0 / 255.0).round() / 100.0) as f32;
    if (two * 255.0).round() == int_alpha as f32 {
        return precision(f64::from(two), 2);
    }
    let three = ((int_alpha * 1000.0 / 255.0).round() / 1000.0) as f32;
    precision(f64::from(three), 3)
}

/// A channel of a non-legacy colour; non-finite values print as calc().
fn param_string(p: f32) -> String {
    if p.is_nan() {
        "calc(NaN)".to_string()
    } else if p.is_infinite() {
        if p > 0.0 {
            "calc(infinity)"
        } else {
            "calc(-infinity)"
        }
        .to_string()
    } else {
        precision(f64::from(p), 6)
    }
}

/// ECMAScript `toPrecision(digits)` with trailing zeros removed from the
/// fixed form only, as Chromium's number serialisation does: exponents
/// below -6 or at least `digits` use `d.ddddde±x` (zeros kept).
fn precision(x: f64, digits: usize) -> String {
    if x == 0.0 || !x.is_finite() {
        return if x.is_nan() { "NaN".into() } else { "0".into() };
    }
    let x = nudge_tie(x, digits);
    let sci = format!("{:.*e}", digits - 1, x);
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    if exp < -6 || exp >= digits as i32 {
        let sign = if exp < 0 { '-' } else { '+' };
        return format!("{mantissa}e{sign}{}", exp.abs());
    }
    let decimals = (digits as i32 - 1 - exp).max(0) as usize;
    let fixed = format!("{x:.decimals$}");
    if fixed.contains('.') {
        fixed
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_string()
    } else {
        fixed
    }
}

/// Rust rounds exact decimal ties to even; toPrecision rounds them away
/// from zero. Moving a tie one ulp outward gives the latter.
fn nudge_tie(x: f64, digits: usize) -> f64 {
    let long = format!("{:.*e}", digits + 40, x.abs());
    let (mantissa, _) = long.split_once('e').unwrap_or((&long, ""));
    let tail: String = mantissa
        .chars()
        .filter(char::is_ascii_digit)
        .skip(digits)
        .collect();
    if tail.starts_with('5') && tail[1..].chars().all(|c| c == '0') {
        f64::from_bits(x.to_bits() + 1)
    } else {
        x
    }
}
