//! One indicator in depth: its targets with status and the numbers behind it, the chart with
//! legend toggles and a focus readout (hover, touch, arrow keys), a summary in words, and the
//! data table with every observation's kind and source.

use super::actions::ExportBar;
use super::app::current_year;
use super::canvas::ChartCanvas;
use super::plan_source::PlanRef;
use chitieu_core::chart::{self, ChartSpec, Layers, ThemeName};
use chitieu_core::describe;
use chitieu_core::export;
use chitieu_core::i18n::{kind_label, t, Ui};
use chitieu_core::plan::{Period, Plan, Published, Reliability, Target, When};
use chitieu_core::status;
use chitieu_core::summary;
use chitieu_core::text::Lang;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct IndicatorPanelProps {
    pub plan: PlanRef,
    pub indicator: String,
    pub lang: Lang,
    pub period: Option<Period>,
    pub theme: ThemeName,
    pub compact: bool,
    /// `Table` shows the indicator's tables open, without the chart.
    #[prop_or_default]
    pub view: chitieu_core::query::View,
    pub on_select: Callback<String>,
}

/// What the panel derives from the plan for one indicator view (see `IndicatorPanel`).
struct Derived {
    spec: Option<Rc<ChartSpec>>,
    /// Index into `plan.targets`, with its assessment, for the targets in the period.
    assessments: Vec<(usize, status::Assessment)>,
    summary: String,
}

fn derive(
    plan: &Plan,
    id: &str,
    period: Option<Period>,
    lang: Lang,
    layers: Layers,
    today: i32,
) -> Derived {
    let assessments: Vec<(usize, status::Assessment)> = plan
        .targets
        .iter()
        .enumerate()
        .filter(|(_, t)| t.indicator == id && period.is_none_or(|p| Plan::target_in_period(t, p)))
        .map(|(index, target)| (index, status::assess(plan, target, today)))
        .collect();
    let primary = status::primary_target(plan, id, period, today);
    let primary_met = primary.is_some_and(|p| {
        assessments
            .iter()
            .find(|(index, _)| std::ptr::eq(&plan.targets[*index], p))
            .map_or_else(|| status::assess(plan, p, today).status, |(_, a)| a.status)
            .is_met()
    });
    let required = primary
        .and_then(|t| status::required_path(plan, t))
        .unwrap_or_default();
    // A target already met needs no projection, and a trend carried on past it can mislead
    // (36 communes meeting a standard cannot become 40 when the city has 36).
    let projection = primary
        .filter(|_| !primary_met)
        .and_then(|t| status::projection(plan, t))
        .map(|p| p.tuples())
        .unwrap_or_default();
    let spec = chart::build(plan, id, period, lang, required, projection, layers).map(Rc::new);
    let summary = plan
        .indicator(id)
        .map(|indicator| summary::indicator(plan, indicator, primary, lang, today))
        .unwrap_or_default();
    Derived {
        spec,
        assessments,
        summary,
    }
}

