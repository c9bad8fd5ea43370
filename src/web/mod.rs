//! The Yew widget: a thin layer that reads the address, loads the plan, and shows what the core
//! computes. All arithmetic, text and drawing decisions live in `chitieu-core`.

pub mod actions;
pub mod app;
pub mod chart;
pub mod embed;
pub mod more;
pub mod overview;
pub mod panel;
pub mod plan_source;

use chitieu_core::query;

/// Mounts the widget on `#chitieu` if the page has it, else on `<body>`. What the widget needs
/// from the browser (the address, the year, the colour scheme) is read here, once, and passed
/// in as props.
pub fn start() {
    // Inside an iframe: post the page height to the parent on every change.
    embed::start();
    let window = web_sys::window();
    let search = window
        .as_ref()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let (query, notices) = query::parse(&search);
    let prefers_dark = window
        .as_ref()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches());
    let props = app::AppProps {
        query,
        notices,
        today: js_sys::Date::new_0().get_full_year() as i32,
        prefers_dark,
    };
    let root = window
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("chitieu"));
    match root {
        Some(element) => {
            yew::Renderer::<app::App>::with_root_and_props(element, props).render();
        }
        None => {
            yew::Renderer::<app::App>::with_props(props).render();
        }
    }
}
