//! The chart in the page: inline SVG drawn by the core's `chart::draw` (the same drawing as the
//! downloads and the pre-rendered pages), laid out at its box's width and scaled by its viewBox.
//! Pointer and arrow keys move a focused point; the tooltip is placed by `view::tooltip`.

use chitieu_core::chart::{self, ChartSpec, Theme, ThemeName};
use chitieu_core::view::tooltip;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent, PointerEvent, ResizeObserver};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartProps {
    pub spec: Rc<ChartSpec>,
    pub theme: ThemeName,
    pub focus: Option<usize>,
    pub on_focus: Callback<Option<usize>>,
    /// A key on the chart: the step and how many points it has.
    pub on_step: Callback<chitieu_core::view::Step>,
    /// Accessible name of the chart; the summary and table beside it carry the data.
    pub label: AttrValue,
    pub described_by: AttrValue,
    /// Shown beside the focused point. It repeats the live readout below the chart for sighted
    /// readers, so it is hidden from assistive technology.
    #[prop_or_default]
    pub tooltip: Html,
    /// The compact embed's shorter chart.
    #[prop_or_default]
    pub compact: bool,
    /// Called after the first paint: what waits for the chart (the tables) starts then.
    #[prop_or_default]
    pub on_first_draw: Callback<()>,
    /// The page was pre-rendered with a drawing per design width: the first render must give
    /// the same. Otherwise nothing is drawn until the box has been measured.
    #[prop_or_default]
    pub prerendered: bool,
}

/// A box must be this far past a design-width threshold before the chart takes the other
/// layout: a classic scrollbar appearing (and the page getting shorter, and the scrollbar going
/// again) must not make the chart redraw in a loop.
const RELAYOUT_STEP: f64 = 20.0;

