//! The scripted user: answers authorization prompts, action sheets and the
//! settings page the way a run was told to (PL §7).

use std::collections::VecDeque;
use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;

/// How the user answers one prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// Allow; "save" on an action sheet; settings switches on.
    Allow,
    /// Deny; settings switches off.
    Deny,
    /// Deny with "don't ask again" where the platform has it (else deny).
    DenyForever,
    /// Close the prompt without answering (iOS "authorize no response");
    /// cancels an action sheet; leaves settings unchanged.
    Dismiss,
    /// Cancel an action sheet; on a prompt, the cancel button (deny).
    Cancel,
}

impl Answer {
    /// The command-line spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Answer::Allow => "allow",
            Answer::Deny => "deny",
            Answer::DenyForever => "deny-forever",
            Answer::Dismiss => "dismiss",
            Answer::Cancel => "cancel",
        }
    }
}

impl fmt::Display for Answer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Answer {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s {
            "allow" => Answer::Allow,
            "deny" => Answer::Deny,
            "deny-forever" => Answer::DenyForever,
            "dismiss" => Answer::Dismiss,
            "cancel" => Answer::Cancel,
            _ => {
                return Err(format!(
                    "unknown user answer '{s}' (allow, deny, deny-forever, dismiss, cancel)"
                ));
            }
        })
    }
}

/// A user's answer to an authorization prompt, after the platform's
/// options are applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptAnswer {
    /// Granted.
    Allow,
    /// Denied.
    Deny,
    /// Denied, "don't ask again".
    DenyForever,
    /// No answer.
    Dismiss,
}

impl PromptAnswer {
    /// Report spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            PromptAnswer::Allow => "allow",
            PromptAnswer::Deny => "deny",
            PromptAnswer::DenyForever => "deny-forever",
            PromptAnswer::Dismiss => "dismiss",
        }
    }
}

/// The user of a run: a default answer, and optionally a script of answers
/// used first, one per prompt, sheet or settings visit.
#[derive(Debug, Clone)]
pub struct ScriptedUser {
    default: Answer,
    script: VecDeque<Answer>,
    gallery: Vec<PathBuf>,
}

impl Default for ScriptedUser {
    /// Allows everything (the CLI's default `--user allow`).
    fn default() -> Self {
        ScriptedUser::new(Answer::Allow)
    }
}

impl ScriptedUser {
    /// A user who always answers `answer`.
    pub fn new(answer: Answer) -> Self {
        ScriptedUser {
            default: answer,
            script: VecDeque::new(),
            gallery: Vec::new(),
        }
    }

    /// Answers `answers` in order first, then the default.
    pub fn with_script(mut self, answers: impl IntoIterator<Item = Answer>) -> Self {
        self.script.extend(answers);
        self
    }

    /// The phone's photos (host image files) `chooseImage` picks from.
    pub fn with_gallery(mut self, photos: impl IntoIterator<Item = PathBuf>) -> Self {
        self.gallery.extend(photos);
        self
    }

    /// Answers an image picker allowing `count` photos: the first `count`
    /// of the gallery, or `None` when the user cancels (a cancelling
    /// answer, or nothing to pick).
    pub fn pick_photos(&mut self, count: usize) -> Option<Vec<PathBuf>> {
        match self.next() {
            Answer::Allow if !self.gallery.is_empty() => {
                Some(self.gallery.iter().take(count).cloned().collect())
            }
            _ => None,
        }
    }

    fn next(&mut self) -> Answer {
        self.script.pop_front().unwrap_or(self.default)
    }

    /// Answers an authorization prompt. Without a "don't ask again" option
    /// (`deny_forever == false`) that answer is a plain deny.
    pub fn answer_prompt(&mut self, deny_forever: bool) -> PromptAnswer {
        match self.next() {
            Answer::Allow => PromptAnswer::Allow,
            Answer::Deny | Answer::Cancel => PromptAnswer::Deny,
            Answer::DenyForever if deny_forever => PromptAnswer::DenyForever,
            Answer::DenyForever => PromptAnswer::Deny,
            Answer::Dismiss => PromptAnswer::Dismiss,
        }
    }

    /// Answers an image action sheet: `true` for "save".
    pub fn choose_save(&mut self) -> bool {
        !matches!(self.next(), Answer::Cancel | Answer::Dismiss)
    }

    /// The settings page: `Some(on)` sets every listed switch, `None`
    /// leaves them as they are.
    pub fn settings_switch(&mut self) -> Option<bool> {
        match self.next() {
            Answer::Allow => Some(true),
            Answer::Deny | Answer::DenyForever => Some(false),
            Answer::Dismiss | Answer::Cancel => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_parse_from_their_cli_spelling() {
        for a in [
            Answer::Allow,
            Answer::Deny,
            Answer::DenyForever,
            Answer::Dismiss,
            Answer::Cancel,
        ] {
            assert_eq!(a.as_str().parse::<Answer>(), Ok(a));
        }
        assert!("maybe".parse::<Answer>().is_err());
    }

    #[test]
    fn a_script_is_answered_before_the_default() {
        let mut u =
            ScriptedUser::new(Answer::Allow).with_script([Answer::DenyForever, Answer::Cancel]);
        assert_eq!(
            u.answer_prompt(false),
            PromptAnswer::Deny,
            "no don't-ask-again option"
        );
        assert!(!u.choose_save());
        assert_eq!(u.answer_prompt(true), PromptAnswer::Allow);
        assert_eq!(u.settings_switch(), Some(true));
    }

    #[test]
    fn the_picker_takes_the_first_photos_or_is_cancelled() {
        let photos = ["a.png", "b.png", "c.png"].map(PathBuf::from);
        let mut u = ScriptedUser::new(Answer::Allow)
            .with_script([Answer::Cancel])
            .with_gallery(photos.clone());
        assert_eq!(u.pick_photos(2), None, "the scripted cancel");
        assert_eq!(u.pick_photos(2), Some(photos[..2].to_vec()));
        assert_eq!(
            ScriptedUser::default().pick_photos(9),
            None,
            "empty gallery"
        );
    }
}
