//! Where the plan comes from: the plan embedded at build time, or a same-origin plan file named
//! in the address (`?plan=…`), fetched and checked in the browser with the same validator and
//! messages as `chitieu check`.
//!
//! The embedded plan was validated by `build.rs` with that validator and is carried in its
//! binary form (`plan::codec`), so the first view decodes it without shipping the text parser.
//! A `?plan=` file is checked by the second module (`more/`), which returns the same binary form.

use super::more::{self, Checked};
use chitieu_core::plan::{self, codec, Plan};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

pub const EMBEDDED_NAME: &str = "data/can-tho.toml";
pub const EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/plan.bin"));
/// The content hash of data/can-tho.toml as written (`plan::version`), computed by build.rs.
const EMBEDDED_VERSION: &str = env!("CHITIEU_PLAN_VERSION");

/// The loaded plan, shared by the components. Equal only to itself: Yew compares props and hook
/// dependencies on every render, and a field-by-field comparison of a whole plan there would
/// cost time on every hover (and code in the first view).
#[derive(Clone, Debug)]
pub struct PlanRef(pub Rc<Plan>);

impl PartialEq for PlanRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for PlanRef {
    type Target = Plan;
    fn deref(&self) -> &Plan {
        &self.0
    }
}

/// Every problem found in a plan file, rendered in both languages.
#[derive(Clone, Debug, PartialEq)]
pub struct Problems {
    pub vi: Vec<String>,
    pub en: Vec<String>,
}

#[derive(Clone, PartialEq)]
pub enum PlanState {
    Loading(String),
    Ready {
        plan: PlanRef,
        version: String,
        /// A run-time plan's text, offered as the dataset download (the embedded plan's text is
        /// in the second module).
        text: Option<Rc<str>>,
    },
    Failed {
        file: String,
        problems: Rc<Problems>,
        fetch_error: Option<String>,
    },
}

fn failed(file: &str, problems: Problems, fetch_error: Option<String>) -> PlanState {
    PlanState::Failed {
        file: file.to_string(),
        problems: Rc::new(problems),
        fetch_error,
    }
}

pub fn embedded() -> PlanState {
    match codec::decode(EMBEDDED) {
        Ok(plan) => PlanState::Ready {
            plan: PlanRef(Rc::new(plan)),
            version: EMBEDDED_VERSION.to_string(),
            text: None,
        },
        // Only a build that skipped build.rs could get here; say so rather than show nothing.
        Err(error) => {
            let message = error.to_string();
            failed(
                EMBEDDED_NAME,
                Problems {
                    vi: vec![message.clone()],
                    en: vec![message],
                },
                None,
            )
        }
    }
}

/// Fetches a same-origin plan file and checks it. The caller has already refused other
/// origins; the browser's `same-origin` request mode refuses them again should a redirect try.
pub async fn fetch(path: String) -> PlanState {
    let no_problems = || Problems {
        vi: Vec::new(),
        en: Vec::new(),
    };
    let text = match fetch_text(&path).await {
        Ok(text) => text,
        Err(message) => return failed(&path, no_problems(), Some(message)),
    };
    match more::check_plan(&path, &text).await {
        Ok(Checked::Plan(bytes)) => match codec::decode(&bytes) {
            Ok(plan) => PlanState::Ready {
                plan: PlanRef(Rc::new(plan)),
                version: plan::version(&text),
                text: Some(Rc::from(text)),
            },
            Err(error) => failed(&path, no_problems(), Some(error.to_string())),
        },
        Ok(Checked::Problems { vi, en }) => failed(&path, Problems { vi, en }, None),
        Err(message) => failed(&path, no_problems(), Some(message)),
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
