//! The chart in the page: inline SVG drawn by the core's `chart::draw` (the same drawing as the
//! downloads and the pre-rendered pages), one layout per design width, the stylesheet's
//! container queries showing the one that fits the box (so a resize never draws again).
//!
//! It carries what the pointer and the keys need — each layout's point positions
//! (`data-points`) and each point's readout (a hidden list) — and nothing else: the widget's
//! small first module (`hover/`) answers the pointer and the keys from these, the same before
//! and after the app has loaded.

use chitieu_core::chart::{self, ChartSpec, Theme, ThemeName};
use chitieu_core::pointer;
use chitieu_core::view::Readout;
use std::rc::Rc;
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartProps {
    pub spec: Rc<ChartSpec>,
    /// What each drawn point's tooltip and readout say, in focus order.
    pub readouts: Rc<Vec<Readout>>,
    pub theme: ThemeName,
    /// Accessible name of the chart; the summary and table beside it carry the data.
    pub label: AttrValue,
    pub described_by: AttrValue,
    /// The compact embed's shorter chart.
    #[prop_or_default]
    pub compact: bool,
    /// Called after the first paint: what waits for the chart (the tables) starts then.
    #[prop_or_default]
    pub on_first_draw: Callback<()>,
}

/// One layout of the chart: its design width, its size, its points and its SVG.
#[derive(PartialEq)]
struct Drawing {
    width: u32,
    size: String,
    points: String,
    svg: AttrValue,
}

#[function_component]
pub fn Chart(props: &ChartProps) -> Html {
    let stage_ref = use_node_ref();
    let draws = use_mut_ref(|| 0_u32);
    let compact = props.compact;
    // Drawn once per spec and theme, for every design width.
    let drawings = use_memo(
        (props.spec.clone(), compact, props.theme),
        move |(spec, compact, theme)| {
            let theme = Theme::get(*theme);
            chart::DESIGN_WIDTHS
                .iter()
                .map(|&width| {
                    // The compact embed keeps to an article column's height budget.
                    let height = if *compact {
                        chart::height_for_compact(width)
                    } else {
                        chart::height_for(width)
                    };
                    let placed = chart::layout(spec, width, height);
                    Drawing {
                        width: width as u32,
                        size: format!("{} {}", placed.width.round(), placed.height.round()),
                        points: pointer::encode_points(&placed.positions()),
                        svg: AttrValue::from(with_class(
                            &chart::render_svg(spec, &placed, &theme),
                            "chart-svg",
                        )),
                    }
                })
                .collect::<Vec<Drawing>>()
        },
    );

    {
        // Count paints (the e2e tests read it), mark the first one, and tell the pointer layer
        // that this chart's points changed (a focus it held no longer applies).
        let stage_ref = stage_ref.clone();
        let draws = draws.clone();
        let on_first_draw = props.on_first_draw.clone();
        use_effect_with(drawings.clone(), move |_| {
            *draws.borrow_mut() += 1;
            let count = *draws.borrow();
            if let Some(stage) = stage_ref.cast::<HtmlElement>() {
                let _ = stage.set_attribute("data-draws", &count.to_string());
                // The first drawing of a stage is either new (nothing in focus yet) or the one
                // the page was pre-rendered with (taken over unchanged: a focus stays).
                if count > 1 {
                    if let Ok(event) = web_sys::Event::new("chitieu:chart") {
                        let _ = stage.dispatch_event(&event);
                    }
                }
            }
            if count == 1 {
                if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
                    let _ = performance.mark("chitieu:first-chart");
                }
                on_first_draw.emit(());
            }
        });
    }

    html! {
        <div ref={stage_ref} class="chart-stage">
            <div
                class="chart-plot"
                tabindex="0"
                role="img"
                aria-label={props.label.clone()}
                aria-describedby={props.described_by.clone()}
            >
                { for drawings.iter().map(|d| html! {
                    <div key={d.width} class="chart-variant" data-w={d.width.to_string()}
                        data-size={d.size.clone()} data-points={d.points.clone()}>
                        { Html::from_html_unchecked(d.svg.clone()) }
                    </div>
                }) }
            </div>
            // Read by the pointer layer (hover/), not shown: the same words are in the tables.
            <ol class="chart-readouts" hidden=true>
                { for props.readouts.iter().map(|r| html! {
                    <li data-value={r.value.clone()} data-meta={r.meta.clone()}
                        data-source={r.source_line.clone()}
                        data-url={r.source.as_ref().map(|s| s.url.clone()).unwrap_or_default()}
                        data-title={r.source.as_ref().map(|s| s.title.clone()).unwrap_or_default()}>
                        { r.sentence.clone() }
                    </li>
                }) }
            </ol>
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
