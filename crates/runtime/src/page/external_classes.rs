//! `externalClasses`: a component names classes its user sets from
//! outside (`externalClasses: ['my-class']`, used as
//! `<card my-class="red big"/>`); in the component's template the name
//! stands for the classes given, so selectors written with them
//! (`this.createSelectorQuery().select('.red')`) find those elements.

use rquickjs::{Object, Value};

use super::markup::Element;

/// The `externalClasses` a component definition declares (WeChat's
/// option; Alipay and Douyin spell it the same).
pub(crate) fn declared<'js>(options: &Object<'js>) -> rquickjs::Result<Vec<String>> {
    let mut names = Vec::new();
    if let Some(list) = options
        .get::<_, Value<'js>>("externalClasses")?
        .into_array()
    {
        for v in list.iter::<Value>() {
            if let Some(s) = v?.as_string() {
                names.push(s.to_string()?);
            }
        }
    }
    Ok(names)
}

/// Each external class name the component declares, with the classes its
/// user gave for it (none: the name styles nothing and is dropped).
pub(crate) type Given = Vec<(String, Vec<String>)>;

/// What `element` (the component as used) gives each of `names`.
pub(crate) fn given(element: &Element, names: &[String]) -> Given {
    names
        .iter()
        .map(|n| {
            let classes = element
                .attribute(n)
                .map(|v| v.split_whitespace().map(str::to_owned).collect())
                .unwrap_or_default();
            (n.clone(), classes)
        })
        .collect()
}

/// Replaces each external class name in the class attributes of the
/// component's rendered `elements` by the classes given for it. Applied
/// to every render, since each `setData` renders the template again.
pub(crate) fn apply(elements: &mut [Element], given: &Given) {
    if given.is_empty() {
        return;
    }
    for e in elements {
        for (key, value) in &mut e.attributes {
            if key != "class" {
                continue;
            }
            let Some(classes) = value.as_mut() else {
                continue;
            };
            let rewritten: Vec<&str> = classes
                .split_whitespace()
                .flat_map(|c| match given.iter().find(|(n, _)| n == c) {
                    Some((_, to)) => to.iter().map(String::as_str).collect::<Vec<_>>(),
                    None => vec![c],
                })
                .collect();
            *classes = rewritten.join(" ");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::markup::parse;

    #[test]
    fn external_class_names_become_the_classes_the_user_gave() {
        let mut template = parse(r#"<view class="box my-class"/><text class="title-class"/>"#);
        let used = parse(r#"<card my-class="red big"/>"#).elements.remove(0);
        let given = given(&used, &["my-class".to_string(), "title-class".to_string()]);
        apply(&mut template.elements, &given);
        assert_eq!(template.elements[0].attribute("class"), Some("box red big"));
        assert_eq!(template.elements[1].attribute("class"), Some(""));
    }
}
