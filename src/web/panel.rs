//! One indicator: its headline, the comparable figure against the lead target, the chart with
//! its legend and readout, the targets with status and reasons, "how it is computed", the
//! tables and the sources. Everything shown comes from `view::panel`; this file only lays it out.

use super::actions::ExportBar;
use super::chart::Chart;
use super::plan_source::PlanRef;
use chitieu_core::chart::{self, Layers, Theme, ThemeName};
use chitieu_core::i18n::{t, Ui};
use chitieu_core::plan::Period;
use chitieu_core::query::View;
use chitieu_core::text::Lang;
use chitieu_core::view::{self, Action, Badge, Layer};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub plan: PlanRef,
    pub indicator: String,
    pub lang: Lang,
    pub period: Option<Period>,
    pub theme: ThemeName,
    pub layers: Layers,
    pub today: chitieu_core::export::Day,
    pub compact: bool,
    /// The page already holds this panel, pre-rendered: tables included from the first render.
    #[prop_or_default]
    pub prerendered: bool,
    /// The day the plan is shown as it stood on, if not today.
    #[prop_or_default]
    pub asof: Option<chitieu_core::plan::PartialDate>,
    pub view: View,
    /// The widget's address without `embed`: where the compact embed's link goes.
    #[prop_or_default]
    pub full_address: AttrValue,
    pub dispatch: Callback<Action>,
}

/// Text whose ranges and document codes do not break across lines ("7,5–8%", "03-CTr/TU"):
/// the runs the view model marks (`view::words::unbreakable_runs`), each kept run in a no-wrap
/// span. The text itself is unchanged.
fn unbroken(text: &str) -> Html {
    view::words::unbreakable_runs(text)
        .into_iter()
        .map(|(run, kept)| {
            if kept {
                html! { <span class="nw">{ run.to_string() }</span> }
            } else {
                html! { { run.to_string() } }
            }
        })
        .collect::<Html>()
}

/// The chart's legend: every kind of mark drawn, with the swatch the chart draws for it
/// (`chart::legend`). In the full view an entry is also the switch of its layer; the compact
/// embed shows the entries drawn, as a plain key.
fn legend_html(
    spec: &chitieu_core::chart::ChartSpec,
    lang: Lang,
    theme: ThemeName,
    compact: bool,
    break_note: bool,
    dispatch: &Callback<Action>,
) -> Html {
    let theme = Theme::get(theme);
    let entries = view::panel::key_entries(spec, lang, compact, break_note);
    let mut switched: Vec<Layer> = Vec::new();
    let items = entries.iter().map(|entry| {
        let swatch = Html::from_html_unchecked(AttrValue::from(chart::swatch_svg(entry.swatch, &theme)));
        // One switch per layer: its first entry; the layer's other entries (the kinds of dot)
        // are plain key items beside it.
        let switch = !compact && entry.layer != Layer::Fixed && !switched.contains(&entry.layer);
        if switch {
            switched.push(entry.layer);
            let dispatch = dispatch.clone();
            let layer = entry.layer;
            html! {
                <li>
                    <button type="button" class={classes!("legend-toggle", format!("legend-{}", layer_code(layer)))}
                        aria-pressed={entry.shown.to_string()}
                        onclick={Callback::from(move |_| dispatch.emit(Action::ToggleLayer(layer)))}>
                        <span class="swatch" aria-hidden="true">{ swatch }</span>
                        // One flex item: the label wraps as a line of text (its unbreakable runs stay whole).
                        <span class="legend-label">{ unbroken(&entry.label) }</span>
                    </button>
                </li>
            }
        } else {
            html! {
                if compact {
                    // The swatch stays with the entry's first words (the key flows as a paragraph).
                    <li class="legend-item">
                        <span class="nw"><span class="swatch" aria-hidden="true">{ swatch }</span>{ unbroken(view::words::lead_words(&entry.label).0) }</span>
                        { unbroken(view::words::lead_words(&entry.label).1) }
                    </li>
                } else {
                    <li class="legend-item"><span class="swatch" aria-hidden="true">{ swatch }</span><span class="legend-label">{ unbroken(&entry.label) }</span></li>
                }
            }
        }
    });
    html! {
        <ul class={classes!("legend", compact.then_some("legend-static"))} aria-label={t(Ui::Legend, lang)}>
            { for items }
        </ul>
    }
}

