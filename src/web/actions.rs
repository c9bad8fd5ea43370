//! The buttons that open a dialog: "Tải xuống" (downloads) and "Trích dẫn" (cite) under the
//! chart, "Nhúng" (embed) in the masthead. The dialogs themselves live in the second wasm module
//! (`more/`), loaded the first time one is asked for, so they cost the first view nothing; a
//! pointer over or focus on a button starts that download early. If it fails (offline before
//! the module was ever cached), the reason is shown beside the button and the button still works
//! on the next try.

use super::more;
use super::plan_source::PlanRef;
use chitieu_core::chart::{Layers, ThemeName};
use chitieu_core::export::{self, Day};
use chitieu_core::i18n::{t, Ui};
use chitieu_core::plan::Period;
use chitieu_core::query::{self, Query};
use chitieu_core::text::Lang;
use std::rc::Rc;
use web_sys::HtmlElement;
use yew::prelude::*;

/// The dataset as loaded: its version (a content hash), and for a plan loaded at run time its
/// text and path (the embedded plan's text is in the second module). Provided by the root
/// component as a context.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    pub version: String,
    pub text: Option<Rc<str>>,
    pub path: Option<String>,
}

/// Today, from the browser's clock: the citation's access date.
fn today() -> Day {
    let now = js_sys::Date::new_0();
    Day {
        year: now.get_full_year() as i32,
        month: now.get_month() + 1,
        day: now.get_date(),
    }
}

/// The address a citation names: the indicator's own page (its indicator and, for a plan loaded
/// at run time, that plan; not the language, theme or view). `absolute` prefixes the page's
/// origin and path, which only the browser knows; pre-rendered pages carry the relative form.
fn citation_url(indicator: &str, path: Option<&str>, absolute: bool) -> String {
    let query = Query {
        indicator: Some(indicator.to_string()),
        plan: path.map(str::to_string),
        ..Query::default()
    };
    let here = if absolute {
        web_sys::window()
            .map(|w| w.location())
            .map(|l| {
                format!(
                    "{}{}",
                    l.origin().unwrap_or_default(),
                    l.pathname().unwrap_or_default()
                )
            })
            .unwrap_or_default()
    } else {
        String::new()
    };
    format!("{here}{}", query::to_string(&query))
}

/// The chart's width on screen (the downloads are drawn at the size the reader sees).
fn chart_width() -> f64 {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector("#indicator-panel .chart-stage")
                .ok()
                .flatten()
        })
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<HtmlElement>(e).ok())
        .map(|e| f64::from(e.client_width()))
        .unwrap_or(0.0)
}

/// Where a request to the second module stands, for the line under the buttons.
#[derive(Clone, PartialEq)]
enum Part {
    Idle,
    /// The module is being fetched (first use only; later calls answer at once).
    Loading,
    Failed(String),
}

/// The status line under the buttons: polite while loading, an alert when it failed.
fn part_status(part: &Part, lang: Lang) -> Html {
    match part {
        Part::Idle => Html::default(),
        Part::Loading => html! {
            <p class="part-loading" role="status">{ t(Ui::PartLoading, lang) }</p>
        },
        Part::Failed(problem) => html! {
            <p class="part-failed" role="alert">{ format!("{}: {problem}", t(Ui::PartFailed, lang)) }</p>
        },
    }
}

