//! The fields of WeChat's app configuration global (`__wxConfig`) that
//! come from the app's own files, as the base library fills them and as
//! libraries read them: `pages`, `entryPagePath`, `global.window`,
//! `page["<route>.html"].window`, `tabBar` and `accountInfo`.

use std::path::Path;

use serde_json::{Map, Value};

use super::package::{Package, app_routes};

/// The AppID the WeChat devtools give a project opened without one
/// (tourist mode); `project.config.json`'s `appid` otherwise.
const TOURIST_APP_ID: &str = "touristappid";

/// Page-config keys that configure components, not the page's window.
const NOT_WINDOW: &[&str] = &[
    "usingComponents",
    "component",
    "componentGenerics",
    "componentPlaceholder",
    "styleIsolation",
];

fn read_json(path: &Path) -> Option<Value> {
    let text = std::fs::read_to_string(path).ok()?;
    serde_json::from_str(&text).ok()
}

/// `project.config.json`'s `appid`, looked for in the package folder and
/// the project folder above it (when `miniprogramRoot` points down).
fn app_id(root: &Path) -> String {
    root.ancestors()
        .take(3)
        .find_map(|dir| {
            read_json(&dir.join("project.config.json"))?
                .get("appid")?
                .as_str()
                .map(str::to_string)
        })
        .filter(|id| !id.is_empty())
        .unwrap_or_else(|| TOURIST_APP_ID.to_string())
}

/// The fields for `package`; an app without `app.json` (a lone page) has
/// its one route as the only page.
pub(crate) fn fields(package: &Package, route: &str) -> Map<String, Value> {
    let app = package.app_config.as_deref().and_then(read_json);
    let app = app.as_ref().and_then(Value::as_object);
    let routes = package
        .app_config
        .as_deref()
        .and_then(|p| app_routes(p).ok())
        .filter(|r| !r.is_empty())
        .unwrap_or_else(|| vec![route.to_string()]);
    let entry = app
        .and_then(|a| a.get("entryPagePath"))
        .and_then(Value::as_str)
        .map(|p| p.trim_start_matches('/').to_string())
        .unwrap_or_else(|| routes[0].clone());
    let mut pages = Map::new();
    for r in &routes {
        let mut window = read_json(&package.root.join(format!("{r}.json")))
            .and_then(|v| v.as_object().cloned())
            .unwrap_or_default();
        window.retain(|k, _| !NOT_WINDOW.contains(&k.as_str()));
        let mut page = Map::new();
        page.insert("window".into(), Value::Object(window));
        pages.insert(format!("{r}.html"), Value::Object(page));
    }
    let mut global = Map::new();
    global.insert(
        "window".into(),
        app.and_then(|a| a.get("window"))
            .filter(|w| w.is_object())
            .cloned()
            .unwrap_or_else(|| Value::Object(Map::new())),
    );
    let mut account = Map::new();
    account.insert("appId".into(), Value::String(app_id(&package.root)));
    // The devtools fill these from the signed-in account; there is none.
    account.insert("nickname".into(), Value::String(String::new()));
    account.insert("icon".into(), Value::String(String::new()));

    let mut out = Map::new();
    out.insert(
        "pages".into(),
        Value::Array(routes.into_iter().map(Value::String).collect()),
    );
    // The base library keeps the entry as its page file (`.html`).
    out.insert(
        "entryPagePath".into(),
        Value::String(format!("{entry}.html")),
    );
    out.insert("global".into(), Value::Object(global));
    out.insert("page".into(), Value::Object(pages));
    if let Some(tab_bar) = app.and_then(|a| a.get("tabBar")) {
        out.insert("tabBar".into(), tab_bar.clone());
    }
    out.insert("accountInfo".into(), Value::Object(account));
    out
}
