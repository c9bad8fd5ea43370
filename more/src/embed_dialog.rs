//! The Embed dialog: the iframe code for the current view (compact, `embed=1`), with a copy
//! button. A native modal `<dialog>`: focus moves into it, Tab stays in it, Escape closes it,
//! and focus returns to the widget's Embed button that opened it. Copying uses the Clipboard API
//! when the page may; otherwise the code is selected and the reader is told to press Ctrl+C.

use crate::request::Request;
use chitieu_core::embed;
use chitieu_core::i18n::{t, Ui};
use chitieu_core::text::Lang;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlDialogElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties)]
pub struct EmbedDialogProps {
    pub request: Rc<Request>,
}

impl PartialEq for EmbedDialogProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.request, &other.request)
    }
}

/// The embed code for the page as it is now (the app keeps the address in step with the view).
fn current_code(lang: Lang, title: &str, indicator: &str) -> String {
    let Some(window) = web_sys::window() else {
        return String::new();
    };
    let location = window.location();
    let page = format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    );
    let urls = embed::urls(&page, &location.search().unwrap_or_default(), indicator);
    let frame_title = format!(
        "{} — {}: {}",
        t(Ui::AppName, lang),
        title,
        t(Ui::EmbedFrameTitle, lang)
    );
    embed::code(&urls, &frame_title)
}

fn clipboard_available(window: &web_sys::Window) -> bool {
    js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("clipboard"))
        .is_ok_and(|c| !c.is_undefined() && !c.is_null())
}

#[function_component]
pub fn EmbedDialog(props: &EmbedDialogProps) -> Html {
    let lang = props.request.lang;
    let dialog = use_node_ref();
    let textarea = use_node_ref();
    let code = use_memo((), {
        let title = props.request.title.clone();
        let indicator = props.request.indicator.clone();
        move |_| current_code(lang, &title, &indicator)
    });
    let status = use_state(|| None::<Ui>);

    {
        let (dialog, textarea) = (dialog.clone(), textarea.clone());
        use_effect_with((), move |_| {
            if let Some(dialog) = dialog.cast::<HtmlDialogElement>() {
                if !dialog.open() && dialog.show_modal().is_ok() {
                    if let Some(area) = textarea.cast::<HtmlTextAreaElement>() {
                        let _ = area.focus();
                        area.select();
                    }
                }
            }
        });
    }
    let close = {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(dialog) = dialog.cast::<HtmlDialogElement>() {
                dialog.close();
            }
        })
    };
    // Escape and the close button both end here: give focus back to the opener.
    let on_close = {
        let opener = props.request.opener.clone();
        Callback::from(move |_: Event| {
            if let Some(button) = &opener {
                let _ = button.focus();
            }
        })
    };
    let copy = {
        let (textarea, code, status) = (textarea.clone(), code.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            let textarea = textarea.clone();
            copy_text(&code, Ui::Copied, status.clone(), move || {
                if let Some(area) = textarea.cast::<HtmlTextAreaElement>() {
                    let _ = area.focus();
                    area.select();
                }
            });
        })
    };

    html! {
            <dialog ref={dialog} class="embed-dialog" aria-labelledby="embed-dialog-title"
                aria-describedby="embed-dialog-help" onclose={on_close}>
                <h2 id="embed-dialog-title">{ t(Ui::EmbedTitle, lang) }</h2>
                <p id="embed-dialog-help">{ t(Ui::EmbedHelp, lang) }</p>
                <label for="embed-code">{ t(Ui::EmbedCode, lang) }</label>
                <textarea id="embed-code" ref={textarea} class="embed-code" readonly=true rows="6"
                    spellcheck="false" value={(*code).clone()} />
                <div class="embed-actions">
                    <button type="button" class="embed-copy" onclick={copy}>{ t(Ui::Copy, lang) }</button>
                    <button type="button" class="embed-close" onclick={close}>{ t(Ui::Close, lang) }</button>
                </div>
                <p class="embed-status" role="status">{ status.map(|key| t(key, lang)).unwrap_or_default() }</p>
            </dialog>
    }
}

/// Copies `text` with the Clipboard API and says so (`done`) in `status`; where the page may not (no
/// permission, an insecure context), runs `select` so the reader can press Ctrl+C, and says that.
pub fn copy_text(
    text: &str,
    done: Ui,
    status: UseStateHandle<Option<Ui>>,
    select: impl FnOnce() + 'static,
) {
    let fallback = {
        let status = status.clone();
        move || {
            select();
            status.set(Some(Ui::CopySelected));
        }
    };
    let Some(window) = web_sys::window() else {
        return;
    };
    if !clipboard_available(&window) {
        fallback();
        return;
    }
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::spawn_local(async move {
        match JsFuture::from(promise).await {
            Ok(_) => status.set(Some(done)),
            Err(_) => fallback(),
        }
    });
}