#[function_component]
pub fn Chart(props: &ChartProps) -> Html {
    let stage_ref = use_node_ref();
    let plot_ref = use_node_ref();
    let tooltip_ref = use_node_ref();
    // The design width the chart is laid out at (`chart::design_width` of its box), unknown
    // until the box is measured: then every design width is drawn and the stylesheet's
    // container queries show the one that fits, exactly as in a pre-rendered page.
    let width = use_state(|| None::<f64>);
    let box_width = use_mut_ref(|| 0.0_f64);
    let draws = use_mut_ref(|| 0_u32);

    {
        let stage_ref = stage_ref.clone();
        let width = width.clone();
        let box_width = box_width.clone();
        use_effect_with((), move |_| {
            let observer = stage_ref.cast::<HtmlElement>().and_then(|stage| {
                // Fractional, as the stylesheet's container queries see it.
                let first = stage.get_bounding_client_rect().width();
                *box_width.borrow_mut() = first;
                width.set(Some(chart::design_width(first)));
                let width = width.clone();
                let on_resize =
                    Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
                        let Some(entry) = entries
                            .get(0)
                            .dyn_into::<web_sys::ResizeObserverEntry>()
                            .ok()
                        else {
                            return;
                        };
                        let now = entry.content_rect().width();
                        *box_width.borrow_mut() = now;
                        let next = chart::design_width(now);
                        // A box that only wavers around a threshold (a classic scrollbar coming
                        // and going) keeps its layout: the viewBox absorbs the difference.
                        let settled = (chart::design_width(now - RELAYOUT_STEP) == next)
                            && (chart::design_width(now + RELAYOUT_STEP) == next);
                        if Some(next) != *width && settled {
                            width.set(Some(next));
                        }
                    });
                let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
                observer.observe(&stage);
                Some((observer, on_resize))
            });
            move || {
                if let Some((observer, _closure)) = observer {
                    observer.disconnect();
                }
            }
        });
    }

    let compact = props.compact;
    let prerendered = props.prerendered;
    let lay_out = move |spec: &ChartSpec, width: f64| {
        // The compact embed keeps to an article column's height budget.
        let height = if compact {
            chart::height_for_compact(width)
        } else {
            chart::height_for(width)
        };
        chart::layout(spec, width, height)
    };
    // The layout of the design width in use: painting, the tooltip and hit-testing share it.
    let placed = use_memo(
        (props.spec.clone(), *width, compact),
        move |(spec, width, _)| width.map(|w| lay_out(spec, w)),
    );
    // The chart itself is drawn once per spec, width and theme; a hover or an arrow key only
    // redraws the focus overlay above it. Width unknown: one drawing per design width.
    let markup = use_memo(
        (props.spec.clone(), *width, compact, props.theme),
        move |(spec, width, _, theme)| {
            let theme = Theme::get(*theme);
            let widths: Vec<f64> = match width {
                Some(w) => vec![*w],
                None if prerendered => chart::DESIGN_WIDTHS.to_vec(),
                None => Vec::new(),
            };
            widths
                .into_iter()
                .map(|w| {
                    let svg = chart::render_svg(spec, &lay_out(spec, w), &theme);
                    (w as u32, with_class(&svg, "chart-svg"))
                })
                .collect::<Vec<(u32, String)>>()
        },
    );
    let focus_markup = use_memo(
        (props.spec.clone(), placed.clone(), props.theme, props.focus),
        |(spec, placed, theme, focus)| match (focus, placed.as_ref()) {
            (Some(focus), Some(placed)) => with_class(
                &chart::render_focus_svg(spec, placed, &Theme::get(*theme), *focus),
                "chart-focus",
            ),
            _ => String::new(),
        },
    );

    {
        // Count paints (the e2e redraw test reads it) and mark the first one. Keeping, of the
        // drawings of every design width, only the one shown is not a paint: nothing changes.
        let stage_ref = stage_ref.clone();
        let draws = draws.clone();
        let shown_before = use_mut_ref(|| None::<Rc<Vec<(u32, String)>>>);
        let on_first_draw = props.on_first_draw.clone();
        use_effect_with(
            (markup.clone(), focus_markup.clone()),
            move |(markup, _)| {
                if !markup.is_empty() {
                    let kept_only = matches!(
                        (&*shown_before.borrow(), markup.as_slice()),
                        (Some(before), [one]) if before.len() > 1 && before.contains(one)
                    );
                    *shown_before.borrow_mut() = Some(markup.clone());
                    if !kept_only {
                        *draws.borrow_mut() += 1;
                    }
                    let count = *draws.borrow();
                    if let Some(stage) = stage_ref.cast::<HtmlElement>() {
                        let _ = stage.set_attribute("data-draws", &count.to_string());
                    }
                    if count == 1 && !kept_only {
                        if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
                            let _ = performance.mark("chitieu:first-chart");
                        }
                        on_first_draw.emit(());
                    }
                }
            },
        );
    }

    {
        // Place the tooltip through CSSOM (a strict CSP forbids style attributes).
        let tooltip_ref = tooltip_ref.clone();
        let placed = placed.clone();
        let box_width = box_width.clone();
        use_effect_with((placed.clone(), props.focus), move |(_, focus)| {
            let Some(tip) = tooltip_ref.cast::<HtmlElement>() else {
                return;
            };
            let style = tip.style();
            let real = *box_width.borrow();
            let point = placed
                .as_ref()
                .as_ref()
                .and_then(|p| Some((p, p.points.get((*focus)?)?)));
            match point {
                Some((placed, point)) if real > 0.0 => {
                    let scale = real / placed.width;
                    let at = tooltip::place(
                        point.x * scale,
                        point.y * scale,
                        real,
                        placed.height * scale,
                    );
                    let _ = style.set_property("left", &format!("{:.0}px", at.left));
                    let _ = style.set_property("top", &format!("{:.0}px", at.top));
                    let _ = style.set_property("width", &format!("{:.0}px", at.width));
                    let _ = tip.class_list().toggle_with_force("above", at.above);
                    let _ = tip.class_list().toggle_with_force("shown", true);
                }
                _ => {
                    let _ = tip.class_list().toggle_with_force("shown", false);
                }
            }
        });
    }

    let to_layout = {
        let box_width = box_width.clone();
        move |placed: &chart::Layout, x: f64, y: f64| {
            let real = *box_width.borrow();
            let scale = if real > 0.0 { placed.width / real } else { 1.0 };
            (x * scale, y * scale)
        }
    };
    let onpointermove = {
        let placed = placed.clone();
        let on_focus = props.on_focus.clone();
        let focus = props.focus;
        let plot_ref = plot_ref.clone();
        Callback::from(move |event: PointerEvent| {
            // Relative to the plot box, not to whichever SVG element is under the pointer (Yew
            // delegates events, so the event's current target is not the plot either).
            let Some(plot) = plot_ref.cast::<web_sys::Element>() else {
                return;
            };
            let Some(placed) = placed.as_ref() else {
                return;
            };
            let rect = plot.get_bounding_client_rect();
            let (x, y) = to_layout(
                placed,
                f64::from(event.client_x()) - rect.left(),
                f64::from(event.client_y()) - rect.top(),
            );
            let near = placed.nearest(x, y, 36.0);
            if near.is_some() && near != focus {
                on_focus.emit(near);
            }
        })
    };
    let onpointerdown = onpointermove.clone();
    let onkeydown = {
        use chitieu_core::view::Step;
        let on_step = props.on_step.clone();
        Callback::from(move |event: KeyboardEvent| {
            let step = match event.key().as_str() {
                "ArrowRight" | "ArrowDown" => Step::Next,
                "ArrowLeft" | "ArrowUp" => Step::Previous,
                "Home" => Step::First,
                "End" => Step::Last,
                "Escape" => Step::Leave,
                _ => return,
            };
            event.prevent_default();
            on_step.emit(step);
        })
    };
    let onfocus = {
        let on_step = props.on_step.clone();
        let focus = props.focus;
        Callback::from(move |_: FocusEvent| {
            if focus.is_none() {
                on_step.emit(chitieu_core::view::Step::First);
            }
        })
    };

    html! {
        <div ref={stage_ref} class="chart-stage">
            <div
                ref={plot_ref}
                class="chart-plot"
                tabindex="0"
                role="img"
                aria-label={props.label.clone()}
                aria-describedby={props.described_by.clone()}
                {onpointermove}
                {onpointerdown}
                {onkeydown}
                {onfocus}
            >
                { for markup.iter().map(|(w, svg)| html! {
                    <div key={*w} class={classes!("chart-variant", (markup.len() == 1).then_some("only"))} data-w={w.to_string()}>
                        { Html::from_html_unchecked(AttrValue::from(svg.clone())) }
                    </div>
                }) }
                { Html::from_html_unchecked(AttrValue::from((*focus_markup).clone())) }
            </div>
            <div ref={tooltip_ref} class="chart-tooltip" aria-hidden="true">{ props.tooltip.clone() }</div>
        </div>
    }
}

/// Marks a rendered `<svg>` with a class and hides it from assistive technology: the chart's
/// words are in its accessible name, the summary and the tables.
fn with_class(svg: &str, class: &str) -> String {
    svg.replacen(
        "<svg ",
        &format!("<svg class=\"{class}\" aria-hidden=\"true\" focusable=\"false\" "),
        1,
    )
}