/// A button that opens a dialog of the second module: `request` builds what to ask for when it
/// is pressed; `part` follows the request.
fn opener(
    class: Classes,
    label: Html,
    request: Rc<dyn Fn() -> more::Request>,
    part: UseStateHandle<Part>,
) -> Html {
    let button = NodeRef::default();
    let onclick = {
        let button = button.clone();
        Callback::from(move |_: MouseEvent| {
            let today = today();
            let request = request()
                .set(
                    "accessed",
                    format!("{:04}-{:02}-{:02}", today.year, today.month, today.day),
                )
                .set(
                    "opener",
                    button
                        .cast::<HtmlElement>()
                        .map_or(wasm_bindgen::JsValue::UNDEFINED, Into::into),
                );
            let part = part.clone();
            part.set(Part::Loading);
            wasm_bindgen_futures::spawn_local(async move {
                part.set(match request.open().await {
                    Ok(()) => Part::Idle,
                    Err(problem) => Part::Failed(problem),
                });
            });
        })
    };
    let warm = Callback::from(|_: FocusEvent| more::prefetch());
    let warm_pointer = Callback::from(|_: PointerEvent| more::prefetch());
    html! {
        <button type="button" ref={button} class={class} aria-haspopup="dialog"
            {onclick} onfocus={warm} onpointerenter={warm_pointer}>{ label }</button>
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct ExportBarProps {
    pub plan: PlanRef,
    pub indicator: String,
    pub lang: Lang,
    pub period: Option<Period>,
    pub theme: ThemeName,
    pub layers: Layers,
    /// The chart's summary sentence, written into the SVG's description.
    pub summary: AttrValue,
    /// The day the page was rendered for: the print citation's access date until the browser's
    /// own clock replaces it.
    pub today: Day,
}

#[function_component]
pub fn ExportBar(props: &ExportBarProps) -> Html {
    let dataset = use_context::<Rc<Dataset>>();
    let part = use_state(|| Part::Idle);
    let lang = props.lang;
    // The print-only citation: rendered with the relative address and the page's day (what a
    // pre-rendered page can know), then given the absolute address and today by the browser. It
    // is not shown on screen, so the change is never seen.
    let absolute = use_state(|| false);
    {
        let absolute = absolute.clone();
        use_effect_with((), move |_| absolute.set(true));
    }
    // Printing shows the tables even when their <details> is closed: CSS does it where
    // `::details-content` is supported; this opens them everywhere else.
    use_effect_with((), |_| {
        let listener = web_sys::window().map(|window| {
            gloo::events::EventListener::new(&window, "beforeprint", |_| {
                let details = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.query_selector_all("details.data-table").ok());
                if let Some(details) = details {
                    for index in 0..details.length() {
                        if let Some(element) = details.get(index).and_then(|n| {
                            wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok()
                        }) {
                            let _ = element.set_attribute("open", "");
                        }
                    }
                }
            })
        });
        move || drop(listener)
    });
    let Some(dataset) = dataset else {
        return Html::default();
    };

    let request = |kind: &'static str| -> Rc<dyn Fn() -> more::Request> {
        let props = props.clone();
        let dataset = dataset.clone();
        Rc::new(move || {
            let bits = props.layers.to_bits();
            let period = props
                .period
                .map(|p| format!("{}-{}", p.first, p.last))
                .unwrap_or_default();
            let mut request = more::Request::new(kind)
                .set("lang", props.lang.code())
                .set("theme", props.theme.code())
                .set("indicator", props.indicator.as_str())
                .set("period", period)
                .set("layers", f64::from(bits))
                .set("summary", props.summary.as_str())
                .set("chartWidth", chart_width())
                .set(
                    "citationUrl",
                    citation_url(&props.indicator, dataset.path.as_deref(), true),
                );
            if let Some(text) = &dataset.text {
                request = request.set("planText", &**text);
            }
            if let Some(path) = &dataset.path {
                request = request.set("planPath", path.as_str());
            }
            request
        })
    };

    let citation = export::citation(
        &props.plan,
        &dataset.version,
        if *absolute { today() } else { props.today },
        &citation_url(&props.indicator, dataset.path.as_deref(), *absolute),
        lang,
    );
    html! {
        <>
            <div class="export-bar">
                { opener(classes!("export-open", "export-downloads"), html! { <><span aria-hidden="true">{ "⤓ " }</span>{ t(Ui::Downloads, lang) }</> },
                    request("downloads"), part.clone()) }
                { opener(classes!("export-open", "export-cite"), html! { <><span aria-hidden="true">{ "❝ " }</span>{ t(Ui::Cite, lang) }</> },
                    request("cite"), part.clone()) }
            </div>
            { part_status(&part, lang) }
            <p class="print-citation">{ format!("{}: {citation}", t(Ui::Cite, lang)) }</p>
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct EmbedButtonProps {
    pub lang: Lang,
    pub theme: ThemeName,
    /// The plan's (short) title, for the iframe's accessible name.
    pub title: AttrValue,
    /// The indicator the page shows (the plan's default when the address names none): the
    /// frame is its compact page.
    pub indicator: AttrValue,
}

#[function_component]
pub fn EmbedButton(props: &EmbedButtonProps) -> Html {
    let part = use_state(|| Part::Idle);
    let (lang, theme, title) = (props.lang, props.theme, props.title.clone());
    let indicator = props.indicator.clone();
    let request: Rc<dyn Fn() -> more::Request> = Rc::new(move || {
        more::Request::new("embed")
            .set("lang", lang.code())
            .set("theme", theme.code())
            .set("title", title.as_str())
            .set("indicator", indicator.as_str())
    });
    html! {
        <>
            { opener(classes!("embed-open"), html! { { t(Ui::Embed, lang) } }, request, part.clone()) }
            { part_status(&part, lang) }
        </>
    }
}
