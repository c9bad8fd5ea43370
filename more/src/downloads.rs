//! Files made in the page: text (CSV, TOML, SVG) becomes a Blob, the chart a PNG drawn on an
//! offscreen canvas at twice the CSS size, and each is saved through an `<a download>` created
//! for the click and removed after it. Nothing is sent anywhere.

use chitieu_core::chart::{figure, ChartSpec, Surface, Theme};
use chitieu_core::export::Caption;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlCanvasElement, Url};

/// The PNG's pixels per CSS pixel.
pub const PNG_SCALE: f64 = 2.0;

fn document() -> Result<web_sys::Document, JsValue> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))
}

/// Saves `href` as `name` through a temporary `<a download>`.
fn save_url(name: &str, href: &str) -> Result<(), JsValue> {
    let document = document()?;
    let anchor: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(href);
    anchor.set_download(name);
    anchor.set_class_name("download-link");
    let body = document
        .body()
        .ok_or_else(|| JsValue::from_str("no body"))?;
    body.append_child(&anchor)?;
    anchor.click();
    anchor.remove();
    Ok(())
}

/// Saves a text file with the given MIME type (UTF-8).
pub fn save_text(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let saved = save_url(name, &url);
    // The download has started from the URL by now; free it a little later all the same.
    gloo::timers::callback::Timeout::new(30_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    saved
}

/// Draws the figure on an offscreen canvas at `PNG_SCALE` and saves it as a PNG.
pub fn save_png(
    name: &str,
    spec: &ChartSpec,
    caption: &Caption,
    width: f64,
    chart_height: f64,
    theme: &Theme,
) -> Result<(), JsValue> {
    let placed = figure::figure(spec, caption, width, chart_height);
    let canvas: HtmlCanvasElement = document()?.create_element("canvas")?.dyn_into()?;
    canvas.set_width((width * PNG_SCALE).round() as u32);
    canvas.set_height((placed.height * PNG_SCALE).round() as u32);
    let backend = CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| JsValue::from_str("no 2d context"))?;
    let area = backend.into_drawing_area();
    let surface = Surface {
        scale: PNG_SCALE,
        text_scale: 1.0,
    };
    figure::draw_figure(&area, spec, &placed, theme, surface)
        .map_err(|e| JsValue::from_str(&e.to_string()))?;
    area.present()
        .map_err(|e| JsValue::from_str(&e.to_string()))?;
    save_url(name, &canvas.to_data_url()?)
}
