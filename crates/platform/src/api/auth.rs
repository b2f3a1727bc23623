//! `authorize`, `getSetting`, `openSetting`, and the check every save
//! makes (PL §7).

use serde_json::{Map, Value};

use super::{Platform, required_string};
use crate::auth::Grant;
use crate::profile::FailKind;
use crate::reply::{ApiResult, Reason, Reply, field};
use crate::report::Event;
use crate::user::PromptAnswer;
use crate::value::JsValue;

impl Platform {
    /// Passes when any of `scopes` is granted; otherwise asks for the first
    /// one (prompting the scripted user) unless a remembered denial
    /// answers at once.
    pub(super) fn check_auth(&mut self, scopes: &[String]) -> Result<(), Reason> {
        if let Some(granted) = scopes
            .iter()
            .find(|s| self.auth.get(s) == Some(Grant::Granted))
        {
            self.report_remembered(&granted.clone(), Grant::Granted);
            return Ok(());
        }
        let Some(scope) = scopes.first() else {
            return Ok(());
        };
        let remembered = match self.auth.get(scope) {
            Some(grant @ Grant::DeniedForever) => Some(grant),
            Some(grant @ Grant::Denied) if self.profile.auth.denial_remembered => Some(grant),
            _ => None,
        };
        if let Some(grant) = remembered {
            self.report_remembered(scope, grant);
            return Err(Reason::new(FailKind::AuthDenyRemembered));
        }
        let answer = self.user.answer_prompt(self.profile.auth.deny_forever);
        self.report.push(Event::Prompt {
            scope: scope.clone(),
            answer: answer.as_str().to_owned(),
        });
        let (grant, outcome) = match answer {
            PromptAnswer::Allow => (Some(Grant::Granted), Ok(())),
            PromptAnswer::Deny => (Some(Grant::Denied), Err(Reason::new(FailKind::AuthDeny))),
            PromptAnswer::DenyForever => (
                Some(Grant::DeniedForever),
                Err(Reason::new(FailKind::AuthDenyForever)),
            ),
            PromptAnswer::Dismiss => (None, Err(Reason::new(FailKind::AuthNoResponse))),
        };
        if let Some(grant) = grant {
            self.auth
                .set(scope, grant)
                .map_err(|e| Reason::detail(FailKind::WriteFailed, e.to_string()))?;
        }
        outcome
    }

    /// Says in the report when a stored decision from an earlier run
    /// answers instead of the scripted user, once per scope.
    fn report_remembered(&mut self, scope: &str, grant: Grant) {
        if self.auth.first_use_of_earlier(scope) {
            let answer = match grant {
                Grant::Granted => "allow",
                Grant::Denied => "deny",
                Grant::DeniedForever => "deny-forever",
            };
            self.report.push(Event::Remembered {
                scope: scope.to_owned(),
                answer: answer.to_owned(),
            });
        }
    }

    /// `authorize({scope})`: prompts for an unasked scope, passes a granted
    /// one silently, fails a remembered denial at once.
    pub fn authorize(&mut self, options: &JsValue) -> ApiResult {
        const API: &str = "authorize";
        let outcome = self.require(API).and_then(|()| {
            let scope = required_string(options, "scope")?;
            if !self.profile.auth.scopes.contains(&scope) {
                return Err(Reason::new(FailKind::InvalidScope));
            }
            self.check_auth(&[scope]).map(|()| Reply::new())
        });
        self.finish(API, options, outcome)
    }

    /// The `authSetting` object: `true`, `false`, or the key absent.
    fn auth_setting(&self) -> Value {
        let map: Map<String, Value> = self
            .auth
            .all()
            .map(|(scope, grant)| (scope.to_owned(), Value::Bool(grant == Grant::Granted)))
            .collect();
        Value::Object(map)
    }

    /// `getSetting()`: `{authSetting}`.
    pub fn get_setting(&mut self, options: &JsValue) -> ApiResult {
        const API: &str = "getSetting";
        let outcome = self
            .require(API)
            .map(|()| field("authSetting", self.auth_setting()));
        self.finish(API, options, outcome)
    }

    /// `openSetting()`: only inside a tap; lists the scopes already asked
    /// for and lets the scripted user flip them. A switch turned off is a
    /// plain denial (on Alipay that prompts again next time).
    pub fn open_setting(&mut self, options: &JsValue) -> ApiResult {
        const API: &str = "openSetting";
        let outcome = self.require(API).and_then(|()| {
            if !self.in_tap {
                return Err(Reason::new(FailKind::NotInTap));
            }
            let scopes: Vec<String> = self.auth.all().map(|(s, _)| s.to_owned()).collect();
            if let Some(on) = self.user.settings_switch() {
                let grant = if on { Grant::Granted } else { Grant::Denied };
                for scope in &scopes {
                    self.auth
                        .set(scope, grant)
                        .map_err(|e| Reason::detail(FailKind::WriteFailed, e.to_string()))?;
                }
            }
            let switches = self
                .auth
                .all()
                .map(|(s, g)| (s.to_owned(), g == Grant::Granted))
                .collect();
            self.report.push(Event::Settings { switches });
            Ok(field("authSetting", self.auth_setting()))
        });
        self.finish(API, options, outcome)
    }
}
