//! chitieu's second wasm module. The first view (scorecard, chart, tables) never needs it, so it
//! is not part of the first download: the page's loader (`static/boot.js`) imports it the first
//! time a reader opens the Downloads, Cite or Embed dialog, or when the address names a plan
//! file (`?plan=…`) that has to be checked. It holds what only those moments need: the text
//! validator with its messages in both languages, the CSV, PNG and SVG exports, the citation and
//! embed code dialogs.
//!
//! The two modules share no memory. The widget sends a plain object (see `Request`); the plan
//! travels as the file's text, checked again here with the same validator the build ran.
#![cfg(target_arch = "wasm32")]

mod dialogs;
mod downloads;
mod embed_dialog;
mod request;

use chitieu_core::plan::{self, codec, Plan};
use chitieu_core::text::Lang;
use request::{Kind, Request};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use yew::AppHandle;

/// The embedded plan as written: the dataset download, and what its version hash is taken of.
/// The first-view module carries the same plan in its binary form (see `plan::codec`).
const EMBEDDED_NAME: &str = "data/can-tho.toml";
const EMBEDDED: &str = include_str!("../../data/can-tho.toml");

/// The plan a dialog shows, with the text it was read from.
pub struct Dataset {
    pub plan: Rc<Plan>,
    pub text: Rc<str>,
    pub version: String,
    /// The `?plan=` path when the plan was loaded at run time, for the citation's address.
    pub path: Option<String>,
}

thread_local! {
    /// The last plan read, keyed by its version: reopening a dialog does not parse it again.
    static DATASET: RefCell<Option<Rc<Dataset>>> = const { RefCell::new(None) };
    /// The mounted dialog: one at a time, replaced on every `open`.
    static MOUNTED: RefCell<Option<AppHandle<dialogs::Dialog>>> = const { RefCell::new(None) };
}

fn dataset(text: Option<String>, path: Option<String>) -> Result<Rc<Dataset>, String> {
    let text: Rc<str> = text.map_or_else(|| Rc::from(EMBEDDED), Rc::from);
    let version = plan::version(&text);
    if let Some(hit) = DATASET.with(|d| d.borrow().clone()) {
        if hit.version == version && hit.path == path {
            return Ok(hit);
        }
    }
    let file = path.clone().unwrap_or_else(|| EMBEDDED_NAME.to_string());
    let (loaded, diagnostics) = plan::load(&file, &text);
    let plan = loaded.ok_or_else(|| {
        diagnostics
            .iter()
            .find(|d| d.is_error())
            .map(|d| d.render(Lang::En))
            .unwrap_or_default()
    })?;
    let made = Rc::new(Dataset {
        plan: Rc::new(plan),
        text,
        version,
        path,
    });
    DATASET.with(|d| *d.borrow_mut() = Some(made.clone()));
    Ok(made)
}

/// The element dialogs are mounted in, carrying the widget's theme class so the dialogs take its
/// colours (modal dialogs sit in the top layer wherever they are in the document).
///
/// It must be outside the widget's own element: each of the two modules runs its own Yew, and
/// each Yew marks the elements it renders with listener and subtree ids counted from the same
/// start, so an event bubbling from a dialog into the widget's element would run whatever
/// listener of the widget has the same id (a click on "Copy" switched the language). The
/// widget mounts on `#chitieu`; the dialogs go at the end of `<body>`, or, should the widget
/// have mounted on `<body>` itself, after it, as the document element's last child.
fn host(theme_class: &str) -> Result<web_sys::Element, JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let host = match document.get_element_by_id("chitieu-more") {
        Some(host) => host,
        None => {
            let host = document.create_element("div")?;
            host.set_id("chitieu-more");
            let parent = match (document.get_element_by_id("chitieu"), document.body()) {
                (Some(_), Some(body)) => web_sys::Node::from(body),
                _ => document
                    .document_element()
                    .map(web_sys::Node::from)
                    .ok_or_else(|| JsValue::from_str("no document element"))?,
            };
            parent.append_child(&host)?;
            host
        }
    };
    host.set_class_name(&format!("chitieu chitieu-more {theme_class}"));
    Ok(host)
}

/// Opens the dialog the request names (`kind`: `downloads`, `cite` or `embed`), replacing any
/// dialog mounted before. Errors (an unreadable request, a plan that does not load) are returned
/// to the widget, which shows them beside the button.
#[wasm_bindgen]
pub fn open(request: JsValue) -> Result<(), JsValue> {
    let request = Request::read(&request).map_err(|e| JsValue::from_str(&e))?;
    let dataset = match request.kind {
        Kind::Embed => None,
        _ => Some(
            dataset(request.plan_text.clone(), request.plan_path.clone())
                .map_err(|e| JsValue::from_str(&e))?,
        ),
    };
    let host = host(&format!("theme-{}", request.theme.code()))?;
    MOUNTED.with(|mounted| {
        if let Some(previous) = mounted.borrow_mut().take() {
            previous.destroy();
        }
        let props = dialogs::DialogProps {
            request: Rc::new(request),
            dataset,
        };
        *mounted.borrow_mut() =
            Some(yew::Renderer::<dialogs::Dialog>::with_root_and_props(host, props).render());
    });
    Ok(())
}

/// Checks a plan file named in the address with the full validator. Returns the plan in its
/// binary form (a `Uint8Array`, which the widget decodes), or, when it has errors, an object
/// `{ vi: [...], en: [...] }` with every problem rendered in both languages.
///
/// The validator's limits (file size, line length, nesting depth, keys per table, messages)
/// hold here as in the command line: nesting is refused past 16 levels before it is read, so
/// no file can overflow the stack, which in WebAssembly is a trap that would take the page
/// down instead of showing a message.
#[wasm_bindgen]
pub fn parse_plan(file: &str, text: &str) -> JsValue {
    let (loaded, diagnostics) = plan::load_at(file, text, today());
    match loaded {
        Some(plan) => js_sys::Uint8Array::from(codec::encode(&plan).as_slice()).into(),
        None => {
            let messages = js_sys::Object::new();
            for lang in Lang::ALL {
                let list: js_sys::Array = diagnostics
                    .iter()
                    .map(|d| JsValue::from_str(&d.render(lang)))
                    .collect();
                let _ = js_sys::Reflect::set(&messages, &lang.code().into(), &list);
            }
            messages.into()
        }
    }
}

/// Today in the reader's browser (UTC), with a day of slack for time zones east of UTC, so that
/// a publication date in the future is refused as it is by the command line.
fn today() -> plan::PartialDate {
    let days = (js_sys::Date::now() / 86_400_000.0).floor() as i64;
    plan::PartialDate::from_unix_days(days + 1)
}
