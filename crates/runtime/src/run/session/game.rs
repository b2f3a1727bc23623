//! Running a mini-game: `game.js` top to bottom, then each `--tap`.
//!
//! A `--tap` on a mini-game is a finger down at `--tap-at` (the screen's
//! centre by default), the named `GameGlobal` function called while it is
//! down, the finger up — with the user gesture on throughout, so APIs
//! that need a tap (`openSetting`) work as on a phone (PL §10).

use std::path::PathBuf;

use rquickjs::Value;

use super::Driver;
use mpcanvas_js::event_loop::EventLoop;
use mpcanvas_js::namespace::game::dispatch_touch;
use mpcanvas_js::runtime::ScriptError;

impl<'js> Driver<'_, 'js> {
    pub(super) fn run_game(&mut self, script: PathBuf) -> Result<(), ScriptError> {
        self.load_module("game", &script)?;
        self.settle()?;
        if self.options.taps.is_empty() && self.options.tap_at.is_some() {
            self.game_tap(None)?;
            self.settle()?;
        }
        for tap in self.options.taps.clone() {
            self.game_tap(Some(&tap))?;
            self.settle()?;
        }
        Ok(())
    }

    /// Performs one game tap: `touchstart` listeners, then `function`
    /// (when given; it must be a global function), then `touchend`
    /// listeners, then the promise jobs they started.
    pub(super) fn game_tap(&mut self, function: Option<&str>) -> Result<(), ScriptError> {
        let point = self.options.tap_at.unwrap_or_else(|| {
            let device =
                mpcanvas_js::host::get(&self.ctx).map_or(self.options.device, |h| h.device);
            (device.screen_width / 2.0, device.screen_height / 2.0)
        });
        let now = self.events.as_ref().map_or(0.0, EventLoop::now);
        let label = match function {
            Some(name) => format!("tap {name}"),
            None => format!("touch at {},{}", point.0, point.1),
        };
        self.set_gesture(true);
        let result = self.guarded(&label, |ctx| {
            dispatch_touch(ctx, "Start", point, now)?;
            if let Some(name) = function {
                let f: Value<'js> = ctx.globals().get(name)?;
                match f.into_function() {
                    Some(f) => f.call::<_, Value>(())?,
                    None => return Ok(false),
                };
            }
            dispatch_touch(ctx, "End", point, now)?;
            Ok(true)
        });
        // The gesture covers the listeners, the function and the promise
        // jobs they start, not later timers.
        let jobs = result.and_then(|found| self.jobs().map(|()| found));
        self.set_gesture(false);
        if jobs? == Some(false) {
            let name = function.unwrap_or_default();
            return Err(ScriptError::Host(format!(
                "--tap {name}: the game defines no global function '{name}'"
            )));
        }
        Ok(())
    }
}
