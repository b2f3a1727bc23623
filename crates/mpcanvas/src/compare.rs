//! One project on several platforms (`mpcanvas run PROJECT --platform
//! all`): each profile that can run it runs it in its own data folder,
//! then the images they wrote are set side by side with a pixel-difference
//! map, and the calls whose results differ are listed.
//!
//! A profile can run a project written in its [sources](Profile::sources)
//! (Douyin and Feishu share `tt` and `.ttml`); the others are listed as
//! skipped with the reason.

use std::path::{Path, PathBuf};

use mpcanvas_canvas::{Image, Limits};
use mpcanvas_export::{ExportOptions, Format, Pixels, PngCompression, SourceRect};
use mpcanvas_platform::{Event, Profile};
use serde_json::{Value, json};

use crate::{Engine, Error, RunJob, RunReport};

/// How one platform took part.
#[derive(Debug)]
pub enum PlatformRun {
    /// It ran the project.
    Ran(Box<RunReport>),
    /// It could not run the project, and why.
    Skipped(String),
}

/// One profile's part in a comparison.
#[derive(Debug)]
pub struct PlatformEntry {
    /// The profile name.
    pub platform: String,
    /// Its run, or why there is none.
    pub run: PlatformRun,
}

/// The n-th image each platform wrote, compared with the first
/// platform's.
#[derive(Debug)]
pub struct ImageRow {
    /// Which image (0: the first written).
    pub index: usize,
    /// `(platform, file)` for every platform that ran; `None` when it
    /// wrote fewer images.
    pub files: Vec<(String, Option<PathBuf>)>,
    /// The difference of each later platform's image from the first's.
    pub diffs: Vec<ImageDiff>,
}

/// How one image differs from the baseline platform's.
#[derive(Debug)]
pub struct ImageDiff {
    /// The platform compared.
    pub platform: String,
    /// The platform it is compared with (the first that ran).
    pub baseline: String,
    /// `(width, height)` of the baseline's image and of this one.
    pub sizes: [(u32, u32); 2],
    /// Pixels that differ in any channel (over the larger size; pixels
    /// only one image covers count as different).
    pub differing_pixels: u64,
    /// The largest channel difference where both images have the pixel.
    pub max_delta: u8,
    /// The difference map PNG: unchanged pixels as a faded baseline, a
    /// changed one red (brighter for a larger difference), a pixel only
    /// one image covers magenta.
    pub map: PathBuf,
}

/// The n-th call of one API, whose outcome is not the same everywhere.
#[derive(Debug)]
pub struct CallDiff {
    /// The API as reported on the first platform (`wx.canvasToTempFilePath`).
    pub api: String,
    /// Which call of that API (0: the first).
    pub nth: usize,
    /// `(platform, ok, result)`; `ok` is `None` where the platform made
    /// no such call.
    pub outcomes: Vec<(String, Option<bool>, Value)>,
}

/// The result of [`Engine::run_platforms`].
#[derive(Debug)]
pub struct Comparison {
    /// The project run.
    pub project: PathBuf,
    /// Every profile asked for, in order.
    pub platforms: Vec<PlatformEntry>,
    /// Images side by side.
    pub images: Vec<ImageRow>,
    /// Calls whose outcomes differ.
    pub calls: Vec<CallDiff>,
}

/// Paths, file names and other per-run values in results are replaced by
/// their kind, so only real differences remain.
fn comparable(v: &Value) -> Value {
    match v {
        Value::String(s) if s.contains("://") || s.starts_with('/') => "<path>".into(),
        Value::Object(o) => Value::Object(
            o.iter()
                .map(|(k, v)| {
                    // `errMsg` names the API, which differs by namespace only.
                    let v = match (k.as_str(), v) {
                        ("errMsg", Value::String(s)) => {
                            Value::String(s.split_once(':').map_or(s.as_str(), |(_, r)| r).into())
                        }
                        _ => comparable(v),
                    };
                    (k.clone(), v)
                })
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(comparable).collect()),
        other => other.clone(),
    }
}

/// The API's name without its namespace (`canvasToTempFilePath`).
fn bare(api: &str) -> &str {
    match api.split_once('.') {
        Some((ns, rest)) if ["wx", "my", "tt"].contains(&ns) => rest,
        _ => api,
    }
}

/// The images a run wrote: its temp files that decode, then its album's.
fn images_of(report: &RunReport) -> Vec<PathBuf> {
    report
        .temp_files
        .iter()
        .chain(&report.album)
        .map(|f| f.real_path.clone())
        .filter(|p| decode(p).is_some())
        .collect()
}

fn decode(path: &Path) -> Option<Image> {
    let bytes = std::fs::read(path).ok()?;
    Image::decode(&bytes, &Limits::default()).ok()
}

