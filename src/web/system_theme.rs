//! The reader's system colour scheme, followed live: with the theme on "Auto", switching the
//! system between light and dark after the page has loaded re-renders the widget (and redraws
//! the chart) in the new scheme. Self-contained: one hook, one `change` listener, removed with
//! the component.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::MediaQueryList;
use yew::prelude::*;

fn dark_query() -> Option<MediaQueryList> {
    web_sys::window()?
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
}

/// Whether the system asks for a dark scheme now; the component re-renders when that changes.
#[hook]
pub fn use_system_dark() -> bool {
    let dark = use_state(|| dark_query().is_some_and(|list| list.matches()));
    {
        let dark = dark.clone();
        use_effect_with((), move |_| {
            let listener = dark_query().map(|list| {
                let read = list.clone();
                let on_change = Closure::<dyn Fn()>::new(move || dark.set(read.matches()));
                let _ = list
                    .add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
                (list, on_change)
            });
            move || {
                if let Some((list, on_change)) = listener {
                    let _ = list.remove_event_listener_with_callback(
                        "change",
                        on_change.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }
    *dark
}
