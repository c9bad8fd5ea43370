//! The overview: the finding first (headline and tally), then the status strip — one row per
//! indicator, where its comparable figure stands against its target on one shared axis — then
//! the indicators that cannot be placed, and the goal, vision and task areas folded.
//! Everything shown comes from `view::overview`.

use super::panel::badge;
use super::plan_source::PlanRef;
use chitieu_core::i18n::{t, Ui};
use chitieu_core::plan::Period;
use chitieu_core::text::Lang;
use chitieu_core::view::{self, overview::Track, Action, Outcome};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OverviewProps {
    pub plan: PlanRef,
    pub lang: Lang,
    pub period: Option<Period>,
    pub today: i32,
    /// The indicator the panel shows: its row is marked.
    pub selected: Option<AttrValue>,
    pub dispatch: Callback<Action>,
}

/// "60%": a position on the strip's axis, as an SVG length.
fn pct(x: f64) -> String {
    format!("{x:.1}%")
}

#[function_component]
pub fn Overview(props: &OverviewProps) -> Html {
    let lang = props.lang;
    let model = use_memo(
        (props.plan.clone(), props.period, lang, props.today),
        |(plan, period, lang, today)| view::overview(plan, *period, *lang, *today),
    );
    let select = |id: String| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::SelectIndicator(id.clone()));
            // On a narrow screen the panel is below the strip: bring it into view.
            if let Some(panel) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("indicator-panel"))
            {
                let narrow = web_sys::window()
                    .and_then(|w| w.match_media("(max-width: 999px)").ok().flatten())
                    .is_some_and(|m| m.matches());
                if narrow {
                    panel.scroll_into_view();
                }
            }
        })
    };
    let (short, beyond) = match lang {
        Lang::Vi => ("← chưa đạt", "đạt, vượt →"),
        Lang::En => ("← short of target", "met, beyond →"),
    };
    let rows = model.rows.iter().map(|row| {
        let selected = props.selected.as_deref() == Some(row.indicator.as_str());
        let Track { value, band_end, clipped } = row.track;
        let zone_end = band_end.unwrap_or(100.0);
        html! {
            <li data-status={row.badge.outcome.code()} class={classes!("strip-row", format!("status-{}", row.badge.outcome.code()), selected.then_some("selected"))}>
                <button type="button" class="strip-button" aria-pressed={selected.to_string()}
                    onclick={select(row.indicator.clone())}>
                    <span class="strip-name">{ row.name.clone() }</span>
                    <svg class="strip-track" width="100%" height="22" aria-hidden="true" focusable="false">
                        <rect class="zone" x={pct(Track::EDGE)} y="4" width={pct(100.0 - Track::EDGE)} height="14" />
                        if band_end.is_some() {
                            <rect class="band" x={pct(Track::EDGE)} y="4" width={pct(zone_end - Track::EDGE)} height="14" />
                        }
                        <line class="edge" x1={pct(Track::EDGE)} x2={pct(Track::EDGE)} y1="1" y2="21" />
                        <line class="stem" x1={pct(Track::EDGE)} x2={pct(value)} y1="11" y2="11" />
                        <circle class={classes!("dot", clipped.then_some("clipped"))} cx={pct(value)} cy="11" r="6" />
                    </svg>
                    <span class="strip-line">
                        { badge(&row.badge) }
                        <span class="strip-figure"><strong>{ row.value.clone() }</strong>{ format!(" {}", row.value_note) }</span>
                        <span class="strip-target">
                            { format!("{}{}", match lang { Lang::Vi => "chỉ tiêu ", Lang::En => "target " }, row.target) }
                        </span>
                    </span>
                </button>
            </li>
        }
    });
    let line = |line: &Option<view::overview::Line>, class: &'static str| match line {
        Some(line) => html! {
            <p class={classes!("indicator-line", class)}>
                { format!("{} ", line.lead) }
                { for line.items.iter().enumerate().map(|(i, (id, name))| html! {
                    <>
                        if i > 0 { { ", " } }
                        <button type="button" class="link-button" onclick={select(id.clone())}>{ name.clone() }</button>
                    </>
                }) }
                { "." }
            </p>
        },
        None => Html::default(),
    };
    let total = model.total.max(1) as f64;
    html! {
        <section class="overview" aria-labelledby="overview-headline">
            <h2 id="overview-headline" class="headline">{ model.headline.clone() }</h2>
            if !model.dek.is_empty() {
                <p class="dek">{ model.dek.clone() }</p>
            }
            if let Some(note) = &model.provisional {
                <p class="provisional-note">{ note.clone() }</p>
            }
            if !model.tally.is_empty() {
                <div class="tally" data-total={model.total.to_string()}>
                    <svg class="tally-bar" width="100%" height="14" aria-hidden="true" focusable="false">
                        { for {
                            let mut at = 0.0;
                            model.tally.iter().map(move |(outcome, n)| {
                                let width = *n as f64 / total * 100.0;
                                let x = at;
                                at += width;
                                html! { <rect class={format!("status-{}", outcome.code())} x={pct(x)} y="0" width={pct(width)} height="14" /> }
                            }).collect::<Vec<_>>()
                        } }
                    </svg>
                    <ul class="tally-key">
                        { for model.tally.iter().map(|(outcome, n)| html! {
                            <li class={format!("status-{}", outcome.code())} data-status={outcome.code()} data-count={n.to_string()}>
                                <span class="status-symbol" aria-hidden="true">{ outcome.symbol() }</span>
                                { format!("{} {}", n, outcome.label(lang).to_lowercase()) }
                            </li>
                        }) }
                    </ul>
                </div>
            }
            if !model.rows.is_empty() {
                <div class="strip">
                    <p class="strip-help">{ match lang {
                        Lang::Vi => "Mỗi dòng là một chỉ tiêu: chấm là số so sánh được mới nhất, vạch đứng là mức chỉ tiêu, vùng tô là vùng đạt. Bấm vào một dòng để xem biểu đồ.",
                        Lang::En => "Each row is one target: the dot is the latest comparable figure, the upright line the target level, the shaded zone where the target is met. Choose a row to see its chart.",
                    } }</p>
                    <p class="strip-axis" aria-hidden="true"><span>{ short }</span><span>{ beyond }</span></p>
                    <ol class="strip-rows">{ for rows }</ol>
                </div>
            }
            if !model.official.is_empty() {
                <section class="official" aria-labelledby="official-title">
                    <h3 id="official-title">{ match lang { Lang::Vi => "Thành phố tự đánh giá", Lang::En => "The city's own count" } }</h3>
                    <ul>
                        { for model.official.iter().map(|o| html! {
                            <li>
                                <p class="official-report">
                                    { format!("{}: ", o.report) }<strong>{ o.counted.clone() }</strong>
                                    if let Some(source) = &o.source {
                                        { " · " }<a href={source.url.clone()} rel="noopener noreferrer" target="_blank">{ source.short.clone() }</a>
                                        // As in the data table: a count relayed by a weak source says so.
                                        if source.low_reliability {
                                            <span class="low-reliability">{ format!(" ⚠ {}", t(Ui::LowReliability, lang)) }</span>
                                        }
                                    }
                                </p>
                                <p class="official-computed">{ o.computed.clone() }</p>
                            </li>
                        }) }
                    </ul>
                </section>
            }
            { line(&model.unjudged, "unjudged") }
            { line(&model.no_data, "no-data") }
            <details class="status-key">
                <summary>{ match lang { Lang::Vi => "Ý nghĩa các đánh giá", Lang::En => "What the statuses mean" } }</summary>
                <ul>
                    { for Outcome::ALL.iter().map(|o| html! {
                        <li class={format!("status-{}", o.code())}>
                            <span class="badge"><span class="status-symbol" aria-hidden="true">{ o.symbol() }</span>{ o.label(lang) }</span>
                            { format!(": {}", o.meaning(lang)) }
                        </li>
                    }) }
                </ul>
            </details>
            if !model.statements.is_empty() {
                <details class="statements">
                    <summary>{ match lang { Lang::Vi => "Mục tiêu và tầm nhìn", Lang::En => "Goal and vision" } }</summary>
                    { for model.statements.iter().map(|s| html! {
                        <div class="statement"><h3>{ s.heading.clone() }</h3><p>{ s.text.clone() }</p></div>
                    }) }
                </details>
            }
            if !model.task_areas.is_empty() {
                <details class="task-areas">
                    <summary>{ format!("{} ({})", match lang { Lang::Vi => "Nhiệm vụ, giải pháp", Lang::En => "Task areas" }, model.task_areas.len()) }</summary>
                    <ol>
                        { for model.task_areas.iter().map(|area| html! {
                            <li class="task-area">
                                <span class="task-number">{ area.number }</span>
                                <div>
                                    <p class="task-title">{ area.title.clone() }</p>
                                    if !area.indicators.is_empty() {
                                        <ul class="task-indicators">
                                            { for area.indicators.iter().map(|(id, name)| html! {
                                                <li><button type="button" class="link-button" onclick={select(id.clone())}>{ name.clone() }</button></li>
                                            }) }
                                        </ul>
                                    }
                                </div>
                            </li>
                        }) }
                    </ol>
                </details>
            }
        </section>
    }
}
