//! The scorecard: the plan's goal and vision, totals per plan period, one card per headline
//! target (status as symbol and words, latest value against target, a sparkline), and the task
//! areas with their indicators.

use super::app::current_year;
use super::plan_source::PlanRef;
use chitieu_core::chart::sparkline;
use chitieu_core::describe;
use chitieu_core::i18n::{t, Ui};
use chitieu_core::plan::{Period, StatementKind, When};
use chitieu_core::status::{self, Status};
use chitieu_core::text::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OverviewProps {
    pub plan: PlanRef,
    pub lang: Lang,
    pub period: Option<Period>,
    pub on_select: Callback<String>,
}

#[function_component]
pub fn Overview(props: &OverviewProps) -> Html {
    let plan = &props.plan;
    let lang = props.lang;
    let today = current_year();

    let statements = plan.statements.iter().map(|statement| {
        let heading = match statement.kind {
            StatementKind::Goal => t(Ui::Goal, lang),
            StatementKind::Vision => t(Ui::Vision, lang),
        };
        html! {
            <div class={classes!("statement", format!("statement-{}", if statement.kind == StatementKind::Goal { "goal" } else { "vision" }))}>
                <h3>{ heading }{ " " }{ statement.year }</h3>
                <p>{ statement.text.get(lang) }</p>
            </div>
        }
    });

    let cards = status::scorecard(plan, props.period, today);
    let tally = status::tally_cards(&cards);
    let period_label = props
        .period
        .map_or_else(|| t(Ui::AllPeriods, lang).to_string(), |p| p.to_string());
    let render_card = |card: &status::Card| {
        let indicator = card.indicator;
        let target = card.target;
        let assessment = &card.assessment;
        // The figure as published, with its hedge ("trên 92,4 %"), not only the number scored.
        let latest = assessment.latest.map(|(year, value)| {
            let published = plan.headline_series(&indicator.id).into_iter().find(|o| {
                o.when == When::Year(year) && o.territory == target.territory && o.value == value
            });
            let shown = published.map_or_else(
                || describe::value(indicator, value, None, lang),
                |o| describe::observation(indicator, o, lang),
            );
            format!("{year}: {shown}")
        });
        let series: Vec<(i32, f64, usize)> = plan
            .headline_series(&indicator.id)
            .iter()
            .filter_map(|o| match o.when {
                When::Year(year) => {
                    Some((year, o.value, usize::from(o.territory != target.territory)))
                }
                When::Period(_) => None,
            })
            .collect();
        let spark = sparkline::path(&series, 96.0, 28.0);
        let on_select = props.on_select.clone();
        let id = indicator.id.clone();
        let onclick = Callback::from(move |_| {
            on_select.emit(id.clone());
            if let Some(panel) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("indicator-panel"))
            {
                panel.scroll_into_view();
            }
        });
        let document = plan
            .document(&target.document)
            .map_or(target.document.as_str(), |d| d.number.as_str());
        let more = match (card.others, lang) {
            (0, _) => String::new(),
            (n, Lang::Vi) => format!(" · +{n} chỉ tiêu khác"),
            (n, Lang::En) => format!(" · +{n} other target{}", if n == 1 { "" } else { "s" }),
        };
        html! {
            <li class={classes!("card", format!("status-{}", assessment.status.code()))} data-status={assessment.status.code()}>
                <button type="button" class="card-button" {onclick}>
                    <span class="card-name">{ indicator.name.get(lang) }</span>
                    <span class="card-target">
                        <span class="label">{ t(Ui::TargetHeader, lang) }{ ": " }</span>
                        { describe::target(indicator, target, lang) }
                        <span class="card-document">{ format!(" — {document}{more}") }</span>
                    </span>
                    <span class="card-latest">
                        <span class="label">{ t(Ui::LatestValue, lang) }{ ": " }</span>
                        { latest.unwrap_or_else(|| t(Ui::NoData, lang).to_string()) }
                    </span>
                    <span class="card-status">
                        <span class="status-symbol" aria-hidden="true">{ assessment.status.symbol() }</span>
                        { assessment.label(lang) }
                    </span>
                    if !spark.is_empty() {
                        <svg class="sparkline" viewBox="0 0 96 28" width="96" height="28" aria-hidden="true" focusable="false">
                            <path d={spark} />
                        </svg>
                    }
                </button>
            </li>
        }
    };
    let headline_cards: Vec<Html> = cards
        .iter()
        .filter(|c| c.indicator.headline)
        .map(render_card)
        .collect();
    let other_cards: Vec<Html> = cards
        .iter()
        .filter(|c| !c.indicator.headline)
        .map(render_card)
        .collect();

    let task_areas = plan.task_areas.iter().map(|area| {
        let linked: Vec<Html> = plan
            .indicators
            .iter()
            .filter(|i| i.task_area.as_deref() == Some(area.id.as_str()))
            .map(|indicator| {
                let on_select = props.on_select.clone();
                let id = indicator.id.clone();
                html! {
                    <li><button type="button" class="link-button" onclick={Callback::from(move |_| on_select.emit(id.clone()))}>
                        { indicator.name.get(lang) }
                    </button></li>
                }
            })
            .collect();
        html! {
            <li class="task-area">
                <span class="task-number">{ area.number }</span>
                <div>
                    <p class="task-title">{ area.title.get(lang) }</p>
                    if !linked.is_empty() {
                        <ul class="task-indicators">{ for linked }</ul>
                    }
                </div>
            </li>
        }
    });

    html! {
        <section class="overview" aria-labelledby="overview-title">
            <h2 id="overview-title">{ t(Ui::Overview, lang) }</h2>
            if !plan.statements.is_empty() {
                <div class="statements">{ for statements }</div>
            }
            <p class="tally" data-total={tally.total().to_string()}>
                <strong>{ format!("{period_label}: ") }</strong>
                { if tally.total() == 0 { t(Ui::NoData, lang).to_string() } else { tally.summary(lang) } }
                <span class="tally-note">{ match lang {
                    Lang::Vi => format!(" — {} chỉ tiêu, mỗi chỉ tiêu đánh giá theo chỉ tiêu chính của giai đoạn.", tally.total()),
                    Lang::En => format!(" — {} indicators, each scored on its lead target for the period.", tally.total()),
                } }</span>
            </p>
            <h3>{ t(Ui::HeadlineTargets, lang) }</h3>
            <ul class="cards">{ for headline_cards }</ul>
            if !other_cards.is_empty() {
                <h3>{ t(Ui::OtherIndicators, lang) }</h3>
                <ul class="cards cards-other">{ for other_cards }</ul>
            }
            <StatusKey {lang} />
            if !plan.task_areas.is_empty() {
                <details class="task-areas">
                    <summary>{ t(Ui::TaskAreas, lang) }{ format!(" ({})", plan.task_areas.len()) }</summary>
                    <ol>{ for task_areas }</ol>
                </details>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct StatusKeyProps {
    lang: Lang,
}

#[function_component]
fn StatusKey(props: &StatusKeyProps) -> Html {
    html! {
        <ul class="status-key" aria-label={t(Ui::Status, props.lang)}>
            { for Status::ALL.iter().map(|s| html! {
                <li class={format!("status-{}", s.code())}>
                    <span class="status-symbol" aria-hidden="true">{ s.symbol() }</span>{ s.label(props.lang) }
                </li>
            }) }
        </ul>
    }
}
