//! Inside an iframe, the page tells its parent how tall it is, whenever that changes, in the three
//! formats host pages listen for: pym.js (`pymxPYMx{id}xPYMxheightxPYMx{px}`), Datawrapper
//! (`{"datawrapper-height": {id: px}}`) and AMP (`{sentinel: "amp", type: "embed-size", height}`).
//! `static/embed.js` understands all three. Only the height (and the parent-given id) is sent; a
//! height is not secret, so the target origin is `*`. Nothing is listened to.

use chitieu_core::embed::pym_height_message;
use chitieu_core::query;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{ResizeObserver, Window};

/// The id used when the parent gave none (`?childId=` is how pym.js passes it).
pub const DEFAULT_ID: &str = "chitieu";

/// Starts posting the height if this page is framed; does nothing on a top-level page.
pub fn start() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let parent = match window.parent() {
        Ok(Some(parent)) => parent,
        _ => return,
    };
    if JsValue::from(&parent) == JsValue::from(&window) {
        return;
    }
    let Some(root) = window.document().and_then(|d| d.document_element()) else {
        return;
    };
    let search = window.location().search().unwrap_or_default();
    let id = query::child_id(&search).unwrap_or_else(|| DEFAULT_ID.to_string());

    let last = Rc::new(Cell::new(0_u32));
    let measured = root.clone();
    let on_resize = Closure::<dyn Fn()>::new(move || {
        let height = measured.get_bounding_client_rect().height().ceil().max(0.0) as u32;
        if height != last.get() {
            last.set(height);
            post_height(&parent, &id, height);
        }
    });
    // The observer reports the first size at once, then every change (content, fonts, width).
    if let Ok(observer) = ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&root);
        // Both live as long as the page.
        std::mem::forget(observer);
        on_resize.forget();
    }
}

fn post_height(parent: &Window, id: &str, height: u32) {
    let _ = parent.post_message(&JsValue::from_str(&pym_height_message(id, height)), "*");

    let sizes = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&sizes, &JsValue::from_str(id), &JsValue::from(height));
    let datawrapper = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &datawrapper,
        &JsValue::from_str("datawrapper-height"),
        &sizes,
    );
    let _ = parent.post_message(&datawrapper, "*");

    let amp = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &amp,
        &JsValue::from_str("sentinel"),
        &JsValue::from_str("amp"),
    );
    let _ = js_sys::Reflect::set(
        &amp,
        &JsValue::from_str("type"),
        &JsValue::from_str("embed-size"),
    );
    let _ = js_sys::Reflect::set(&amp, &JsValue::from_str("height"), &JsValue::from(height));
    let _ = parent.post_message(&amp, "*");
}