/// Compares `image` with `base` and writes the difference map to `map`.
fn diff(base: &Image, image: &Image, map: &Path) -> Result<(u64, u8), Error> {
    let (bw, bh) = (base.width(), base.height());
    let (iw, ih) = (image.width(), image.height());
    let (w, h) = (bw.max(iw), bh.max(ih));
    let (a, b) = (base.to_rgba8(), image.to_rgba8());
    let mut out = Vec::with_capacity((w * h * 4) as usize);
    let (mut differing, mut max_delta) = (0u64, 0u8);
    for y in 0..h {
        for x in 0..w {
            let at = |img: &[u8], iw: u32, ih: u32| {
                (x < iw && y < ih).then(|| {
                    let i = ((y * iw + x) * 4) as usize;
                    [img[i], img[i + 1], img[i + 2], img[i + 3]]
                })
            };
            let px = match (at(&a, bw, bh), at(&b, iw, ih)) {
                (Some(p), Some(q)) => {
                    let d = p
                        .iter()
                        .zip(q)
                        .map(|(p, q)| p.abs_diff(q))
                        .max()
                        .unwrap_or(0);
                    max_delta = max_delta.max(d);
                    if d == 0 {
                        // A faded view of the baseline, for orientation.
                        let grey =
                            ((u32::from(p[0]) + u32::from(p[1]) + u32::from(p[2])) / 3) as u8;
                        let faded = 255 - (255 - grey) / 4;
                        [faded, faded, faded, 255]
                    } else {
                        differing += 1;
                        [128u8.saturating_add(d / 2), 0, 0, 255]
                    }
                }
                _ => {
                    differing += 1;
                    [255, 0, 255, 255]
                }
            };
            out.extend_from_slice(&px);
        }
    }
    let format = Format::Png {
        compression: PngCompression::default(),
    };
    let src = SourceRect {
        x: 0,
        y: 0,
        width: w,
        height: h,
    };
    let png = mpcanvas_export::export(
        Pixels::new(w, h, &out),
        src,
        &ExportOptions::new(w, h, format),
    )
    .map_err(Error::Encode)?;
    mpcanvas_platform::atomic::write(map, &png).map_err(|source| Error::Write {
        path: map.to_owned(),
        source,
    })?;
    Ok((differing, max_delta))
}

impl Engine {
    /// Runs the project at `path` on each of `platforms` (profile names)
    /// that can run it, each in `job.out_dir/<platform>/`, and compares
    /// them; difference maps go to `job.out_dir/compare/`.
    pub fn run_platforms(
        &self,
        path: &Path,
        job: &RunJob,
        platforms: &[String],
    ) -> Result<Comparison, Error> {
        let written_in = crate::detect_platform(path)
            .map(|d| self.profile(d.platform))
            .transpose()?
            .map(|p| p.sources);
        let mut entries = Vec::new();
        for name in platforms {
            let profile: Profile = self.profile(name)?;
            let run = match &written_in {
                Some(sources) if *sources != profile.sources => PlatformRun::Skipped(format!(
                    "the project is written in {sources}; {name} runs {} projects{}",
                    profile.sources,
                    profile
                        .foreign_sources
                        .get(sources)
                        .map_or(String::new(), |why| format!(" ({why})"))
                )),
                _ => {
                    let mut one = job.clone();
                    one.platform = name.clone();
                    one.out_dir = job.out_dir.join(name);
                    PlatformRun::Ran(Box::new(self.run_project(path, one)?))
                }
            };
            entries.push(PlatformEntry {
                platform: name.clone(),
                run,
            });
        }
        let ran: Vec<(&str, &RunReport)> = entries
            .iter()
            .filter_map(|e| match &e.run {
                PlatformRun::Ran(r) => Some((e.platform.as_str(), r.as_ref())),
                PlatformRun::Skipped(_) => None,
            })
            .collect();
        let images = compare_images(&ran, &job.out_dir.join("compare"))?;
        let calls = compare_calls(&ran);
        Ok(Comparison {
            project: path.to_owned(),
            platforms: entries,
            images,
            calls,
        })
    }
}

fn compare_images(ran: &[(&str, &RunReport)], dir: &Path) -> Result<Vec<ImageRow>, Error> {
    let written: Vec<(&str, Vec<PathBuf>)> = ran.iter().map(|(p, r)| (*p, images_of(r))).collect();
    let rows = written.iter().map(|(_, i)| i.len()).max().unwrap_or(0);
    let mut out = Vec::new();
    for index in 0..rows {
        let files: Vec<(String, Option<PathBuf>)> = written
            .iter()
            .map(|(p, i)| (p.to_string(), i.get(index).cloned()))
            .collect();
        let mut diffs = Vec::new();
        if let Some((baseline, Some(base_path))) = files.first()
            && let Some(base) = decode(base_path)
        {
            for (platform, file) in &files[1..] {
                let Some(image) = file.as_deref().and_then(decode) else {
                    continue;
                };
                std::fs::create_dir_all(dir).map_err(|source| Error::Write {
                    path: dir.to_owned(),
                    source,
                })?;
                let map = dir.join(format!("diff-{index}-{platform}.png"));
                let (differing_pixels, max_delta) = diff(&base, &image, &map)?;
                diffs.push(ImageDiff {
                    platform: platform.clone(),
                    baseline: baseline.clone(),
                    sizes: [
                        (base.width(), base.height()),
                        (image.width(), image.height()),
                    ],
                    differing_pixels,
                    max_delta,
                    map,
                });
            }
        }
        out.push(ImageRow {
            index,
            files,
            diffs,
        });
    }
    Ok(out)
}

