//! The bridge to chitieu's second wasm module (`more/`), which holds what the first view never
//! needs: the downloads, citation and embed dialogs, and the validator for `?plan=` files.
//! `static/boot.js` puts a small loader on `globalThis.chitieuMore`; the module itself is
//! downloaded the first time one of these is called, then kept.

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn loader() -> Result<JsValue, JsValue> {
    Reflect::get(&js_sys::global(), &JsValue::from_str("chitieuMore"))
        .ok()
        .filter(JsValue::is_object)
        .ok_or_else(|| JsValue::from_str("chitieuMore loader missing (static/boot.js)"))
}

/// Calls `chitieuMore[method](...args)` and waits for its promise.
async fn call(method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let loader = loader()?;
    let function: Function = Reflect::get(&loader, &JsValue::from_str(method))?.dyn_into()?;
    let list: js_sys::Array = args.iter().collect();
    let promise: Promise = function.apply(&loader, &list)?.dyn_into()?;
    JsFuture::from(promise).await
}

/// Starts downloading the module without waiting (a pointer over, or focus on, a button that
/// will need it).
pub fn prefetch() {
    wasm_bindgen_futures::spawn_local(async {
        let _ = call("prefetch", &[]).await;
    });
}

/// A request for a dialog, written field by field (`more/src/request.rs` reads it).
pub struct Request(Object);

impl Request {
    pub fn new(kind: &str) -> Request {
        let request = Request(Object::new());
        request.set("kind", kind)
    }

    pub fn set(self, name: &str, value: impl Into<JsValue>) -> Request {
        let _ = Reflect::set(&self.0, &JsValue::from_str(name), &value.into());
        self
    }

    /// Opens the dialog. The error is the reason in words, for the status line beside the button.
    pub async fn open(self) -> Result<(), String> {
        call("open", &[self.0.into()])
            .await
            .map(|_| ())
            .map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))
    }
}

/// What `parse_plan` gave back for a plan file: its binary form, or every problem in both
/// languages.
pub enum Checked {
    Plan(Vec<u8>),
    Problems { vi: Vec<String>, en: Vec<String> },
}

/// Checks a plan file's text with the full validator in the second module.
pub async fn check_plan(file: &str, text: &str) -> Result<Checked, String> {
    let answer = call("parsePlan", &[file.into(), text.into()])
        .await
        .map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))?;
    if let Some(bytes) = answer.dyn_ref::<js_sys::Uint8Array>() {
        return Ok(Checked::Plan(bytes.to_vec()));
    }
    let list = |lang: &str| -> Vec<String> {
        Reflect::get(&answer, &JsValue::from_str(lang))
            .ok()
            .map(|v| js_sys::Array::from(&v))
            .map(|a| a.iter().filter_map(|v| v.as_string()).collect())
            .unwrap_or_default()
    };
    Ok(Checked::Problems {
        vi: list("vi"),
        en: list("en"),
    })
}
