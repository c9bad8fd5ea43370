//! What the widget asks for, read from the plain object it sends (`src/web/more.rs` writes it).
//! Every field is checked here: a wrong one is an error naming the field, never a guess.

use chitieu_core::chart::{Layers, ThemeName};
use chitieu_core::export::Day;
use chitieu_core::plan::PartialDate;
use chitieu_core::plan::{lower, Period};
use chitieu_core::text::Lang;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlElement;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    Downloads,
    Cite,
    Embed,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    pub kind: Kind,
    pub lang: Lang,
    pub theme: ThemeName,
    pub indicator: String,
    pub period: Option<Period>,
    pub layers: Layers,
    /// The chart's summary sentence, written into the SVG's description.
    pub summary: String,
    /// The plan file's text when it was loaded at run time; `None` for the embedded plan.
    pub plan_text: Option<String>,
    pub plan_path: Option<String>,
    /// The plan's (short) title, for the embed code's iframe title.
    pub title: String,
    /// The chart's width on screen: the PNG and SVG are drawn at the size the reader sees.
    pub chart_width: f64,
    /// What a citation names: the page's address without view state (the widget knows it).
    pub citation_url: String,
    /// The citation's access date (the reader's today, from the widget) and the year of the
    /// files' "made on" line.
    pub accessed: Day,
    /// The button that opened the dialog: focus goes back to it when the dialog closes.
    pub opener: Option<HtmlElement>,
}

fn field(object: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn text(object: &JsValue, name: &str) -> Option<String> {
    field(object, name).as_string()
}

impl Request {
    pub fn read(object: &JsValue) -> Result<Request, String> {
        let bad = |name: &str| format!("chitieu-more: bad request field `{name}`");
        let kind = match text(object, "kind").as_deref() {
            Some("downloads") => Kind::Downloads,
            Some("cite") => Kind::Cite,
            Some("embed") => Kind::Embed,
            _ => return Err(bad("kind")),
        };
        let lang = text(object, "lang")
            .and_then(|code| Lang::from_code(&code))
            .ok_or_else(|| bad("lang"))?;
        let theme = text(object, "theme")
            .and_then(|code| ThemeName::from_code(&code))
            .ok_or_else(|| bad("theme"))?;
        let period = match text(object, "period").as_deref() {
            None | Some("") => None,
            Some(code) => Some(lower::parse_period(code).ok_or_else(|| bad("period"))?),
        };
        let layers = field(object, "layers")
            .as_f64()
            .map_or(Layers::DEFAULT, |bits| Layers::from_bits(bits as u32));
        let accessed = text(object, "accessed")
            .and_then(|date| PartialDate::parse(&date))
            .and_then(|date| {
                Some(Day {
                    year: date.year,
                    month: u32::from(date.month?),
                    day: u32::from(date.day?),
                })
            })
            .ok_or_else(|| bad("accessed"))?;
        Ok(Request {
            kind,
            lang,
            theme,
            indicator: text(object, "indicator").unwrap_or_default(),
            period,
            layers,
            summary: text(object, "summary").unwrap_or_default(),
            plan_text: text(object, "planText"),
            plan_path: text(object, "planPath"),
            title: text(object, "title").unwrap_or_default(),
            chart_width: field(object, "chartWidth")
                .as_f64()
                .filter(|w| *w >= 200.0)
                .unwrap_or(720.0),
            citation_url: text(object, "citationUrl").unwrap_or_default(),
            accessed,
            opener: field(object, "opener").dyn_into::<HtmlElement>().ok(),
        })
    }
}
