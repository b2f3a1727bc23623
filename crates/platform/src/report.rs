//! The run report: every API call with its result, every prompt and the
//! scripted user's answer, warnings, and the files written. The CLI prints
//! it; tests read it.

use serde::Serialize;
use serde_json::Value;

/// One thing that happened during a run.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(
    tag = "event",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub enum Event {
    /// A platform API call and how it ended.
    Call {
        /// `wx.canvasToTempFilePath`, `Canvas.toTempFilePath`, …
        api: String,
        /// The options as the script passed them (compact JSON).
        args: Value,
        /// Whether it succeeded.
        ok: bool,
        /// The success or failure object.
        result: Value,
    },
    /// An authorization prompt and the scripted user's answer.
    Prompt {
        /// The scope asked for.
        scope: String,
        /// `allow`, `deny`, `deny-forever` or `dismiss`.
        answer: String,
    },
    /// A decision an earlier run stored (the data folder was kept) answered
    /// for the user: no prompt was shown.
    Remembered {
        /// The scope.
        scope: String,
        /// `allow`, `deny` or `deny-forever`.
        answer: String,
    },
    /// An image action sheet (`my.saveImage`) or the photo picker
    /// (`chooseImage`) and the user's choice.
    ActionSheet {
        /// `save`, `cancel` or `pick N photo(s)`.
        choice: String,
    },
    /// The settings page (`openSetting`) and the switches the user left.
    Settings {
        /// `(scope, on)` for every listed scope.
        switches: Vec<(String, bool)>,
    },
    /// Something the script should know about that is not a failure.
    Warning {
        /// The API concerned.
        api: String,
        /// What happened.
        message: String,
    },
    /// Something a real device would refuse or do differently (a device
    /// check, `crate::checks`).
    DeviceCheck {
        /// `draw-race`, `size-limit`, `network-image`, `domain`,
        /// `font-pending` or `undocumented`.
        check: String,
        /// The API concerned.
        api: String,
        /// What the device would do, and which limit or doc says so.
        message: String,
        /// `file:line:col` of the JS call, when a script made it.
        at: Option<String>,
        /// Whether the run was strict (it then failed as the device does).
        strict: bool,
    },
    /// A line the script wrote to its console (the JS runtime adds these,
    /// so the report keeps calls and output in one order).
    Console {
        /// `log`, `debug`, `warn` or `error`.
        level: String,
        /// The formatted text.
        text: String,
    },
    /// An error that escaped the script; the run went on.
    Uncaught {
        /// Where it escaped from (`Page.onReady`, `tap save`, `timer`, …).
        during: String,
        /// The error and its JS stack.
        message: String,
    },
    /// A temp file was written.
    TempFile {
        /// The opaque platform path.
        path: String,
        /// Where it is on disk.
        real_path: String,
        /// Size in bytes.
        bytes: u64,
    },
    /// An image was stored in the album.
    AlbumFile {
        /// Where it is on disk.
        real_path: String,
        /// Size in bytes.
        bytes: u64,
    },
}

/// The event log of one run.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    /// Events in the order they happened.
    pub events: Vec<Event>,
    /// Who hears of each event as it is recorded (a streamed report).
    #[serde(skip)]
    observer: Observer,
}

/// A function told of every event as it is recorded, so a report printed
/// as the run goes survives a crash or a kill of the process.
pub type EventObserver = Box<dyn FnMut(&Event) + Send>;

/// [`EventObserver`] slot: not cloned (a copy of a report is a snapshot)
/// and not part of a report's equality.
#[derive(Default)]
struct Observer(Option<EventObserver>);

impl std::fmt::Debug for Observer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() { "Observer" } else { "None" })
    }
}

impl Clone for Observer {
    fn clone(&self) -> Self {
        Observer(None)
    }
}

impl PartialEq for Observer {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Report {
    /// Appends an event, telling the observer first.
    pub fn push(&mut self, event: Event) {
        if let Some(observe) = &mut self.observer.0 {
            observe(&event);
        }
        self.events.push(event);
    }

    /// Tells `observer` of every event from now on (and of none before).
    pub fn observe(&mut self, observer: EventObserver) {
        self.observer = Observer(Some(observer));
    }

    /// The warnings, as `(api, message)`.
    pub fn warnings(&self) -> Vec<(&str, &str)> {
        self.events
            .iter()
            .filter_map(|e| match e {
                Event::Warning { api, message } => Some((api.as_str(), message.as_str())),
                _ => None,
            })
            .collect()
    }

    /// The device checks, as `(check, api, message)`.
    pub fn device_checks(&self) -> Vec<(&str, &str, &str)> {
        self.events
            .iter()
            .filter_map(|e| match e {
                Event::DeviceCheck {
                    check,
                    api,
                    message,
                    ..
                } => Some((check.as_str(), api.as_str(), message.as_str())),
                _ => None,
            })
            .collect()
    }

    /// The prompts, as `(scope, answer)`.
    pub fn prompts(&self) -> Vec<(&str, &str)> {
        self.events
            .iter()
            .filter_map(|e| match e {
                Event::Prompt { scope, answer } => Some((scope.as_str(), answer.as_str())),
                _ => None,
            })
            .collect()
    }

    /// The whole report as JSON.
    pub fn to_json(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}
