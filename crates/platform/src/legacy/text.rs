//! Text for the legacy context, behind a small trait so a host can draw
//! or measure text its own way; [`EngineText`](super::EngineText), the
//! canvas engine's text, is the default. Also the legacy API's font
//! bookkeeping (`setFontSize` edits the `font` shorthand).

use mpcanvas_canvas::Context2d;

/// Draws and measures text for the legacy context's replay.
pub trait TextBackend {
    /// Draws `text` (filled, or stroked when `stroke`) at `(x, y)` in the
    /// current user space of `ctx`, with the CSS `font` shorthand the
    /// recording set. `Err` says why nothing was drawn.
    #[expect(
        clippy::too_many_arguments,
        reason = "mirrors fillText plus font and mode"
    )]
    fn draw_text(
        &mut self,
        ctx: &mut Context2d,
        font: &str,
        text: &str,
        x: f64,
        y: f64,
        max_width: Option<f64>,
        stroke: bool,
    ) -> Result<(), String>;

    /// The advance width of `text` in `font`, in CSS px; `None` if text
    /// cannot be measured.
    fn measure(&mut self, font: &str, text: &str) -> Option<f64>;
}

/// The default `font` of a context.
pub const DEFAULT_FONT: &str = "10px sans-serif";

/// `setFontSize(n)`: replaces the `<number>px` size in `font`, keeping
/// style, weight and family; a font with no px size gets one in front.
pub fn with_font_size(font: &str, size: f64) -> String {
    let size = format!("{}px", fmt_number(size));
    let mut words: Vec<String> = font.split_whitespace().map(str::to_owned).collect();
    match words.iter().position(|w| is_px_size(w)) {
        Some(i) => {
            // Keep a `/line-height` suffix.
            let rest = words[i].split_once('/').map(|(_, lh)| format!("/{lh}"));
            words[i] = format!("{size}{}", rest.unwrap_or_default());
            words.join(" ")
        }
        None if words.is_empty() => format!("{size} sans-serif"),
        None => format!("{size} {}", words.join(" ")),
    }
}

fn is_px_size(word: &str) -> bool {
    let size = word.split('/').next().unwrap_or(word);
    size.strip_suffix("px")
        .is_some_and(|n| !n.is_empty() && n.parse::<f64>().is_ok())
}

/// Numbers as JS prints them for whole values (`20`, not `20.0`).
fn fmt_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_font_size_changes_only_the_size() {
        assert_eq!(with_font_size(DEFAULT_FONT, 20.0), "20px sans-serif");
        assert_eq!(
            with_font_size("italic bold 12px/1.5 \"PingFang SC\"", 30.0),
            "italic bold 30px/1.5 \"PingFang SC\""
        );
        assert_eq!(with_font_size("serif", 16.5), "16.5px serif");
        assert_eq!(with_font_size("", 8.0), "8px sans-serif");
    }
}
