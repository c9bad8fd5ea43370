//! "Tải xuống" (downloads) and "Trích dẫn" (cite this): two buttons under the chart, each
//! opening a modal `<dialog>` (`showModal`, so focus stays inside while it is open, Escape
//! closes it, and focus goes back to the button that opened it). Every file and every word
//! comes from the core (`chitieu_core::export`); this module only wires them to the page.

use super::app::current_year;
use super::canvas::height_for;
use super::downloads;
use super::indicator::primary_target;
use chitieu_core::chart::{self, figure, Layers, Theme, ThemeName};
use chitieu_core::export::{self, Day};
use chitieu_core::i18n::{t, Ui};
use chitieu_core::plan::{Period, Plan};
use chitieu_core::query::{self, Query};
use chitieu_core::status;
use chitieu_core::text::Lang;
use std::rc::Rc;
use web_sys::{HtmlDialogElement, HtmlElement};
use yew::prelude::*;

/// The dataset as loaded: its text (offered as the dataset file) and its version (a content
/// hash). Provided by the root component as a context.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    pub text: Rc<str>,
    pub version: String,
    /// The `?plan=` path when the plan was loaded at run time, for the citation's address.
    pub path: Option<String>,
}

#[derive(Properties, PartialEq, Clone)]
pub struct ExportBarProps {
    pub plan: Rc<Plan>,
    pub indicator: String,
    pub lang: Lang,
    pub period: Option<Period>,
    pub theme: ThemeName,
    pub layers: Layers,
    /// The chart's summary sentence, written into the SVG's description.
    pub summary: AttrValue,
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

/// The page's address without view state (language, theme, indicator): what a citation names.
fn dataset_url(path: Option<&str>) -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let query = Query {
        plan: path.map(str::to_string),
        ..Query::default()
    };
    format!(
        "{}{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default(),
        query::to_string(&query)
    )
}

/// The chart's width on screen (the downloads are drawn at the size the reader sees).
fn chart_width() -> f64 {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector("#indicator-panel .chart-canvas")
                .ok()
                .flatten()
        })
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<HtmlElement>(e).ok())
        .map(|e| f64::from(e.client_width()))
        .filter(|w| *w >= 200.0)
        .unwrap_or(720.0)
}

#[derive(Clone, Copy, PartialEq)]
enum Download {
    IndicatorCsv,
    DatasetCsv,
    PlanFile,
    Png,
    Svg,
}

/// Makes one file and saves it; returns its name.
fn make(props: &ExportBarProps, dataset: &Dataset, file: Download) -> Result<String, String> {
    let plan = &props.plan;
    let lang = props.lang;
    let today = current_year();
    let indicator = plan
        .indicator(&props.indicator)
        .ok_or_else(|| props.indicator.clone())?;
    let version = dataset.version.as_str();
    let name = |extension: &str, whole: bool| {
        export::file_name(
            plan,
            (!whole).then_some(indicator.id.as_str()),
            version,
            extension,
        )
    };
    let failed = |e: wasm_bindgen::JsValue| format!("{e:?}");
    match file {
        Download::IndicatorCsv => {
            let file = name("csv", false);
            let text = export::indicator_csv(plan, indicator, lang, version, today);
            downloads::save_text(&file, "text/csv;charset=utf-8", &text).map_err(failed)?;
            Ok(file)
        }
        Download::DatasetCsv => {
            let file = name("csv", true);
            let text = export::dataset_csv(plan, lang, version, today);
            downloads::save_text(&file, "text/csv;charset=utf-8", &text).map_err(failed)?;
            Ok(file)
        }
        Download::PlanFile => {
            let file = name("toml", true);
            downloads::save_text(&file, "application/toml;charset=utf-8", &dataset.text)
                .map_err(failed)?;
            Ok(file)
        }
        Download::Png | Download::Svg => {
            let primary = primary_target(plan, &indicator.id, props.period, today);
            let required = primary
                .and_then(|t| status::required_path(plan, t))
                .unwrap_or_default();
            let projection = primary
                .and_then(|t| status::projection(plan, t))
                .map(|p| p.tuples())
                .unwrap_or_default();
            let spec = chart::build(
                plan,
                &indicator.id,
                props.period,
                lang,
                required,
                projection,
                props.layers,
            )
            .ok_or_else(|| indicator.id.clone())?;
            let caption = export::caption(plan, indicator, props.period, lang, version);
            let width = chart_width();
            let chart_height = height_for(width);
            let theme = Theme::get(props.theme);
            if file == Download::Png {
                let file = name("png", false);
                downloads::save_png(&file, &spec, &caption, width, chart_height, &theme)
                    .map_err(failed)?;
                Ok(file)
            } else {
                let file = name("svg", false);
                let svg = figure::to_svg(
                    &spec,
                    &caption,
                    &props.summary,
                    width.round() as u32,
                    chart_height.round() as u32,
                    &theme,
                );
                downloads::save_text(&file, "image/svg+xml;charset=utf-8", &svg).map_err(failed)?;
                Ok(file)
            }
        }
    }
}

