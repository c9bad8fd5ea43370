//! The chart canvas: sizes itself to its container at the device pixel ratio, paints the core's
//! drawing through plotters-canvas, and turns pointer and arrow-key input into a focused point.

use chitieu_core::chart::{self, ChartSpec, Surface, Theme, ThemeName};
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{HtmlCanvasElement, HtmlElement, KeyboardEvent, PointerEvent, ResizeObserver};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartCanvasProps {
    pub spec: Rc<ChartSpec>,
    pub theme: ThemeName,
    pub focus: Option<usize>,
    pub on_focus: Callback<Option<usize>>,
    /// Accessible name of the chart; the summary and table beside it carry the data.
    pub label: AttrValue,
    pub described_by: AttrValue,
    /// Shown beside the focused point (value, kind, year, source). It repeats the live readout
    /// below the chart for sighted readers, so it is hidden from assistive technology.
    #[prop_or_default]
    pub tooltip: Html,
    /// Called after the first draw: what waits for the chart (the tables) starts then.
    #[prop_or_default]
    pub on_first_draw: Callback<()>,
}

#[function_component]
pub fn ChartCanvas(props: &ChartCanvasProps) -> Html {
    let canvas_ref = use_node_ref();
    let tooltip_ref = use_node_ref();
    let width = use_state(|| 0.0_f64);
    let draws = use_mut_ref(|| 0_u32);

    {
        // Track the container's width; the canvas is redrawn only when it really changes.
        let canvas_ref = canvas_ref.clone();
        let width = width.clone();
        use_effect_with((), move |_| {
            let observer = canvas_ref.cast::<HtmlCanvasElement>().and_then(|canvas| {
                let parent: HtmlElement = canvas.parent_element()?.dyn_into().ok()?;
                let initial = f64::from(parent.client_width());
                width.set(initial);
                let width = width.clone();
                let settle = RefCell::new(WidthSettle::new(initial));
                let on_resize =
                    Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
                        let Some(entry) = entries
                            .get(0)
                            .dyn_into::<web_sys::ResizeObserverEntry>()
                            .ok()
                        else {
                            return;
                        };
                        let new_width = entry.content_rect().width().floor();
                        if let Some(next) = settle.borrow_mut().next(new_width, js_sys::Date::now())
                        {
                            width.set(next);
                        }
                    });
                let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
                observer.observe(&parent);
                Some((observer, on_resize))
            });
            move || {
                if let Some((observer, _closure)) = observer {
                    observer.disconnect();
                }
            }
        });
    }

    // One layout per chart and width, shared by painting, the tooltip and pointer hit-testing.
    let placed = use_memo((props.spec.clone(), *width), |(spec, width)| {
        chart::layout(spec, *width, chart::height_for(*width))
    });

    {
        let canvas_ref = canvas_ref.clone();
        let draws = draws.clone();
        let placed = placed.clone();
        let on_first_draw = props.on_first_draw.clone();
        use_effect_with(
            (props.spec.clone(), props.theme, props.focus, *width),
            move |(spec, theme, focus, width)| {
                if let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() {
                    if *width > 0.0 {
                        paint(&canvas, spec, &placed, *theme, *focus);
                        *draws.borrow_mut() += 1;
                        let count = *draws.borrow();
                        let _ = canvas.set_attribute("data-draws", &count.to_string());
                        if count == 1 {
                            if let Some(performance) =
                                web_sys::window().and_then(|w| w.performance())
                            {
                                let _ = performance.mark("chitieu:first-chart");
                            }
                            on_first_draw.emit(());
                        }
                    }
                }
            },
        );
    }

    {
        // Place the tooltip over the focused point, through CSSOM (a strict CSP forbids inline
        // style attributes). It flips to the left in the right half so it never leaves the box.
        let tooltip_ref = tooltip_ref.clone();
        let placed = placed.clone();
        use_effect_with(
            (props.spec.clone(), props.focus, *width),
            move |(_, focus, width)| {
                let Some(tooltip) = tooltip_ref.cast::<HtmlElement>() else {
                    return;
                };
                let style = tooltip.style();
                match focus.and_then(|i| placed.points.get(i)) {
                    Some(point) if *width > 0.0 => {
                        let _ = style.set_property("left", &format!("{:.0}px", point.x));
                        let _ = style.set_property("top", &format!("{:.0}px", point.y));
                        let flip = point.x > width / 2.0;
                        let _ = tooltip.class_list().toggle_with_force("flip", flip);
                        let _ = tooltip.class_list().toggle_with_force("shown", true);
                    }
                    _ => {
                        let _ = tooltip.class_list().toggle_with_force("shown", false);
                    }
                }
            },
        );
    }

    let onpointermove = {
        let placed = placed.clone();
        let on_focus = props.on_focus.clone();
        let focus = props.focus;
        Callback::from(move |event: PointerEvent| {
            let near = placed.nearest(
                f64::from(event.offset_x()),
                f64::from(event.offset_y()),
                36.0,
            );
            if near.is_some() && near != focus {
                on_focus.emit(near);
            }
        })
    };
    let onpointerdown = onpointermove.clone();
    let onkeydown = {
        let on_focus = props.on_focus.clone();
        let focus = props.focus;
        // Only the drawn points: with the actual values hidden there is nothing to step through.
        let count = props.spec.point_order().count();
        Callback::from(move |event: KeyboardEvent| {
            if count == 0 {
                return;
            }
            let last = count - 1;
            let next = match (event.key().as_str(), focus) {
                ("ArrowRight" | "ArrowDown", None) | ("Home", _) => Some(0),
                ("ArrowLeft" | "ArrowUp", None) | ("End", _) => Some(last),
                ("ArrowRight" | "ArrowDown", Some(i)) => Some((i + 1).min(last)),
                ("ArrowLeft" | "ArrowUp", Some(i)) => Some(i.saturating_sub(1)),
                ("Escape", Some(_)) => None,
                _ => return,
            };
            event.prevent_default();
            on_focus.emit(next);
        })
    };
    let onfocus = {
        let on_focus = props.on_focus.clone();
        let focus = props.focus;
        let has_points = props.spec.point_order().next().is_some();
        Callback::from(move |_: FocusEvent| {
            if focus.is_none() && has_points {
                on_focus.emit(Some(0));
            }
        })
    };

    html! {
        <div class="chart-stage">
            <canvas
                ref={canvas_ref}
                class="chart-canvas"
                tabindex="0"
                role="img"
                aria-label={props.label.clone()}
                aria-describedby={props.described_by.clone()}
                {onpointermove}
                {onpointerdown}
                {onkeydown}
                {onfocus}
            />
            <div ref={tooltip_ref} class="chart-tooltip" aria-hidden="true">{ props.tooltip.clone() }</div>
        </div>
    }
}