/// A call as `(bare API, reported API, n-th call of it, ok, result)`.
type KeyedCall = (String, String, usize, bool, Value);

fn compare_calls(ran: &[(&str, &RunReport)]) -> Vec<CallDiff> {
    // Each platform's calls, keyed by (bare API, n-th call of it).
    let keyed: Vec<Vec<KeyedCall>> = ran
        .iter()
        .map(|(_, r)| {
            let mut seen: std::collections::HashMap<String, usize> = Default::default();
            r.events
                .iter()
                .filter_map(|e| match e {
                    Event::Call {
                        api, ok, result, ..
                    } => {
                        let key = bare(api).to_owned();
                        let n = seen.entry(key.clone()).or_default();
                        *n += 1;
                        Some((key, api.clone(), *n - 1, *ok, result.clone()))
                    }
                    _ => None,
                })
                .collect()
        })
        .collect();
    let mut keys: Vec<(String, String, usize)> = Vec::new();
    for calls in &keyed {
        for (key, api, n, ..) in calls {
            if !keys.iter().any(|(k, _, m)| k == key && m == n) {
                keys.push((key.clone(), api.clone(), *n));
            }
        }
    }
    keys.into_iter()
        .filter_map(|(key, api, nth)| {
            let outcomes: Vec<(String, Option<bool>, Value)> = ran
                .iter()
                .zip(&keyed)
                .map(|((platform, _), calls)| {
                    let call = calls.iter().find(|(k, _, n, ..)| *k == key && *n == nth);
                    (
                        platform.to_string(),
                        call.map(|c| c.3),
                        call.map_or(Value::Null, |c| c.4.clone()),
                    )
                })
                .collect();
            let first = (outcomes[0].1, comparable(&outcomes[0].2));
            let same = outcomes
                .iter()
                .all(|(_, ok, r)| (*ok, comparable(r)) == first);
            (!same).then_some(CallDiff { api, nth, outcomes })
        })
        .collect()
}

impl Comparison {
    /// The comparison as JSON: each platform's run report (or why it was
    /// skipped), the images side by side with their differences, and the
    /// calls whose outcomes differ.
    pub fn to_json(&self) -> Value {
        let path = |p: &Path| p.display().to_string();
        json!({
            "project": path(&self.project),
            "platforms": self.platforms.iter().map(|e| match &e.run {
                PlatformRun::Ran(r) => json!({
                    "platform": e.platform,
                    "ran": true,
                    "report": r.to_json(),
                    "warnings": warnings_of(r).iter().map(|(k, m)| json!({"kind": k, "message": m})).collect::<Vec<_>>(),
                }),
                PlatformRun::Skipped(why) => json!({
                    "platform": e.platform, "ran": false, "skipped": why,
                }),
            }).collect::<Vec<_>>(),
            "images": self.images.iter().map(|row| json!({
                "index": row.index,
                "files": row.files.iter().map(|(p, f)| json!({
                    "platform": p, "file": f.as_deref().map(path),
                })).collect::<Vec<_>>(),
                "diffs": row.diffs.iter().map(|d| json!({
                    "platform": d.platform,
                    "baseline": d.baseline,
                    "sizes": d.sizes,
                    "differingPixels": d.differing_pixels,
                    "maxDelta": d.max_delta,
                    "map": path(&d.map),
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "differingCalls": self.calls.iter().map(|c| json!({
                "api": c.api,
                "nth": c.nth,
                "outcomes": c.outcomes.iter().map(|(p, ok, r)| json!({
                    "platform": p, "ok": ok, "result": r,
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        })
    }
}

/// A run's warnings and device checks as `(kind, text)`: `warning` or
/// the check's name, with the call site where known.
pub(crate) fn warnings_of(report: &RunReport) -> Vec<(String, String)> {
    report
        .events
        .iter()
        .filter_map(|e| match e {
            Event::Warning { api, message } => {
                Some(("warning".into(), format!("{api}: {message}")))
            }
            Event::DeviceCheck {
                check,
                api,
                message,
                at,
                ..
            } => Some((
                check.clone(),
                format!(
                    "{api}{}: {message}",
                    at.as_ref().map_or(String::new(), |a| format!(" at {a}"))
                ),
            )),
            _ => None,
        })
        .collect()
}
