//! What `getSystemInfoSync()` / `getSystemInfo()` report: the platform's
//! own fields (base library version, app version, language, fields only
//! one vendor has) from its profile, the phone's sizes from [`Device`],
//! and the operating system's look (brand, model, status bar, safe area)
//! from a preset. Libraries read `SDKVersion` to pick the 2D canvas path
//! and `platform` / `statusBarHeight` for layout.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::{Map, Value, json};

use crate::Device;

/// The operating system the run pretends to be (`--system`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Os {
    /// The vendor's developer tools (the default: scripts that branch on
    /// `ios` / `android` take their generic path).
    Devtools,
    /// An iPhone.
    Ios,
    /// An Android phone.
    Android,
}

impl Os {
    /// The names `--system` takes.
    pub const NAMES: [&str; 3] = ["devtools", "ios", "android"];

    /// `devtools`, `ios` or `android`.
    pub fn parse(name: &str) -> Option<Os> {
        match name {
            "devtools" => Some(Os::Devtools),
            "ios" => Some(Os::Ios),
            "android" => Some(Os::Android),
            _ => None,
        }
    }
}

/// How a phone of one operating system looks to scripts. Typical values
/// of a current phone, not of one model in particular.
struct Preset {
    brand: &'static str,
    model: &'static str,
    system: &'static str,
    platform: &'static str,
    /// CSS px under the status bar.
    status_bar_height: f64,
    /// CSS px of the home indicator below the safe area.
    bottom_inset: f64,
}

fn preset(os: Os) -> Preset {
    match os {
        // The devtools' default simulated phone (iPhone 6/7/8).
        Os::Devtools => Preset {
            brand: "devtools",
            model: "iPhone 6/7/8",
            system: "iOS 10.0.1",
            platform: "devtools",
            status_bar_height: 20.0,
            bottom_inset: 0.0,
        },
        Os::Ios => Preset {
            brand: "iPhone",
            model: "iPhone 13",
            system: "iOS 16.6",
            platform: "ios",
            status_bar_height: 47.0,
            bottom_inset: 34.0,
        },
        Os::Android => Preset {
            brand: "Xiaomi",
            model: "Redmi K60",
            system: "Android 13",
            platform: "android",
            status_bar_height: 32.0,
            bottom_inset: 0.0,
        },
    }
}

/// A platform's system-info fields (profile `[system]`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SystemRules {
    /// `SDKVersion`: the base library version (`--sdk-version`).
    pub sdk_version: String,
    /// `version`: the host app's version.
    pub version: String,
    /// `language`.
    pub language: String,
    /// The operating system simulated (`--system`).
    pub os: Os,
    /// Fields only this platform reports (Alipay's `app`, Douyin's
    /// `appName`), as strings.
    #[serde(default)]
    pub extra: BTreeMap<String, String>,
    /// The fields `getWindowInfo()` returns, as the platform documents
    /// them (where the profile's `apis` list it).
    #[serde(default)]
    pub window_info: Vec<String>,
    /// The fields `getDeviceInfo()` returns.
    #[serde(default)]
    pub device_info: Vec<String>,
    /// The fields `getAppBaseInfo()` returns.
    #[serde(default)]
    pub app_base_info: Vec<String>,
}

/// The documented `fields` of `info` (a `getSystemInfoSync()` object), for
/// the split APIs (`getWindowInfo`, `getDeviceInfo`, `getAppBaseInfo`);
/// a field the simulated phone has no value for is left out.
pub fn pick_fields(info: &Map<String, Value>, fields: &[String]) -> Map<String, Value> {
    fields
        .iter()
        .filter_map(|name| {
            let value = match (info.get(name), name.as_str()) {
                (Some(v), _) => v.clone(),
                // The system font size the user set, as a factor of the
                // default (WX-doc getAppBaseInfo).
                (None, "fontSizeScaleFactor") => json!(1),
                (None, _) => return None,
            };
            Some((name.clone(), value))
        })
        .collect()
}

/// The `getSystemInfoSync()` object for `device` on a platform with `rules`.
pub fn system_info(device: &Device, rules: &SystemRules) -> Map<String, Value> {
    let p = preset(rules.os);
    let (w, h) = (device.screen_width, device.screen_height);
    let Value::Object(mut info) = json!({
        "brand": p.brand,
        "model": p.model,
        "system": p.system,
        "platform": p.platform,
        "pixelRatio": device.dpr,
        "screenWidth": w,
        "screenHeight": h,
        // Pages are laid out under a custom navigation bar: the window
        // is the whole screen, as canvases sized from it expect.
        "windowWidth": w,
        "windowHeight": h,
        "screenTop": 0,
        "statusBarHeight": p.status_bar_height,
        "safeArea": {
            "left": 0, "right": w, "top": p.status_bar_height,
            "bottom": h - p.bottom_inset, "width": w,
            "height": h - p.bottom_inset - p.status_bar_height,
        },
        "language": rules.language,
        "version": rules.version,
        "SDKVersion": rules.sdk_version,
        "fontSizeSetting": 16,
        "theme": "light",
        "deviceOrientation": "portrait",
        "benchmarkLevel": 1,
        "enableDebug": false,
    }) else {
        return Map::new();
    };
    for (k, v) in &rules.extra {
        info.insert(k.clone(), Value::String(v.clone()));
    }
    info
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(os: Os) -> SystemRules {
        SystemRules {
            sdk_version: "3.4.0".into(),
            version: "8.0.40".into(),
            language: "zh_CN".into(),
            os,
            extra: BTreeMap::from([("app".into(), "vendor-app".into())]),
            window_info: vec![],
            device_info: vec![],
            app_base_info: vec![],
        }
    }

    #[test]
    fn system_info_has_versions_sizes_and_the_systems_look() {
        let device = Device::default();
        let info = system_info(&device, &rules(Os::Ios));
        assert_eq!(info["SDKVersion"], "3.4.0");
        assert_eq!(info["version"], "8.0.40");
        assert_eq!(info["platform"], "ios");
        assert_eq!(info["statusBarHeight"], 47.0);
        assert_eq!(info["safeArea"]["bottom"], 667.0 - 34.0);
        assert_eq!(info["screenWidth"], 375.0);
        assert_eq!(info["pixelRatio"], 2.0);
        assert_eq!(info["app"], "vendor-app");
        let devtools = system_info(&device, &rules(Os::Devtools));
        assert_eq!(devtools["platform"], "devtools");
        assert_eq!(Os::parse("android"), Some(Os::Android));
        assert_eq!(Os::parse("windows"), None);
    }

    #[test]
    fn pick_fields_keeps_the_documented_fields_the_phone_has() {
        let info = system_info(&Device::default(), &rules(Os::Android));
        let fields: Vec<String> = [
            "pixelRatio",
            "windowWidth",
            "fontSizeScaleFactor",
            "cpuType",
        ]
        .map(String::from)
        .into();
        let picked = pick_fields(&info, &fields);
        let mut names: Vec<&str> = picked.keys().map(String::as_str).collect();
        names.sort_unstable();
        assert_eq!(names, ["fontSizeScaleFactor", "pixelRatio", "windowWidth"]);
        assert_eq!(picked["windowWidth"], info["windowWidth"]);
    }
}