fn layer_code(layer: Layer) -> &'static str {
    match layer {
        Layer::Actuals => "actuals",
        Layer::Targets => "targets",
        Layer::OtherTargets => "other-targets",
        Layer::Required => "required",
        Layer::Projection => "projection",
        Layer::Fixed => "fixed",
    }
}

pub fn badge(badge: &Badge) -> Html {
    html! {
        <span class={classes!("badge", format!("status-{}", badge.outcome.code()))}>
            <span class="status-symbol" aria-hidden="true">{ badge.symbol }</span>
            { badge.label }
            if let Some(word) = badge.provisional {
                <span class="provisional">{ format!(" ({word})") }</span>
            }
        </span>
    }
}

#[function_component]
pub fn IndicatorPanel(props: &PanelProps) -> Html {
    let lang = props.lang;
    // Everything computed from the plan, once per indicator, period, language, layers and day:
    // a hover only moves the focus and must not redo the status arithmetic.
    let model = use_memo(
        (
            props.plan.clone(),
            props.indicator.clone(),
            props.period,
            lang,
            props.layers,
            props.today.year,
        ),
        |(plan, id, period, lang, layers, today)| {
            view::panel(plan, id, *period, *lang, *layers, *today).map(Rc::new)
        },
    );
    let spec = use_memo(model.clone(), |model| {
        model
            .as_ref()
            .as_ref()
            .and_then(|m| m.chart.clone())
            .map(Rc::new)
    });
    // The tables are not part of the first paint (they are folded, or below the chart): they
    // are built once the chart has been drawn, at once where there is no chart to wait for.
    // A pre-rendered page has its tables in the HTML already: they are part of the first render.
    let chart_drawn = use_state(|| props.prerendered);
    let tables_ready = *chart_drawn || props.view == View::Table || spec.is_none();
    use_effect_with(tables_ready, |ready| {
        if *ready {
            if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
                let _ = performance.mark("chitieu:tables");
            }
        }
    });
    let on_first_draw = {
        let chart_drawn = chart_drawn.clone();
        Callback::from(move |()| {
            if !*chart_drawn {
                chart_drawn.set(true);
            }
        })
    };
    let Some(model) = (*model).clone() else {
        return Html::default();
    };
    let plan = &props.plan;
    let dispatch = props.dispatch.clone();
    let summary_id = format!("summary-{}", model.indicator);
    let compact = props.compact;
    let show_chart = props.view != View::Table;

    let on_change_indicator = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: Event| {
            dispatch.emit(Action::SelectIndicator(
                event
                    .target_unchecked_into::<web_sys::HtmlSelectElement>()
                    .value(),
            ));
        })
    };
    let chart_html = match (&*spec, show_chart) {
        (Some(spec), true) => {
            html! {
                <figure class="chart">
                    <Chart
                        spec={spec.clone()}
                        readouts={Rc::new(model.readouts.clone())}
                        theme={props.theme}
                        label={format!("{} — {}", t(Ui::Chart, lang), model.name)}
                        described_by={summary_id.clone()}
                        {compact}
                        {on_first_draw}
                    />
                    if !compact {
                        // The pointer layer (hover/) says the focused point here.
                        <p class="readout" aria-live="polite">
                            <span class="hint">{ t(Ui::ChartKeyboardHelp, lang) }</span>
                        </p>
                    }
                    <figcaption class="chart-key">
                        { legend_html(spec, lang, props.theme, compact, model.break_note.is_some(), &dispatch) }
                    </figcaption>
                    if let Some(note) = &model.break_note {
                        // A <div>: a <details> inside a <p> would be moved out of it by the HTML
                        // parser, and a pre-rendered page would no longer match what Yew renders.
                        <div class="break-note">
                            { if compact { note.line.clone() } else { format!("{} ", note.short) } }
                            if !compact {
                                <details class="more">
                                    <summary>{ match lang { Lang::Vi => "Thêm", Lang::En => "More" } }</summary>
                                    { note.more.clone() }
                                </details>
                            }
                        </div>
                    }
                    if !model.territories.is_empty() && !compact {
                        <dl class="territories">
                            { for model.territories.iter().map(|(short, full)| html! {
                                <><dt>{ short.clone() }</dt><dd>{ full.clone() }</dd></>
                            }) }
                        </dl>
                    }
                </figure>
            }
        }
        _ => Html::default(),
    };

    let targets_list = html! {
        <ul class="targets">
            { for model.targets.iter().map(|row| html! {
                <li class={classes!("target", format!("status-{}", row.badge.outcome.code()), row.lead.then_some("lead-target"))}>
                    <p class="target-line">
                        { badge(&row.badge) }
                        { " " }<strong>{ row.target.clone() }</strong>
                    </p>
                    <p class="target-meta">
                        // One text node: adjacent texts would be one node in a pre-rendered page.
                        { match &row.compared {
                            Some(compared) => format!("{} · {} · {}{compared}", row.document, row.territory,
                                match lang { Lang::Vi => "so với ", Lang::En => "compared with " }),
                            None => format!("{} · {}", row.document, row.territory),
                        } }
                    </p>
                    if let Some(note) = &row.note {
                        <p class="target-note">{ note.clone() }</p>
                    }
                    if !row.verdicts.is_empty() {
                        <ul class={classes!("verdicts", row.disagrees.then_some("disagrees"))}>
                            { for row.verdicts.iter().map(|v| html! { <li>{ v.clone() }</li> }) }
                        </ul>
                    }
                    if !row.reasons.is_empty() {
                        <ul class="reasons">
                            { for row.reasons.iter().map(|r| html! { <li>{ r.clone() }</li> }) }
                        </ul>
                    }
                </li>
            }) }
        </ul>
    };

    let revisions = if model.revisions.is_empty() {
        Html::default()
    } else {
        html! {
        <details class="revisions">
            <summary>{ match lang { Lang::Vi => "Các lần công bố số liệu", Lang::En => "Every published value" } }</summary>
            { for model.revisions.iter().map(|group| html! {
                <div class="revision-group">
                    <h4>{ format!("{} · {}", group.when, group.territory) }</h4>
                    <ol>
                        { for group.values.iter().map(|r| html! {
                            <li class={classes!(r.headline.then_some("headline"))}>
                                <strong>{ r.value.clone() }</strong>
                                // One text node (a pre-rendered page would merge two).
                                { format!(" · {} · {}{}", r.kind, r.date, if r.source.is_some() { " · " } else { "" }) }
                                if let Some(source) = &r.source {
                                    <a href={source.url.clone()} rel="noopener noreferrer" target="_blank">{ source.short.clone() }</a>
                                }
                                if r.headline {
                                    <span class="revision-headline">{ match lang { Lang::Vi => " · số dùng", Lang::En => " · the figure used" } }</span>
                                }
                            </li>
                        }) }
                    </ol>
                </div>
            }) }
        </details>
        }
    };
    let asof_control = {
        let dispatch = dispatch.clone();
        let onchange = Callback::from(move |event: Event| {
            let value = event
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            dispatch.emit(Action::SetAsOf(
                chitieu_core::plan::PartialDate::parse(&value).filter(|d| d.day.is_some()),
            ));
        });
        html! {
            <label class="asof-control">
                <span>{ match lang { Lang::Vi => "Xem như ngày", Lang::En => "As of" } }</span>
                <input type="date" min="2020-01-01" value={props.asof.map(|d| d.to_string()).unwrap_or_default()} {onchange} />
            </label>
        }
    };

    let how = html! {
        <details class="how">
            <summary>{ match lang { Lang::Vi => "Cách tính", Lang::En => "How it is computed" } }</summary>
            <ul>{ for model.how.iter().map(|line| html! { <li>{ line.clone() }</li> }) }</ul>
        </details>
    };

    let tables = html! {
        <details class="data-table" open={props.view == View::Table}>
            <summary>{ format!("{} ({})", t(Ui::Table, lang), model.table.len()) }</summary>
            if !tables_ready {
                <p class="table-pending">{ t(Ui::LoadingTable, lang) }</p>
            } else {
                if model.table.is_empty() {
                    <p>{ t(Ui::NoData, lang) }</p>
                } else {
                    <div class="table-scroll" role="region" aria-label={t(Ui::Table, lang)} tabindex="0">
                        <table>
                            <caption>{ format!("{} — {}", model.name, t(Ui::Table, lang)) }</caption>
                            <thead><tr>
                                <th scope="col">{ t(Ui::Year, lang) }</th>
                                <th scope="col">{ t(Ui::Value, lang) }</th>
                                <th scope="col">{ t(Ui::Kind, lang) }</th>
                                <th scope="col">{ t(Ui::Territory, lang) }</th>
                                <th scope="col">{ t(Ui::Source, lang) }</th>
                            </tr></thead>
                            <tbody>
                                { for model.table.iter().map(|row| html! {
                                    <tr class={classes!(row.headline.then_some("headline"))}>
                                        <th scope="row">{ row.when.clone() }</th>
                                        <td class="num">{ row.value.clone() }</td>
                                        <td>{ if row.headline { format!("{} · {}", row.kind, t(Ui::Headline, lang)) } else { row.kind.clone() } }</td>
                                        <td class="nowrap">{ row.territory.clone() }</td>
                                        <td>
                                            if let Some(source) = &row.source {
                                                <a href={source.url.clone()} rel="noopener noreferrer" target="_blank">{ source.publisher.clone() }</a>
                                                { if source.has_title { format!(" — {} ({})", source.title, source.date) } else { format!(" ({})", source.date) } }
                                                if source.low_reliability {
                                                    <span class="low-reliability">{ format!(" ⚠ {}", t(Ui::LowReliability, lang)) }</span>
                                                }
                                            }
                                            if let Some(note) = &row.note {
                                                <span class="cell-note">{ format!(" {}: {note}", t(Ui::Note, lang)) }</span>
                                            }
                                            if let Some(derived) = &row.derived {
                                                <span class="cell-note">{ format!(" {}: {derived}", t(Ui::Derived, lang)) }</span>
                                            }
                                        </td>
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                }
                if !model.targets.is_empty() {
                    <div class="table-scroll" role="region" aria-label={t(Ui::TargetsTable, lang)} tabindex="0">
                        <table class="targets-table">
                            <caption>{ format!("{} — {}", model.name, t(Ui::TargetsTable, lang)) }</caption>
                            <thead><tr>
                                <th scope="col">{ t(Ui::YearOrPeriod, lang) }</th>
                                <th scope="col">{ t(Ui::TargetHeader, lang) }</th>
                                <th scope="col">{ t(Ui::Status, lang) }</th>
                                <th scope="col">{ t(Ui::Why, lang) }</th>
                                <th scope="col">{ t(Ui::SetBy, lang) }</th>
                                <th scope="col">{ t(Ui::Territory, lang) }</th>
                            </tr></thead>
                            <tbody>
                                { for model.targets.iter().map(|row| html! {
                                    <tr class={classes!(format!("status-{}", row.badge.outcome.code()))}>
                                        <th scope="row">{ row.when.clone() }</th>
                                        <td>{ row.target.clone() }</td>
                                        <td class="status-cell">{ badge(&row.badge) }</td>
                                        <td>{ row.reasons.join(" ") }</td>
                                        <td>{ row.document_title.clone() }</td>
                                        <td class="nowrap">{ row.territory.clone() }</td>
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                }
            }
        </details>
    };

    let export = html! {
        <ExportBar plan={plan.clone()} indicator={model.indicator.clone()} {lang} period={props.period}
            theme={props.theme} layers={props.layers} summary={model.summary.clone()} today={props.today} />
    };
    let status_line = model.lead.as_ref().map(|lead| html! {
        <p class="status-line">
            { badge(&lead.badge) }{ " " }
            <span class="status-line-meta">{ unbroken(&format!("{} · {}", lead.territory, lead.document)) }</span>
        </p>
    });

    if compact {
        return html! {
            <section id="indicator-panel" class="panel compact-panel" aria-labelledby="indicator-title">
                // Ranges ("7,5–8%", "2021–2024") are kept whole, as in the full view (gallery
                // F10). Measured on the pre-rendered embeds (2026-12-01): no headline indicator's
                // headline takes a line more at 320 or 360 px; the tallest stays 595 px at 320.
                <h1 id="indicator-title" class="panel-headline">{ unbroken(&model.headline) }</h1>
                { chart_html }
                { status_line.unwrap_or_default() }
                <p id={summary_id} class="summary visually-hidden">{ model.summary.clone() }</p>
                <p class="source-line">{ model.sources_short.clone() }</p>
                <p class="full-link">
                    <a href={props.full_address.clone()} target="_blank" rel="noopener">
                        { match lang { Lang::Vi => "Xem đầy đủ chỉ tiêu, số liệu và nguồn", Lang::En => "See every target, figure and source" } }
                        <span aria-hidden="true">{ " →" }</span>
                    </a>
                </p>
                <details class="compact-more">
                    <summary>{ match lang { Lang::Vi => "Chỉ tiêu, lý do và bảng số liệu", Lang::En => "Targets, reasons and data table" } }</summary>
                    { targets_list }
                    { how }
                    { tables }
                </details>
            </section>
        };
    }

    html! {
        <section id="indicator-panel" class="panel" aria-labelledby="indicator-title">
            <label class="indicator-select">
                <span>{ t(Ui::ChooseIndicator, lang) }</span>
                <select onchange={on_change_indicator}>
                    { for plan.indicators.iter().map(|i| html! {
                        <option value={i.id.clone()} selected={i.id == model.indicator}>{ i.name.get(lang) }</option>
                    }) }
                </select>
            </label>
            { asof_control }
            <h2 id="indicator-title" class="panel-title">{ model.name.clone() }</h2>
            <p class="panel-headline">{ unbroken(&model.finding) }</p>
            // The finding says the figures; under it only what it leaves out: the status, and
            // whose target for which territory.
            if let Some(lead) = &model.lead {
                <p class={classes!("lead-line", format!("status-{}", lead.badge.outcome.code()))}>
                    { badge(&lead.badge) }
                    <span class="status-line-meta">{ unbroken(&format!(" · {} · {}", lead.document, lead.territory)) }</span>
                </p>
            }
            { chart_html }
            if let Some(definition) = &model.definition {
                <p class="definition">{ definition.clone() }</p>
            }
            <p id={summary_id} class="summary">{ model.summary.clone() }</p>
            { export }
            <h3>{ t(Ui::TargetHeader, lang) }</h3>
            if model.targets.is_empty() {
                <p>{ t(Ui::NoData, lang) }</p>
            } else {
                { targets_list }
            }
            { how }
            { revisions }
            { tables }
            <p class="source-line">{ model.sources.clone() }</p>
        </section>
    }
}
