//! The dialogs behind the widget's "Tải xuống" (downloads), "Trích dẫn" (cite this) and "Nhúng"
//! (embed) buttons: modal `<dialog>`s (`showModal`, so focus stays inside while one is open,
//! Escape closes it, and focus goes back to the button that opened it). Every file and every
//! word comes from the core (`chitieu_core::export`); this module only wires them to the page.

use crate::downloads;
use crate::embed_dialog::EmbedDialog;
use crate::request::{Kind, Request};
use crate::Dataset;
use chitieu_core::chart::{self, figure, Theme};
use chitieu_core::export;
use chitieu_core::i18n::{t, Ui};
use chitieu_core::text::Lang;
use std::rc::Rc;
use web_sys::HtmlDialogElement;
use yew::prelude::*;

#[derive(Properties)]
pub struct DialogProps {
    pub request: Rc<Request>,
    /// The plan, read from its text; `None` for the embed dialog, which needs no plan.
    pub dataset: Option<Rc<Dataset>>,
}

impl PartialEq for DialogProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.request, &other.request)
            && match (&self.dataset, &other.dataset) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            }
    }
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
fn make(props: &Request, dataset: &Dataset, file: Download) -> Result<String, String> {
    let plan = &dataset.plan;
    let lang = props.lang;
    let today = props.accessed.year;
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
            // The chart the page shows, by the one function every surface calls.
            let spec = chart::indicator_chart(
                plan,
                &indicator.id,
                props.period,
                lang,
                props.layers,
                today,
            )
            .ok_or_else(|| indicator.id.clone())?;
            let caption = export::caption(plan, indicator, props.period, lang, version, today);
            let width = props.chart_width;
            // Whole pixels, so that the PNG and the SVG of one chart have the same proportions.
            let chart_height = chart::height_for(width).round();
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

/// The dialog the request names, opened as soon as it is mounted.
#[function_component]
pub fn Dialog(props: &DialogProps) -> Html {
    let request = props.request.clone();
    match (request.kind, &props.dataset) {
        (Kind::Embed, _) => html! { <EmbedDialog {request} /> },
        (Kind::Downloads, Some(dataset)) => {
            html! { <Downloads {request} dataset={dataset.clone()} /> }
        }
        (Kind::Cite, Some(dataset)) => html! { <Cite {request} dataset={dataset.clone()} /> },
        _ => Html::default(),
    }
}

#[derive(Properties)]
struct DatasetProps {
    request: Rc<Request>,
    dataset: Rc<Dataset>,
}

impl PartialEq for DatasetProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.request, &other.request) && Rc::ptr_eq(&self.dataset, &other.dataset)
    }
}

#[function_component]
fn Downloads(props: &DatasetProps) -> Html {
    let made = use_state(|| None::<Result<String, String>>);
    let lang = props.request.lang;
    let file_button = |file: Download, label: Ui, class: &'static str| {
        let made = made.clone();
        let request = props.request.clone();
        let dataset = props.dataset.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            made.set(Some(make(&request, &dataset, file)));
        });
        html! {
            <li><button type="button" class={classes!("download-button", class)} {onclick}>{ t(label, lang) }</button></li>
        }
    };
    html! {
        <Modal id="downloads-dialog" title={t(Ui::DownloadsTitle, lang)} request={props.request.clone()}>
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
    }
}

#[function_component]
fn Cite(props: &DatasetProps) -> Html {
    let lang = props.request.lang;
    let status = use_state(|| None::<Ui>);
    let paragraph = use_node_ref();
    let dataset = &props.dataset;
    let url = &props.request.citation_url;
    let day = props.request.accessed;
    let other = match lang {
        Lang::Vi => Lang::En,
        Lang::En => Lang::Vi,
    };
    let citation = export::citation(&dataset.plan, &dataset.version, day, url, lang);
    let citation_other = export::citation(&dataset.plan, &dataset.version, day, url, other);
    let copy = {
        let (text, status, paragraph) = (citation.clone(), status.clone(), paragraph.clone());
        Callback::from(move |_: MouseEvent| {
            crate::embed_dialog::copy_text(&text, Ui::CitationCopied, status.clone(), {
                let paragraph = paragraph.clone();
                move || select_contents(&paragraph)
            });
        })
    };
    html! {
        <Modal id="cite-dialog" title={t(Ui::CiteTitle, lang)} request={props.request.clone()}>
            <p class="citation" lang={lang.code()} ref={paragraph}>{ citation }</p>
            <div class="cite-actions">
                <button type="button" class="cite-copy download-button" onclick={copy}>{ t(Ui::CopyCitation, lang) }</button>
                <span class="cite-status" role="status">{ status.map(|key| t(key, lang)).unwrap_or_default() }</span>
            </div>
            <p class="modal-intro">{ t(Ui::CiteIntro, lang) }</p>
            <h3 class="citation-other-title">{ t(Ui::CiteOtherLanguage, lang) }</h3>
            <p class="citation citation-other" lang={other.code()}>{ citation_other }</p>
        </Modal>
    }
}

/// Selects the text of an element, for the reader to copy by hand when the page may not.
fn select_contents(element: &NodeRef) {
    let (Some(element), Some(selection)) = (
        element.cast::<web_sys::Node>(),
        web_sys::window().and_then(|w| w.get_selection().ok().flatten()),
    ) else {
        return;
    };
    let _ = selection.select_all_children(&element);
}

#[derive(Properties, PartialEq)]
struct ModalProps {
    id: AttrValue,
    title: AttrValue,
    request: Rc<Request>,
    children: Html,
}

/// A modal dialog labelled by its heading, with a close button, opened when it is mounted. The
/// browser's `<dialog>` keeps focus inside while open and closes on Escape; closing returns
/// focus to the button in the widget that opened it.
#[function_component]
fn Modal(props: &ModalProps) -> Html {
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        use_effect_with((), move |_| {
            if let Some(dialog) = dialog.cast::<HtmlDialogElement>() {
                if !dialog.open() {
                    let _ = dialog.show_modal();
                }
            }
        });
    }
    let heading = format!("{}-title", props.id);
    let onclose = {
        let opener = props.request.opener.clone();
        Callback::from(move |_: Event| {
            if let Some(opener) = &opener {
                let _ = opener.focus();
            }
        })
    };
    let close = {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(dialog) = dialog.cast::<HtmlDialogElement>() {
                dialog.close();
            }
        })
    };
    html! {
        <dialog ref={dialog} id={props.id.clone()} class="modal" aria-labelledby={heading.clone()} {onclose}>
            <div class="modal-head">
                <h2 id={heading}>{ props.title.clone() }</h2>
                <button type="button" class="modal-close" onclick={close}>{ t(Ui::Close, props.request.lang) }</button>
            </div>
            { props.children.clone() }
        </dialog>
    }
}
