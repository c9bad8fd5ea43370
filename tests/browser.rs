//! wasm-bindgen-test in headless Chromium: the widget mounts, reads the embedded plan, paints
//! the chart canvas, and answers the keyboard. Run by scripts/test.sh with
//! `cargo test --target wasm32-unknown-unknown --test browser`.
#![cfg(target_arch = "wasm32")]

use chitieu::web::app::App;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, KeyboardEvent, KeyboardEventInit};

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
    yew::Renderer::<App>::with_root(host.clone()).render();
    host
}

async fn wait_for_draws(host: &web_sys::Element, at_least: u32) -> HtmlCanvasElement {
    for _ in 0..300 {
        if let Some(canvas) = host.query_selector("canvas").ok().flatten() {
            let draws: u32 = canvas
                .get_attribute("data-draws")
                .and_then(|d| d.parse().ok())
                .unwrap_or(0);
            if draws >= at_least {
                return canvas.dyn_into().expect("a canvas");
            }
        }
        yew::platform::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("the chart was not drawn {at_least} time(s) within 3 s");
}

fn painted_pixels(canvas: &HtmlCanvasElement) -> usize {
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .expect("2d context")
        .dyn_into()
        .expect("2d");
    let data = context
        .get_image_data(
            0.0,
            0.0,
            f64::from(canvas.width()),
            f64::from(canvas.height()),
        )
        .expect("pixels")
        .data();
    let background = [data[0], data[1], data[2]];
    data.chunks(4)
        .filter(|px| [px[0], px[1], px[2]] != background)
        .count()
}

#[wasm_bindgen_test]
async fn the_widget_mounts_and_paints_the_chart() {
    let host = mount();
    let canvas = wait_for_draws(&host, 1).await;
    assert!(
        canvas.width() > 300,
        "canvas sized to its container: {}",
        canvas.width()
    );
    let pixels = painted_pixels(&canvas);
    assert!(
        pixels > 1000,
        "the chart has marks: {pixels} non-background pixels"
    );
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
    let canvas = wait_for_draws(&host, 1).await;
    let before: u32 = canvas
        .get_attribute("data-draws")
        .and_then(|d| d.parse().ok())
        .unwrap_or(0);
    let init = KeyboardEventInit::new();
    init.set_key("ArrowRight");
    init.set_bubbles(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    canvas.dispatch_event(&event).expect("dispatch");
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