#[function_component]
pub fn IndicatorPanel(props: &IndicatorPanelProps) -> Html {
    let plan = &props.plan;
    let lang = props.lang;
    let today = current_year();
    let layers = use_state(|| Layers::ALL);
    let focus = use_state(|| None::<usize>);
    {
        let focus = focus.clone();
        use_effect_with(props.indicator.clone(), move |_| focus.set(None));
    }

    // Everything computed from the plan, once per indicator, period, language and layers; a hover
    // or an arrow key only moves the focus and must not redo the status arithmetic.
    let derived = use_memo(
        (
            props.plan.clone(),
            props.indicator.clone(),
            props.period,
            lang,
            *layers,
            today,
        ),
        |(plan, id, period, lang, layers, today)| derive(plan, id, *period, *lang, *layers, *today),
    );
    // The tables are not part of the first paint: they are folded or below the chart, so they
    // are built once the chart has been drawn (at once when there is no chart to wait for).
    // `chitieu:tables` marks when.
    let tables_wait = use_state(|| true);
    let tables_ready =
        !*tables_wait || props.view == chitieu_core::query::View::Table || derived.spec.is_none();
    use_effect_with(tables_ready, |ready| {
        if *ready {
            if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
                let _ = performance.mark("chitieu:tables");
            }
        }
    });
    let on_first_draw = {
        let tables_wait = tables_wait.clone();
        Callback::from(move |()| {
            if *tables_wait {
                tables_wait.set(false);
            }
        })
    };
    let Some(indicator) = plan.indicator(&props.indicator) else {
        return Html::default();
    };
    let spec = &derived.spec;
    let summary_text = &derived.summary;
    let assessments: Vec<(&Target, &status::Assessment)> = derived
        .assessments
        .iter()
        .filter_map(|(index, assessment)| Some((plan.targets.get(*index)?, assessment)))
        .collect();

    let on_change_indicator = {
        let on_select = props.on_select.clone();
        Callback::from(move |event: Event| {
            on_select.emit(
                event
                    .target_unchecked_into::<web_sys::HtmlSelectElement>()
                    .value(),
            );
        })
    };
    let on_focus = {
        let focus = focus.clone();
        Callback::from(move |next: Option<usize>| focus.set(next))
    };

    let focused_point = spec.as_ref().and_then(|spec| {
        let point = spec.point((*focus)?)?;
        plan.observations
            .iter()
            .find(|o| o.line == point.line && o.indicator == indicator.id)
    });
    let readout = focused_point.map(|observation| {
        let source = plan.source(&observation.source);
        let territory = plan
            .territory(&observation.territory)
            .map_or(observation.territory.as_str(), |t| t.name.get(lang));
        let sentence = format!(
            "{}, {}: {} ({}). {}",
            observation.when,
            territory,
            describe::observation(indicator, observation, lang),
            kind_label(observation.kind, lang),
            source
                .map(|s| format!("{}: {}", t(Ui::Source, lang), describe::source_name(s, lang)))
                .unwrap_or_default(),
        );
        let published = source.map(|s| match s.published {
            Published::On(date) => describe::date(date, lang),
            Published::Unknown => t(Ui::PublishedUnknown, lang).to_string(),
        });
        let tooltip = html! {
            <>
                <strong class="tooltip-value">{ describe::observation(indicator, observation, lang) }</strong>
                <span class="tooltip-meta">{ format!("{} · {} · {}", observation.when, kind_label(observation.kind, lang), territory) }</span>
                if let Some(source) = source {
                    <span class="tooltip-source">{ format!("{}: {} ({})", t(Ui::Source, lang), describe::source_name(source, lang), published.unwrap_or_default()) }</span>
                }
            </>
        };
        (sentence, source.cloned(), tooltip)
    });

    let summary_id = format!("summary-{}", indicator.id);
    let layer_toggle = |key: &'static str, label: Ui, on: bool| {
        let layers = layers.clone();
        let onclick = Callback::from(move |_| {
            let mut next = *layers;
            match key {
                "actuals" => next.actuals = !next.actuals,
                "targets" => next.targets = !next.targets,
                "required" => next.required = !next.required,
                _ => next.projection = !next.projection,
            }
            layers.set(next);
        });
        html! {
            <li>
                <button type="button" class={classes!("legend-toggle", format!("legend-{key}"))} aria-pressed={on.to_string()} {onclick}>
                    <span class="swatch" aria-hidden="true"></span>{ t(label, lang) }
                </button>
            </li>
        }
    };

    let chart_html = match spec {
        Some(spec) => html! {
            <figure class="chart">
                <div class="chart-box">
                    <ChartCanvas
                        spec={spec.clone()}
                        theme={props.theme}
                        focus={*focus}
                        on_focus={on_focus}
                        label={format!("{} — {}", t(Ui::Chart, lang), indicator.name.get(lang))}
                        described_by={summary_id.clone()}
                        tooltip={readout.as_ref().map(|(_, _, tooltip)| tooltip.clone()).unwrap_or_default()}
                        on_first_draw={on_first_draw}
                    />
                </div>
                <p class="readout" aria-live="polite">
                    { match &readout {
                        Some((sentence, source, _)) => html! {
                            <>
                                { sentence.clone() }
                                if let Some(source) = source {
                                    { " · " }<a href={source.url.clone()} rel="noopener noreferrer" target="_blank">{ describe::source_title(source).map_or_else(|| describe::source_short(source, lang), str::to_string) }</a>
                                }
                            </>
                        },
                        None => html! { <span class="hint">{ t(Ui::ChartKeyboardHelp, lang) }</span> },
                    } }
                </p>
                <figcaption>
                    <ul class="legend" aria-label={t(Ui::Legend, lang)}>
                        { layer_toggle("actuals", Ui::Actual, layers.actuals) }
                        { layer_toggle("targets", Ui::TargetBand, layers.targets) }
                        if !spec.required.is_empty() { { layer_toggle("required", Ui::RequiredPath, layers.required) } }
                        if !spec.projection.is_empty() { { layer_toggle("projection", Ui::Projection, layers.projection) } }
                    </ul>
                    { for plan.series_breaks.iter().filter(|_| !spec.breaks.is_empty()).map(|b| html! {
                        <p class="break-note"><strong>{ format!("┆ {}: ", b.title.get(lang)) }</strong>{ b.note.get(lang) }</p>
                    }) }
                    <p class="legend-note">
                        <span class="mark-official" aria-hidden="true">{ "●" }</span>{ " " }{ t(Ui::ActualOfficial, lang) }{ " · " }
                        <span class="mark-estimate" aria-hidden="true">{ "○" }</span>{ " " }{ t(Ui::ActualEstimate, lang) }
                        if !spec.breaks.is_empty() {
                            { " · ┆ " }{ t(Ui::SeriesBreak, lang) }
                        }
                    </p>
                </figcaption>
            </figure>
        },
        None => html! {},
    };

    let targets_list = assessments.iter().map(|(target, assessment)| {
        let document = plan.document(&target.document);
        let territory = plan.territory(&target.territory).map_or(target.territory.as_str(), |t| t.name.get(lang));
        html! {
            <li class={classes!("target", format!("status-{}", assessment.status.code()))}>
                <p class="target-line">
                    <span class="status-badge">
                        <span class="status-symbol" aria-hidden="true">{ assessment.status.symbol() }</span>
                        { assessment.label(lang) }
                    </span>
                    <strong>{ describe::target(indicator, target, lang) }</strong>
                </p>
                <p class="target-meta">
                    { t(Ui::SetBy, lang) }{ ": " }
                    { document.map(|d| format!("{} ({})", d.title.get(lang), d.number)).unwrap_or_else(|| target.document.clone()) }
                    { " · " }{ t(Ui::Territory, lang) }{ ": " }{ territory }
                </p>
                if let Some(note) = &target.note {
                    <p class="target-note">{ note.get(lang) }</p>
                }
                if !assessment.reasons.is_empty() {
                    <ul class="reasons">
                        { for assessment.reasons.iter().map(|reason| html! { <li>{ reason.text(indicator, lang) }</li> }) }
                    </ul>
                }
            </li>
        }
    });

    let mut rows: Vec<_> = plan.observations_of(&indicator.id).collect();
    chitieu_core::order::sort_by_key(&mut rows, |o| (o.when, o.territory.clone(), o.line));
    let table_rows = rows.iter().map(|observation| {
        let source = plan.source(&observation.source);
        let headline = matches!(observation.when, When::Year(_)) && plan.is_headline(observation);
        let territory = plan.territory(&observation.territory).map_or(observation.territory.as_str(), |t| t.name.get(lang));
        let published = source.map(|s| match s.published {
            Published::On(date) => describe::date(date, lang),
            Published::Unknown => t(Ui::PublishedUnknown, lang).to_string(),
        });
        html! {
            <tr class={classes!(headline.then_some("headline"))}>
                <th scope="row">{ observation.when.to_string() }</th>
                <td class="num">{ describe::observation(indicator, observation, lang) }</td>
                <td>{ kind_label(observation.kind, lang) }{ if headline { format!(" · {}", t(Ui::Headline, lang)) } else { String::new() } }</td>
                <td>{ territory }</td>
                <td>
                    if let Some(source) = source {
                        <a href={source.url.clone()} rel="noopener noreferrer" target="_blank">{ describe::source_name(source, lang) }</a>
                        if let Some(title) = describe::source_title(source) { { format!(" — {title}") } }
                        { format!(" ({})", published.clone().unwrap_or_default()) }
                        if source.reliability == Reliability::Low {
                            <span class="low-reliability">{ format!(" ⚠ {}", t(Ui::LowReliability, lang)) }</span>
                        }
                    }
                    if let Some(note) = &observation.note {
                        <span class="cell-note">{ format!(" {}: {}", t(Ui::Note, lang), note.get(lang)) }</span>
                    }
                    if let Some(derived) = &observation.derived {
                        <span class="cell-note">{ format!(" {}: {}", t(Ui::Derived, lang), derived.get(lang)) }</span>
                    }
                    if let Some(formula) = describe::formula(plan, observation, lang) {
                        <span class="cell-note">{ format!(" {}: {formula}", t(Ui::Derived, lang)) }</span>
                    }
                </td>
            </tr>
        }
    });

    let target_rows = assessments.iter().map(|(target, assessment)| {
        let document = plan.document(&target.document);
        let territory = plan.territory(&target.territory).map_or(target.territory.as_str(), |t| t.name.get(lang));
        html! {
            <tr class={classes!(format!("status-{}", assessment.status.code()))}>
                <th scope="row">{ target.when.to_string() }</th>
                <td>{ describe::target(indicator, target, lang) }</td>
                <td class="status-cell"><span class="status-symbol" aria-hidden="true">{ assessment.status.symbol() }</span>{ assessment.label(lang) }</td>
                <td>{ assessment.texts(indicator, lang).join(" ") }</td>
                <td>{ document.map(|d| d.number.clone()).unwrap_or_else(|| target.document.clone()) }</td>
                <td>{ territory }</td>
            </tr>
        }
    });

    html! {
        <section id="indicator-panel" class="indicator" aria-labelledby="indicator-title">
            if !props.compact {
                <label class="indicator-select">
                    <span>{ t(Ui::ChooseIndicator, lang) }</span>
                    <select onchange={on_change_indicator}>
                        { for plan.indicators.iter().map(|i| html! {
                            <option value={i.id.clone()} selected={i.id == indicator.id}>{ i.name.get(lang) }</option>
                        }) }
                    </select>
                </label>
            }
            <h2 id="indicator-title">{ indicator.name.get(lang) }<span class="unit">{ format!(" ({})", indicator.unit.get(lang)) }</span></h2>
            if let Some(definition) = &indicator.definition {
                <p class="definition">{ definition.get(lang) }</p>
            }
            <p id={summary_id.clone()} class="summary">{ summary_text.clone() }</p>
            if props.view != chitieu_core::query::View::Table {
                { chart_html }
            }
            <ExportBar plan={plan.clone()} indicator={indicator.id.clone()} {lang} period={props.period}
                theme={props.theme} layers={*layers} summary={summary_text.clone()} />
            <h3>{ t(Ui::TargetHeader, lang) }</h3>
            if assessments.is_empty() {
                <p>{ t(Ui::NoData, lang) }</p>
            } else {
                <ul class="targets">{ for targets_list }</ul>
            }
            // The compact embed keeps the tables too (folded): every chart has its data as text.
            <details class="data-table" open={props.view == chitieu_core::query::View::Table || (!props.compact && rows.len() <= 12)}>
                <summary>{ t(Ui::Table, lang) }{ format!(" ({})", rows.len()) }</summary>
                if rows.is_empty() {
                    <p>{ t(Ui::NoData, lang) }</p>
                } else if !tables_ready {
                    <p class="table-pending">{ t(Ui::LoadingTable, lang) }</p>
                } else {
                    <div class="table-scroll" role="region" aria-label={t(Ui::Table, lang)} tabindex="0">
                        <table>
                            <caption>{ indicator.name.get(lang) }{ " — " }{ t(Ui::Table, lang) }</caption>
                            <thead><tr>
                                <th scope="col">{ t(Ui::Year, lang) }</th>
                                <th scope="col">{ t(Ui::Value, lang) }</th>
                                <th scope="col">{ t(Ui::Kind, lang) }</th>
                                <th scope="col">{ t(Ui::Territory, lang) }</th>
                                <th scope="col">{ t(Ui::Source, lang) }</th>
                            </tr></thead>
                            <tbody>{ for table_rows }</tbody>
                        </table>
                    </div>
                }
                <p class="table-note">{ t(Ui::HeadlineWhy, lang) }</p>
                if !assessments.is_empty() && tables_ready {
                    <div class="table-scroll" role="region" aria-label={t(Ui::TargetsTable, lang)} tabindex="0">
                        <table class="targets-table">
                            <caption>{ indicator.name.get(lang) }{ " — " }{ t(Ui::TargetsTable, lang) }</caption>
                            <thead><tr>
                                <th scope="col">{ t(Ui::YearOrPeriod, lang) }</th>
                                <th scope="col">{ t(Ui::TargetHeader, lang) }</th>
                                <th scope="col">{ t(Ui::Status, lang) }</th>
                                <th scope="col">{ t(Ui::Why, lang) }</th>
                                <th scope="col">{ t(Ui::SetBy, lang) }</th>
                                <th scope="col">{ t(Ui::Territory, lang) }</th>
                            </tr></thead>
                            <tbody>{ for target_rows }</tbody>
                        </table>
                    </div>
                }
            </details>
            if props.compact {
                <p class="source-line">{ t(Ui::Sources, lang) }{ ": " }{ export::chart_publishers(plan, &indicator.id).join("; ") }</p>
            }
        </section>
    }
}
