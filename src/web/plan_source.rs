//! Where the plan comes from: the file embedded at build time, or a same-origin plan file named
//! in the address (`?plan=…`), fetched and validated in the browser with the same messages as
//! `chitieu check`.

use chitieu_core::diagnostic::Diagnostic;
use chitieu_core::plan::{self, Plan};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

pub const EMBEDDED_NAME: &str = "data/can-tho.toml";
/// The file as written, comments included: it is also the dataset download, and its content hash
/// is the data version readers cite. (Embedding it without comments saved 1.7 KB of brotli, but
/// the download would then differ from the published file.)
pub const EMBEDDED: &str = include_str!("../../data/can-tho.toml");

#[derive(Clone, PartialEq)]
pub enum PlanState {
    Loading(String),
    Ready {
        plan: Rc<Plan>,
        version: String,
        /// The file's text, offered as the dataset download.
        text: Rc<str>,
    },
    Failed {
        file: String,
        diagnostics: Rc<Vec<Diagnostic>>,
        fetch_error: Option<String>,
    },
}

pub fn from_text(file: &str, text: &str) -> PlanState {
    let (loaded, diagnostics) = plan::load(file, text);
    match loaded {
        Some(plan) => PlanState::Ready {
            plan: Rc::new(plan),
            version: plan::version(text),
            text: Rc::from(text),
        },
        None => PlanState::Failed {
            file: file.to_string(),
            diagnostics: Rc::new(diagnostics),
            fetch_error: None,
        },
    }
}

/// Fetches a same-origin plan file. The caller has already refused other origins; the browser's
/// `same-origin` request mode refuses them again should a redirect try.
pub async fn fetch(path: String) -> PlanState {
    match fetch_text(&path).await {
        Ok(text) => from_text(&path, &text),
        Err(message) => PlanState::Failed {
            file: path,
            diagnostics: Rc::new(Vec::new()),
            fetch_error: Some(message),
        },
    }
}

async fn fetch_text(path: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let init = web_sys::RequestInit::new();
    init.set_mode(web_sys::RequestMode::SameOrigin);
    let response = JsFuture::from(window.fetch_with_str_and_init(path, &init))
        .await
        .map_err(|e| e.as_string().unwrap_or_else(|| "network error".into()))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| "not a response".to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|_| "unreadable body".to_string())?)
        .await
        .map_err(|_| "unreadable body".to_string())?;
    text.as_string()
        .ok_or_else(|| "unreadable body".to_string())
}
