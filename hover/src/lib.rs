//! chitieu's first module, loaded on every page: it makes the charts answer the pointer and the
//! keys, and tells a host page how tall an embedded widget is. A pre-rendered page is read and
//! explored with this alone; the app (Yew) loads when a reader first uses a control.
//!
//! What it needs is in the page: each chart layout's point positions (`data-points`, its size in
//! `data-size`) and each point's readout (`ol.chart-readouts`), written by the chart component
//! of the app, natively for a pre-rendered page and in the browser after any change. The
//! arithmetic (which point is nearest, where a key moves, where the tooltip goes) is the core's
//! `pointer` module. What this module adds to the page (focus ring, tooltip, readout line) is
//! taken away by `reset`, which the start-up calls before the app takes the page over.

#[cfg(target_arch = "wasm32")]
mod frame;

#[cfg(target_arch = "wasm32")]
mod page {
    use chitieu_core::pointer::{self, Step};
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{Document, Element, HtmlElement, KeyboardEvent, PointerEvent};

    /// How far (CSS pixels, across) a pointer reaches for a point: a finger's width.
    const REACH: f64 = 36.0;

    fn document() -> Option<Document> {
        web_sys::window()?.document()
    }

    #[wasm_bindgen(start)]
    pub fn start() {
        super::frame::start();
        let Some(document) = document() else {
            return;
        };
        listen(&document, "pointermove", |event: web_sys::Event| {
            if let Some(event) = event.dyn_ref::<PointerEvent>() {
                on_pointer(event);
            }
        });
        listen(&document, "pointerdown", |event: web_sys::Event| {
            if let Some(event) = event.dyn_ref::<PointerEvent>() {
                on_pointer(event);
            }
        });
        listen(&document, "keydown", |event: web_sys::Event| {
            if let Some(event) = event.dyn_ref::<KeyboardEvent>() {
                on_key(event);
            }
        });
        listen(&document, "focusin", |event: web_sys::Event| {
            // A chart that takes the keyboard focus shows its first point.
            if let Some(plot) = plot_of(event.target()) {
                if let Some(stage) = plot.parent_element() {
                    if focused(&stage).is_none() {
                        show(&stage, Some(0));
                    }
                }
            }
        });
        // The app drew another chart in a stage: a focus it held no longer applies.
        listen(&document, "chitieu:chart", |event: web_sys::Event| {
            if let Some(stage) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) {
                clear(&stage);
            }
        });
        if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
            let _ = performance.mark("chitieu:hover");
        }
    }

    fn listen(document: &Document, kind: &str, handler: impl Fn(web_sys::Event) + 'static) {
        let closure = Closure::<dyn Fn(web_sys::Event)>::new(handler);
        let _ = document.add_event_listener_with_callback_and_bool(
            kind,
            closure.as_ref().unchecked_ref(),
            true,
        );
        // Lives as long as the page.
        closure.forget();
    }

    /// Takes away what this module added to the page (focus rings, tooltips, readout lines), so
    /// that the page is again exactly as pre-rendered when the app takes it over.
    /// The focus each chart had is remembered for [`restore`].
    #[wasm_bindgen]
    pub fn reset() {
        let Some(document) = document() else {
            return;
        };
        if let Ok(stages) = document.query_selector_all(".chart-stage") {
            for index in 0..stages.length() {
                if let Some(stage) = stages.get(index).and_then(|n| n.dyn_into::<Element>().ok()) {
                    if let Some(focus) = focused(&stage) {
                        HELD.with(|held| held.borrow_mut().push((stage.clone(), focus)));
                    }
                    clear(&stage);
                    for selector in [".chart-ring", ".chart-tooltip"] {
                        if let Ok(Some(node)) = stage.query_selector(selector) {
                            node.remove();
                        }
                    }
                }
            }
        }
    }

    thread_local! {
        /// Charts whose focused point [`reset`] took away while the app took the page over.
        static HELD: std::cell::RefCell<Vec<(Element, usize)>> = const { std::cell::RefCell::new(Vec::new()) };
    }

    /// Shows again the points that were focused before [`reset`]: the app has taken the page
    /// over without changing it (hydration keeps every element), so a reader who had a point
    /// in focus still has it.
    #[wasm_bindgen]
    pub fn restore() {
        for (stage, focus) in HELD.with(|held| std::mem::take(&mut *held.borrow_mut())) {
            if stage.is_connected() && focused(&stage).is_none() {
                show(&stage, Some(focus));
            }
        }
    }

    /// The plot (`.chart-plot`) an event happened in, if any.
    fn plot_of(target: Option<web_sys::EventTarget>) -> Option<Element> {
        target?
            .dyn_into::<Element>()
            .ok()?
            .closest(".chart-plot")
            .ok()?
    }

    /// A chart layout as the page carries it: its element, its width in layout pixels, and its
    /// points' positions in focus order.
    type Shown = (Element, f64, Vec<(f64, f64)>);

    /// The layout the stylesheet shows (one per design width; the others are display: none).
    fn shown_layout(stage: &Element) -> Option<Shown> {
        let variants = stage.query_selector_all(".chart-variant").ok()?;
        for index in 0..variants.length() {
            let variant: Element = variants.get(index)?.dyn_into().ok()?;
            if variant.get_bounding_client_rect().width() > 0.0 {
                let width = variant
                    .get_attribute("data-size")?
                    .split_whitespace()
                    .next()?
                    .parse::<f64>()
                    .ok()?;
                let points = pointer::decode_points(&variant.get_attribute("data-points")?);
                return Some((variant, width, points));
            }
        }
        None
    }

    fn focused(stage: &Element) -> Option<usize> {
        stage.get_attribute("data-focus")?.parse().ok()
    }

    fn on_pointer(event: &PointerEvent) {
        let Some(plot) = plot_of(event.target()) else {
            return;
        };
        let Some(stage) = plot.parent_element() else {
            return;
        };
        let Some((variant, width, points)) = shown_layout(&stage) else {
            return;
        };
        let rect = variant.get_bounding_client_rect();
        if rect.width() <= 0.0 {
            return;
        }
        let scale = width / rect.width();
        let x = (f64::from(event.client_x()) - rect.left()) * scale;
        let y = (f64::from(event.client_y()) - rect.top()) * scale;
        let near = pointer::nearest(&points, x, y, REACH * scale);
        if near.is_some() && near != focused(&stage) {
            show(&stage, near);
        }
    }

    fn on_key(event: &KeyboardEvent) {
        let Some(plot) = plot_of(event.target()) else {
            return;
        };
        let Some(step) = Step::of_key(&event.key()) else {
            return;
        };
        let Some(stage) = plot.parent_element() else {
            return;
        };
        let count = shown_layout(&stage).map_or(0, |(_, _, points)| points.len());
        event.prevent_default();
        show(&stage, pointer::step(focused(&stage), step, count));
    }

    /// Shows point `focus` of the stage's chart (ring, tooltip, readout), or nothing.
    fn show(stage: &Element, focus: Option<usize>) {
        let (Some(focus), Some((variant, width, points))) = (focus, shown_layout(stage)) else {
            clear(stage);
            return;
        };
        let Some(&(px, py)) = points.get(focus) else {
            clear(stage);
            return;
        };
        let Some(document) = document() else {
            return;
        };
        let _ = stage.set_attribute("data-focus", &focus.to_string());
        // How many times the chart has answered the pointer or the keys (the benchmark and the
        // tests time and count these; the drawing itself is never redone).
        let shows = stage
            .get_attribute("data-shows")
            .and_then(|n| n.parse::<u32>().ok())
            .unwrap_or(0);
        let _ = stage.set_attribute("data-shows", &(shows + 1).to_string());
        let stage_rect = stage.get_bounding_client_rect();
        let rect = variant.get_bounding_client_rect();
        let scale = rect.width() / width;
        // The point in the stage's own coordinates.
        let x = rect.left() - stage_rect.left() + px * scale;
        let y = rect.top() - stage_rect.top() + py * scale;

        let ring = child(stage, &document, "chart-ring");
        if let Some(ring) = ring.as_ref().and_then(|r| r.dyn_ref::<HtmlElement>()) {
            let style = ring.style();
            let _ = style.set_property("left", &format!("{x:.1}px"));
            let _ = style.set_property("top", &format!("{y:.1}px"));
            let _ = ring.class_list().add_1("shown");
        }

        let item = stage
            .query_selector(".chart-readouts")
            .ok()
            .flatten()
            .and_then(|list| list.children().item(focus as u32));
        let data = |name: &str| {
            item.as_ref()
                .and_then(|i| i.get_attribute(name))
                .unwrap_or_default()
        };
        let Some(tip) = child(stage, &document, "chart-tooltip") else {
            return;
        };
        tip.set_text_content(None);
        let line = |class: &str, tag: &str, text: String| {
            if !text.is_empty() {
                if let Ok(node) = document.create_element(tag) {
                    node.set_class_name(class);
                    node.set_text_content(Some(&text));
                    let _ = tip.append_child(&node);
                }
            }
        };
        line("tooltip-value", "strong", data("data-value"));
        line("tooltip-meta", "span", data("data-meta"));
        line("tooltip-source", "span", data("data-source"));
        if let Some(tip) = tip.dyn_ref::<HtmlElement>() {
            let at = pointer::place(
                x,
                y,
                stage_rect.width(),
                rect.height() + (rect.top() - stage_rect.top()),
            );
            let style = tip.style();
            let _ = style.set_property("left", &format!("{:.0}px", at.left));
            let _ = style.set_property("top", &format!("{:.0}px", at.top));
            let _ = style.set_property("width", &format!("{:.0}px", at.width));
            let _ = tip.class_list().toggle_with_force("above", at.above);
            let _ = tip.class_list().add_1("shown");
        }

        // The live line under the chart, for screen readers and everyone else.
        if let Some(readout) = readout_of(stage) {
            let _ = readout.class_list().add_1("live");
            let live = match readout.query_selector(".readout-live").ok().flatten() {
                Some(live) => live,
                None => match document.create_element("span") {
                    Ok(live) => {
                        live.set_class_name("readout-live");
                        let _ = readout.append_child(&live);
                        live
                    }
                    Err(_) => return,
                },
            };
            live.set_text_content(Some(&format!(
                "{} ",
                item.as_ref()
                    .and_then(|i| i.text_content())
                    .unwrap_or_default()
                    .trim()
            )));
            let url = data("data-url");
            if !url.is_empty() {
                if let Ok(link) = document.create_element("a") {
                    let _ = link.set_attribute("href", &url);
                    let _ = link.set_attribute("rel", "noopener noreferrer");
                    let _ = link.set_attribute("target", "_blank");
                    link.set_text_content(Some(&data("data-title")));
                    let _ = live.append_child(&link);
                }
            }
        }
    }

    /// Hides the ring and the tooltip and gives the readout back its hint.
    fn clear(stage: &Element) {
        let _ = stage.remove_attribute("data-focus");
        for selector in [".chart-ring", ".chart-tooltip"] {
            if let Ok(Some(node)) = stage.query_selector(selector) {
                let _ = node.class_list().remove_1("shown");
            }
        }
        if let Some(readout) = readout_of(stage) {
            let _ = readout.class_list().remove_1("live");
            if let Ok(Some(live)) = readout.query_selector(".readout-live") {
                live.remove();
            }
        }
    }

    /// The stage's own ring or tooltip element, made the first time it is needed.
    fn child(stage: &Element, document: &Document, class: &str) -> Option<Element> {
        if let Ok(Some(found)) = stage.query_selector(&format!(":scope > .{class}")) {
            return Some(found);
        }
        let made = document.create_element("div").ok()?;
        made.set_class_name(class);
        let _ = made.set_attribute("aria-hidden", "true");
        let _ = stage.append_child(&made);
        Some(made)
    }

    /// The live readout line of the chart's figure (the full view has one; the embed does not).
    fn readout_of(stage: &Element) -> Option<Element> {
        stage
            .closest("figure")
            .ok()??
            .query_selector(".readout")
            .ok()?
    }
}
