//! `externalClasses`: a component names classes its user sets from
//! outside (`externalClasses: ['my-class']`, used as
//! `<card my-class="red big"/>`); in the component's template the name
//! stands for the classes given, so selectors written with them
//! (`this.createSelectorQuery().select('.red')`) find those elements.

use super::markup::{Element, Markup};

/// Replaces each external class name in the class attributes of
/// `template` by the classes `element` (the component as used) gives it;
/// a name the user did not set is dropped, as it styles nothing.
pub(crate) fn apply(template: &mut Markup, element: &Element, names: &[String]) {
    if names.is_empty() {
        return;
    }
    for e in &mut template.elements {
        for (key, value) in &mut e.attributes {
            if key != "class" {
                continue;
            }
            let Some(classes) = value.as_mut() else {
                continue;
            };
            let rewritten: Vec<&str> = classes
                .split_whitespace()
                .flat_map(|c| match names.iter().find(|n| *n == c) {
                    Some(n) => element
                        .attribute(n)
                        .map(|v| v.split_whitespace().collect::<Vec<_>>())
                        .unwrap_or_default(),
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
        apply(
            &mut template,
            &used,
            &["my-class".to_string(), "title-class".to_string()],
        );
        assert_eq!(template.elements[0].attribute("class"), Some("box red big"));
        assert_eq!(template.elements[1].attribute("class"), Some(""));
    }
}