fn paint(
    canvas: &HtmlCanvasElement,
    spec: &ChartSpec,
    placed: &chart::Layout,
    theme: ThemeName,
    focus: Option<usize>,
) {
    let (width, height) = (placed.width, placed.height);
    let ratio = web_sys::window()
        .map_or(1.0, |w| w.device_pixel_ratio())
        .max(1.0);
    let device_width = (width * ratio).round() as u32;
    let device_height = (height * ratio).round() as u32;
    if canvas.width() != device_width || canvas.height() != device_height {
        canvas.set_width(device_width);
        canvas.set_height(device_height);
        // CSSOM, not a style attribute: a strict CSP forbids inline styles but allows this.
        let style = canvas.style();
        let _ = style.set_property("width", &format!("{width}px"));
        let _ = style.set_property("height", &format!("{height}px"));
    }
    let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) else {
        return;
    };
    let area = backend.into_drawing_area();
    let surface = Surface {
        scale: ratio,
        text_scale: 1.0,
    };
    if chart::draw(&area, spec, placed, &Theme::get(theme), focus, surface).is_ok() {
        let _ = area.present();
    }
}

// ---- Settling against a scrollbar that the chart's own redraw toggles (issue 11, point 9) -----
// A classic scrollbar that appears because the chart got taller narrows its box; the narrower
// chart is shorter; the scrollbar goes; the box widens; ... for ever. The page's own scrollbar
// cannot start that any more (`scrollbar-gutter: stable` in static/style.css), but a host page's
// can: an iframe that embed.js sizes to its content, whose width follows the host's scrollbar.
// So a width that goes straight back to the one before the last change, within a second and by
// no more than a scrollbar's width, is not followed: the chart keeps the narrower of the two,
// which fits in both boxes. Any other change is followed at once.

/// The width the chart is drawn at, and its last change.
struct WidthSettle {
    current: f64,
    previous: f64,
    changed_at: f64,
}

impl WidthSettle {
    const FLIP_BACK_MS: f64 = 1000.0;
    const SCROLLBAR_PX: f64 = 24.0;

    fn new(current: f64) -> Self {
        Self {
            current,
            previous: f64::NAN,
            changed_at: f64::NEG_INFINITY,
        }
    }

    /// The width to draw at now that the box is `box_width` wide (at `now`, in ms), or `None`
    /// to keep the current one.
    fn next(&mut self, box_width: f64, now: f64) -> Option<f64> {
        let flip_back = (box_width - self.previous).abs() < 1.0
            && (box_width - self.current).abs() <= Self::SCROLLBAR_PX
            && now - self.changed_at < Self::FLIP_BACK_MS;
        let target = if flip_back {
            box_width.min(self.current)
        } else {
            box_width
        };
        if (target - self.current).abs() < 1.0 {
            return None;
        }
        self.previous = self.current;
        self.current = target;
        self.changed_at = now;
        Some(target)
    }
}
