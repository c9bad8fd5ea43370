//! The Yew widget: a thin layer that reads the address, loads the plan, and shows what the core
//! computes. All arithmetic, text and drawing decisions live in `chitieu-core`.

pub mod actions;
pub mod app;
pub mod canvas;
pub mod embed;
pub mod indicator;
pub mod more;
pub mod overview;
pub mod plan_source;
pub mod system_theme;

/// Mounts the widget on `#chitieu` if the page has it, else on `<body>`.
pub fn start() {
    // Inside an iframe: post the page height to the parent on every change.
    embed::start();
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("chitieu"));
    match root {
        Some(element) => {
            yew::Renderer::<app::App>::with_root(element).render();
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    }
}
