//! The stylesheet's colours in every theme: text colours meet 4.5:1 against the page and panel
//! backgrounds, and what is not text but must be seen — the focus outline, the status borders, the
//! legend swatches of the chart marks and the target band — meets 3:1 (WCAG 1.4.3 and 1.4.11).
//! axe-core checks the text it finds in the DOM; this checks every theme's palette whole, including
//! colours only a state (focus, a status) brings out.
#![cfg(not(target_arch = "wasm32"))]

use chitieu_core::chart::theme::{contrast, Rgb};
use std::collections::HashMap;

/// The custom properties of one rule block, e.g. `.chitieu.theme-dark {`.
fn palette(css: &str, selector: &str) -> HashMap<String, Rgb> {
    let start = css
        .find(&format!("\n{selector} {{"))
        .unwrap_or_else(|| panic!("no `{selector}` block in static/style.css"));
    let body = &css[start..];
    let body = &body[..body.find('}').expect("block end")];
    body.lines()
        .filter_map(|line| {
            let (name, value) = line.trim().strip_prefix("--")?.split_once(':')?;
            let hex = value.trim().trim_end_matches(';').strip_prefix('#')?;
            if hex.len() != 6 {
                return None;
            }
            let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
            Some((name.to_string(), Rgb(byte(0)?, byte(2)?, byte(4)?)))
        })
        .collect()
}

#[test]
fn every_theme_meets_text_and_non_text_contrast() {
    let css = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/static/style.css"))
        .expect("static/style.css");
    let light = palette(&css, ".chitieu");
    assert!(light.len() >= 15, "parsed only {} colours", light.len());
    let mut failures = Vec::new();
    for (theme, selector) in [
        ("light", ".chitieu"),
        ("dark", ".chitieu.theme-dark"),
        ("contrast", ".chitieu.theme-contrast"),
    ] {
        let mut colours = light.clone();
        colours.extend(palette(&css, selector));
        let get = |name: &str| {
            *colours
                .get(name)
                .unwrap_or_else(|| panic!("{theme}: --{name} missing"))
        };
        let text = [
            "fg",
            "muted",
            "accent",
            "exceeded",
            "achieved",
            "on-track",
            "at-risk",
            "off-track",
            "not-assessable",
            "no-data",
        ];
        let marks = ["focus", "target", "required", "projection", "series"];
        for background in ["bg", "panel"] {
            for (names, needed) in [(&text[..], 4.5), (&marks[..], 3.0)] {
                for name in names {
                    let ratio = contrast(get(name), get(background));
                    if ratio < needed {
                        failures.push(format!(
                            "{theme}: --{name} on --{background} is {ratio:.2}:1, needs {needed}:1"
                        ));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
