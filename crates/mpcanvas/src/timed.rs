//! Jobs timed stage by stage ([`Timings`]): a render saved to a file, the
//! same render repeated in one process (warm speed), a timed run.

use std::path::Path;
use std::sync::atomic::Ordering;
use std::time::Instant;

use mpcanvas_canvas::timing;
use mpcanvas_runtime::run::RunReport;
use mpcanvas_runtime::run::stream::RunObserver;

use crate::{DrawingScript, Engine, Error, Format, RenderJob, RunJob, Timings};

/// A render saved to a file ([`Engine::render_to_file`]).
#[derive(Debug, Clone)]
pub struct Rendered {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The format written.
    pub format: Format,
    /// A note naming the characters no font could draw, if any.
    pub missing_glyphs: Option<String>,
    /// Where the time went.
    pub timings: Timings,
}

/// The same render done several times in one process
/// ([`Engine::render_repeated`]).
#[derive(Debug, Clone)]
pub struct Repeated {
    /// The last render (its file is the one left on disk).
    pub last: Rendered,
    /// Every render's timings, in order (the first one cold).
    pub runs: Vec<Timings>,
}

impl Repeated {
    /// The median of each stage and of the totals over every render.
    pub fn median(&self) -> (Timings, std::time::Duration) {
        Timings::median(&self.runs).unwrap_or_default()
    }
}

impl Engine {
    /// Renders `script` and saves it to `output` as
    /// [`Image::save`](crate::Image::save) does, timing every stage. The
    /// first timed job of an engine counts the engine's own start-up.
    pub fn render_to_file(
        &self,
        script: &DrawingScript,
        job: &RenderJob,
        output: &Path,
        quality: f32,
    ) -> Result<Rendered, Error> {
        self.timed(|| {
            let image = self.render_script(script, job)?;
            // Encoding and writing are inside the job's boundary too.
            let format = crate::boundary::catching(|| image.save(output, quality))
                .map_err(Error::Internal)??;
            Ok(Rendered {
                width: image.width(),
                height: image.height(),
                format,
                missing_glyphs: image.missing_glyphs_note().map(str::to_string),
                timings: Timings::default(),
            })
        })
        .map(|(mut rendered, timings)| {
            rendered.timings = timings;
            rendered
        })
    }

    /// [`render_to_file`](Engine::render_to_file) `times` times (at least
    /// once) in this process: the first render pays for cold caches, the
    /// others show warm speed, as a render service sees it.
    pub fn render_repeated(
        &self,
        script: &DrawingScript,
        job: &RenderJob,
        output: &Path,
        quality: f32,
        times: u32,
    ) -> Result<Repeated, Error> {
        let mut runs = Vec::with_capacity(times.max(1) as usize);
        let mut last = self.render_to_file(script, job, output, quality)?;
        runs.push(last.timings);
        for _ in 1..times {
            last = self.render_to_file(script, job, output, quality)?;
            runs.push(last.timings);
        }
        Ok(Repeated { last, runs })
    }

    /// [`run_project`](Engine::run_project), timed.
    pub fn run_project_timed(
        &self,
        path: &Path,
        job: RunJob,
    ) -> Result<(RunReport, Timings), Error> {
        self.timed(|| self.run_project(path, job))
    }

    /// [`run_project_observed`](Engine::run_project_observed), timed: the
    /// report streamed to `observer` as the run goes, and where the time
    /// went.
    pub fn run_project_observed_timed(
        &self,
        path: &Path,
        job: RunJob,
        observer: Box<dyn RunObserver>,
    ) -> Result<(RunReport, Timings), Error> {
        self.timed(|| self.run_project_observed(path, job, observer))
    }

    /// Runs `job` on this thread with the stage clocks reset, and splits
    /// its wall time by them.
    fn timed<T>(&self, job: impl FnOnce() -> Result<T, Error>) -> Result<(T, Timings), Error> {
        timing::take();
        let start = Instant::now();
        let out = job()?;
        let mut timings = Timings::split(start.elapsed(), timing::take());
        if self.startup_unreported.swap(false, Ordering::Relaxed) {
            timings.startup += self.built_in;
        }
        Ok((out, timings))
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn script() -> DrawingScript {
        DrawingScript::from_source(
            "timed.js",
            "// @size 64x32\nfunction draw(ctx) { ctx.fillStyle = '#08f'; ctx.fillRect(0, 0, 64, 32); }",
        )
    }

    #[test]
    fn a_timed_render_counts_drawing_encoding_and_writing() {
        let dir = std::env::temp_dir().join(format!("mpcanvas-timed-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let out = dir.join("a.png");
        let engine = Engine::builder().system_fonts(false).build().unwrap();
        let r = engine
            .render_repeated(&script(), &RenderJob::default(), &out, 0.9, 3)
            .unwrap();
        assert_eq!((r.last.width, r.last.height, r.runs.len()), (64, 32, 3));
        assert!(std::fs::metadata(&out).unwrap().len() > 0);
        for t in &r.runs {
            assert!(t.draw > Duration::ZERO, "{t:?}");
            assert!(t.encode > Duration::ZERO, "{t:?}");
            assert!(t.write > Duration::ZERO, "{t:?}");
            assert!(t.startup > Duration::ZERO, "{t:?}");
            assert_eq!(t.decode, Duration::ZERO, "nothing to decode: {t:?}");
        }
        // The engine's own start-up is counted once, in the first render.
        assert!(r.runs[0].startup >= engine.built_in, "{:?}", r.runs[0]);
        let (median, total) = r.median();
        assert!(median.draw > Duration::ZERO && total >= median.draw);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
