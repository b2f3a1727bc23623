//! `createCanvasContext(id, component?)`: a recorder. Calls queue actions;
//! `draw()` (on the platform, which owns the canvases) replays them.

use mpcanvas_canvas::CanvasGradient;

use super::action::Action;
use super::text::{DEFAULT_FONT, with_font_size};
use crate::canvases::Scope;

/// A legacy drawing context bound to a canvas id in a scope.
#[derive(Debug, Clone)]
pub struct CanvasContext {
    canvas_id: String,
    scope: Scope,
    actions: Vec<Action>,
    /// The `font` as of the last recorded action, for `measureText`,
    /// which answers synchronously (PL §8).
    font: String,
    font_stack: Vec<String>,
}

impl CanvasContext {
    /// A recorder for `<canvas canvas-id="canvas_id">` in `scope`.
    pub fn new(canvas_id: impl Into<String>, scope: Scope) -> Self {
        CanvasContext {
            canvas_id: canvas_id.into(),
            scope,
            actions: Vec::new(),
            font: DEFAULT_FONT.to_owned(),
            font_stack: Vec::new(),
        }
    }

    /// The canvas id.
    pub fn canvas_id(&self) -> &str {
        &self.canvas_id
    }

    /// The scope the id is looked up in.
    pub fn scope(&self) -> Scope {
        self.scope
    }

    /// Queues an action.
    pub fn record(&mut self, action: Action) {
        match &action {
            Action::SetFont(f) => self.font = f.clone(),
            Action::SetFontSize(n) if n.is_finite() && *n > 0.0 => {
                self.font = with_font_size(&self.font, *n);
            }
            Action::Save => self.font_stack.push(self.font.clone()),
            Action::Restore => {
                if let Some(f) = self.font_stack.pop() {
                    self.font = f;
                }
            }
            _ => {}
        }
        self.actions.push(action);
    }

    /// The queued actions.
    pub fn actions(&self) -> &[Action] {
        &self.actions
    }

    /// The current recorded `font`.
    pub fn font(&self) -> &str {
        &self.font
    }

    /// Empties the queue for `draw()`. The recorded state goes too: every
    /// replay starts from the default state (PL §8).
    pub(crate) fn take_actions(&mut self) -> Vec<Action> {
        self.font = DEFAULT_FONT.to_owned();
        self.font_stack.clear();
        std::mem::take(&mut self.actions)
    }

    /// `createLinearGradient(x0, y0, x1, y1)`; `None` for non-finite input.
    pub fn create_linear_gradient(
        &self,
        x0: f64,
        y0: f64,
        x1: f64,
        y1: f64,
    ) -> Option<CanvasGradient> {
        CanvasGradient::linear(x0, y0, x1, y1).ok()
    }

    /// `createCircularGradient(x, y, r)`: a radial gradient from the
    /// centre point out to radius `r`.
    pub fn create_circular_gradient(&self, x: f64, y: f64, r: f64) -> Option<CanvasGradient> {
        CanvasGradient::radial(x, y, 0.0, x, y, r).ok()
    }
}
