//! wasm-bindgen-test in headless Chromium: the widget mounts, reads the embedded plan, draws
//! the chart (inline SVG), and answers the keyboard. Run by scripts/test.sh with
//! `cargo test --target wasm32-unknown-unknown --test browser`.
#![cfg(target_arch = "wasm32")]

use chitieu::web::app::{App, AppProps};
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// Mounts the app in a fresh 800 px wide container and returns it.
fn mount() -> web_sys::Element {
    let host = document().create_element("div").expect("div");
    host.set_class_name("test-host");
    let _ = host.set_attribute("data-width", "800");
    let _ = host
        .dyn_ref::<web_sys::HtmlElement>()
        .map(|h| h.style().set_property("width", "800px"));
    document()
        .body()
        .expect("body")
        .append_child(&host)
        .expect("append");
    let props = AppProps {
        query: Default::default(),
        notices: Vec::new(),
        today: chitieu_core::export::Day {
            year: 2026,
            month: 12,
            day: 1,
        },
        prerendered: false,
    };
    yew::Renderer::<App>::with_root_and_props(host.clone(), props).render();
    host
}

/// Waits until the chart's stage has been painted `at_least` times; returns the stage.
async fn wait_for_draws(host: &web_sys::Element, at_least: u32) -> web_sys::Element {
    for _ in 0..300 {
        if let Some(stage) = host.query_selector(".chart-stage").ok().flatten() {
            let draws: u32 = stage
                .get_attribute("data-draws")
                .and_then(|d| d.parse().ok())
                .unwrap_or(0);
            if draws >= at_least {
                return stage;
            }
        }
        yew::platform::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("the chart was not drawn {at_least} time(s) within 3 s");
}

/// The chart's drawn marks: every SVG shape and text but the background rectangle.
fn marks(stage: &web_sys::Element) -> u32 {
    stage
        .query_selector_all("svg.chart-svg polyline, svg.chart-svg circle, svg.chart-svg text, svg.chart-svg rect, svg.chart-svg path, svg.chart-svg polygon")
        .map(|list| list.length().saturating_sub(1))
        .unwrap_or(0)
}

#[wasm_bindgen_test]
async fn the_widget_mounts_and_paints_the_chart() {
    let host = mount();
    let stage = wait_for_draws(&host, 1).await;
    let width = stage
        .query_selector("svg.chart-svg")
        .ok()
        .flatten()
        .map(|svg| svg.get_bounding_client_rect().width())
        .unwrap_or(0.0);
    assert!(width > 300.0, "chart sized to its container: {width}");
    let marks = marks(&stage);
    assert!(marks > 20, "the chart has marks: {marks}");
    let text = host.text_content().unwrap_or_default();
    assert!(text.contains("Cần Thơ"), "plan title shown");
    assert!(
        text.contains("Tốc độ tăng") || text.contains("GRDP"),
        "an indicator is shown"
    );
    // The tables are built once the chart has been drawn, not in the first paint.
    let mut table = None;
    for _ in 0..300 {
        table = host.query_selector("table").ok().flatten();
        if table.is_some() {
            break;
        }
        yew::platform::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(
        table.is_some(),
        "the data table sits beside the chart (within 3 s of the first draw)"
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn arrow_keys_move_the_focus_and_redraw() {
    let host = mount();
    let stage = wait_for_draws(&host, 1).await;
    let before: u32 = stage
        .get_attribute("data-draws")
        .and_then(|d| d.parse().ok())
        .unwrap_or(0);
    let init = KeyboardEventInit::new();
    init.set_key("ArrowRight");
    init.set_bubbles(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    let plot = stage
        .query_selector(".chart-plot")
        .ok()
        .flatten()
        .expect("the focusable plot");
    plot.dispatch_event(&event).expect("dispatch");
    wait_for_draws(&host, before + 1).await;
    let readout = host
        .query_selector(".readout")
        .ok()
        .flatten()
        .and_then(|r| r.text_content())
        .unwrap_or_default();
    assert!(
        readout.chars().any(|c| c.is_ascii_digit()),
        "the focused point is announced: {readout}"
    );
    host.remove();
}