#[function_component]
pub fn ExportBar(props: &ExportBarProps) -> Html {
    let dataset = use_context::<Rc<Dataset>>();
    let downloads_dialog = use_node_ref();
    let cite_dialog = use_node_ref();
    let downloads_opener = use_node_ref();
    let cite_opener = use_node_ref();
    let made = use_state(|| None::<Result<String, String>>);
    let lang = props.lang;
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

    let open = |dialog: &NodeRef, made: Option<UseStateHandle<Option<Result<String, String>>>>| {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(made) = &made {
                made.set(None);
            }
            if let Some(dialog) = dialog.cast::<HtmlDialogElement>() {
                if !dialog.open() {
                    let _ = dialog.show_modal();
                }
            }
        })
    };

    let file_button = |file: Download, label: Ui, class: &'static str| {
        let made = made.clone();
        let dataset = dataset.clone();
        let inputs = props.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            made.set(Some(make(&inputs, &dataset, file)));
        });
        html! {
            <li><button type="button" class={classes!("download-button", class)} {onclick}>{ t(label, lang) }</button></li>
        }
    };

    let url = dataset_url(dataset.path.as_deref());
    let day = today();
    let other = match lang {
        Lang::Vi => Lang::En,
        Lang::En => Lang::Vi,
    };
    let citation = export::citation(&props.plan, &dataset.version, day, &url, lang);
    let citation_other = export::citation(&props.plan, &dataset.version, day, &url, other);

    html! {
        <>
            <div class="export-bar">
                <button type="button" ref={downloads_opener.clone()} class="export-open export-downloads"
                    aria-haspopup="dialog" onclick={open(&downloads_dialog, Some(made.clone()))}>
                    <span aria-hidden="true">{ "⤓ " }</span>{ t(Ui::Downloads, lang) }
                </button>
                <button type="button" ref={cite_opener.clone()} class="export-open export-cite"
                    aria-haspopup="dialog" onclick={open(&cite_dialog, None)}>
                    <span aria-hidden="true">{ "❝ " }</span>{ t(Ui::Cite, lang) }
                </button>
            </div>
            <Modal id="downloads-dialog" title={t(Ui::DownloadsTitle, lang)} {lang}
                dialog={downloads_dialog} opener={downloads_opener}>
                <p class="modal-intro">{ t(Ui::DownloadsIntro, lang) }</p>
                <ul class="download-list">
                    { file_button(Download::IndicatorCsv, Ui::DownloadIndicatorCsv, "download-indicator-csv") }
                    { file_button(Download::DatasetCsv, Ui::DownloadDatasetCsv, "download-dataset-csv") }
                    { file_button(Download::PlanFile, Ui::DownloadDatasetFile, "download-dataset-file") }
                    { file_button(Download::Png, Ui::DownloadPng, "download-png") }
                    { file_button(Download::Svg, Ui::DownloadSvg, "download-svg") }
                </ul>
                <p class="download-status" role="status">
                    { match &*made {
                        Some(Ok(file)) => format!("{}: {file}", t(Ui::FileReady, lang)),
                        Some(Err(problem)) => format!("{}: {problem}", t(Ui::FileFailed, lang)),
                        None => String::new(),
                    } }
                </p>
            </Modal>
            <Modal id="cite-dialog" title={t(Ui::CiteTitle, lang)} {lang}
                dialog={cite_dialog} opener={cite_opener}>
                <p class="citation" lang={lang.code()}>{ citation.clone() }</p>
                <p class="modal-intro">{ t(Ui::CiteIntro, lang) }</p>
                <h3 class="citation-other-title">{ t(Ui::CiteOtherLanguage, lang) }</h3>
                <p class="citation citation-other" lang={other.code()}>{ citation_other }</p>
            </Modal>
            <p class="print-citation">{ t(Ui::Cite, lang) }{ ": " }{ citation }</p>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct ModalProps {
    id: AttrValue,
    title: AttrValue,
    lang: Lang,
    dialog: NodeRef,
    opener: NodeRef,
    children: Html,
}

/// A modal dialog labelled by its heading, with a close button; the browser's `<dialog>` keeps
/// focus inside while open and closes on Escape; closing returns focus to the opener.
#[function_component]
fn Modal(props: &ModalProps) -> Html {
    let heading = format!("{}-title", props.id);
    let onclose = {
        let opener = props.opener.clone();
        Callback::from(move |_: Event| {
            if let Some(opener) = opener.cast::<HtmlElement>() {
                let _ = opener.focus();
            }
        })
    };
    let close = {
        let dialog = props.dialog.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(dialog) = dialog.cast::<HtmlDialogElement>() {
                dialog.close();
            }
        })
    };
    html! {
        <dialog ref={props.dialog.clone()} id={props.id.clone()} class="modal" aria-labelledby={heading.clone()} {onclose}>
            <div class="modal-head">
                <h2 id={heading}>{ props.title.clone() }</h2>
                <button type="button" class="modal-close" onclick={close}>{ t(Ui::Close, props.lang) }</button>
            </div>
            { props.children.clone() }
        </dialog>
    }
}
