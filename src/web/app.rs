//! The root component: holds the widget's `State` (the core's reducer), keeps the address in
//! step with it, and lays out the masthead, the overview and the indicator panel. The address,
//! the day and the plan come in as props, so that nothing here reads the browser while rendering.

use super::actions::{Dataset, EmbedButton};
use super::overview::Overview;
use super::panel::IndicatorPanel;
use super::plan_source::{self, PlanState};
use chitieu_core::chart::ThemeName;
use chitieu_core::export::Day;
use chitieu_core::i18n::{t, Ui};
use chitieu_core::query::{self, Notice, Query, View};
use chitieu_core::text::Lang;
use chitieu_core::view::{self, Action, PeriodChoice, State};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// The address the page was opened with, and what was wrong with it.
    pub query: Query,
    pub notices: Vec<Notice>,
    /// The day the page is rendered for: what "so far" and "overdue" are measured against. A
    /// pre-rendered page is taken over with the day it was rendered for, then the browser's
    /// clock takes its place.
    pub today: Day,
    /// The page already holds this view, rendered natively: the first render must match it.
    #[prop_or_default]
    pub prerendered: bool,
}

/// The state as Yew's reducer hook holds it.
#[derive(Clone, PartialEq)]
struct Model(State);

impl Reducible for Model {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.0.reduce(action);
        if next == self.0 {
            self
        } else {
            Rc::new(Model(next))
        }
    }
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let model = use_reducer(|| Model(State::from_query(&props.query)));
    let state = &model.0;
    let notices = use_state(|| props.notices.clone());
    let today = use_state(|| props.today);
    {
        // The browser's clock replaces the day a pre-rendered page was made for.
        let today = today.clone();
        use_effect_with((), move |_| {
            let now = js_sys::Date::new_0();
            let day = Day {
                year: now.get_full_year() as i32,
                month: now.get_month() + 1,
                day: now.get_date(),
            };
            if *today != day {
                today.set(day);
            }
        });
    }
    let plan_path = props.query.plan.clone();
    let plan_state = use_state(|| match &plan_path {
        Some(path) => PlanState::Loading(path.clone()),
        None => plan_source::embedded(),
    });

    {
        let plan_state = plan_state.clone();
        use_effect_with(plan_path.clone(), move |path| {
            if let Some(path) = path.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    plan_state.set(plan_source::fetch(path).await);
                });
            }
        });
    }

    // Once the plan is known: an indicator or period in the address that it lacks is named in
    // a notice and dropped.
    {
        let notices = notices.clone();
        let model = model.clone();
        let query = props.query.clone();
        use_effect_with(plan_state.clone(), move |plan_state| {
            if let PlanState::Ready { plan, .. } = &**plan_state {
                let mut checked = model.0.clone();
                let found = checked.check(&query, plan);
                if !found.is_empty() {
                    let mut list = (*notices).clone();
                    list.extend(found);
                    notices.set(list);
                    model.dispatch(Action::Restore(checked.to_query()));
                }
            }
        });
    }

    // The address and the document follow the state. A new indicator, period or view is a new
    // history entry (Back returns to it); language and theme replace the current one.
    {
        let previous = use_mut_ref(|| None::<State>);
        use_effect_with(state.clone(), move |state| {
            let Some(window) = web_sys::window() else {
                return;
            };
            if let Some(root) = window.document().and_then(|d| d.document_element()) {
                let _ = root.set_attribute("lang", state.lang.code());
            }
            let location = window.location();
            let target = format!(
                "{}{}",
                location.pathname().unwrap_or_default(),
                query::to_string(&state.to_query())
            );
            let current = format!(
                "{}{}",
                location.pathname().unwrap_or_default(),
                location.search().unwrap_or_default()
            );
            let moved = previous
                .borrow()
                .as_ref()
                .is_some_and(|before: &State| before.is_new_place(state));
            *previous.borrow_mut() = Some(state.clone());
            if target == current {
                return;
            }
            if let Ok(history) = window.history() {
                let none = wasm_bindgen::JsValue::NULL;
                let _ = if moved {
                    history.push_state_with_url(&none, "", Some(&target))
                } else {
                    history.replace_state_with_url(&none, "", Some(&target))
                };
            }
        });
    }

    // Back and Forward restore the state the address describes.
    {
        let model = model.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                gloo::events::EventListener::new(&window, "popstate", move |_| {
                    let search = web_sys::window()
                        .and_then(|w| w.location().search().ok())
                        .unwrap_or_default();
                    model.dispatch(Action::Restore(query::parse(&search).0));
                })
            });
            move || drop(listener)
        });
    }

    let dispatch = {
        let model = model.clone();
        Callback::from(move |action: Action| model.dispatch(action))
    };
    let lang = state.lang;
    let embed = state.embed;
    // "Auto" is the stylesheet's business: the page's colours and the chart's follow the
    // system's light or dark setting through a media query, also when it changes later, and a
    // pre-rendered page needs no script for it. The chart is drawn in the light palette.
    let theme = state.theme.unwrap_or(ThemeName::Light);
    let theme_class = state.theme.map_or("auto", ThemeName::code);
    // Statuses are computed as of the chosen day (`asof`), else as of today.
    let status_day = match state.asof {
        Some(d) => Day {
            year: d.year,
            month: u32::from(d.month.unwrap_or(12)),
            day: u32::from(d.day.unwrap_or(31)),
        },
        None => *today,
    };
    let year = status_day.year;

    let on_theme = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: Event| {
            let value = event
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            dispatch.emit(Action::SetTheme(ThemeName::from_code(&value)));
        })
    };
    let dismiss_notices = {
        let notices = notices.clone();
        Callback::from(move |_| notices.set(Vec::new()))
    };

    let (title, subtitle) = match &*plan_state {
        PlanState::Ready { plan, .. } => (
            plan.meta
                .short_title
                .as_ref()
                .unwrap_or(&plan.meta.title)
                .get(lang)
                .to_string(),
            plan.meta
                .short_title
                .as_ref()
                .map(|_| plan.meta.title.get(lang).to_string()),
        ),
        _ => (t(Ui::AppName, lang).to_string(), None),
    };

    let shown_indicator = match &*plan_state {
        PlanState::Ready { plan, .. } => state.indicator_in(plan).unwrap_or_default().to_string(),
        _ => String::new(),
    };
    // The reader's tools, at the foot of the page: the theme and the embed code.
    let tools = html! {
        <div class="page-tools">
                <label class="theme-select">
                    <span>{ t(Ui::Theme, lang) }</span>
                    <select onchange={on_theme}>
                        <option value="auto" selected={state.theme.is_none()}>{ match lang { Lang::Vi => "Tự động", Lang::En => "Auto" } }</option>
                        { for ThemeName::ALL.iter().map(|name| {
                            let label = match name {
                                ThemeName::Light => t(Ui::ThemeLight, lang),
                                ThemeName::Dark => t(Ui::ThemeDark, lang),
                                ThemeName::Contrast => t(Ui::ThemeContrast, lang),
                            };
                            html! { <option value={name.code()} selected={state.theme == Some(*name)}>{ label }</option> }
                        }) }
                    </select>
                </label>
                <EmbedButton {lang} {theme} title={title.clone()} indicator={shown_indicator} />
        </div>
    };

    // The plan as it stood on the chosen day (`asof`): only what had been published by then.
    let as_of = use_memo(
        (plan_state.clone(), state.asof),
        |(plan_state, asof)| match (&**plan_state, asof) {
            (PlanState::Ready { plan, .. }, Some(date)) => {
                let view = chitieu_core::history::as_of(plan, *date);
                Some((
                    super::plan_source::PlanRef(Rc::new(view.plan.clone())),
                    view,
                ))
            }
            _ => None,
        },
    );

    let body = match &*plan_state {
        PlanState::Loading(path) => html! {
            <p class="loading" role="status">{ format!("{} ", t(Ui::LoadingPlan, lang)) }<code>{ path.clone() }</code></p>
        },
        PlanState::Failed {
            file,
            problems,
            fetch_error,
        } => html! {
            <section class="plan-errors" role="alert" aria-labelledby="plan-errors-title">
                <h2 id="plan-errors-title">{ format!("{}: ", t(Ui::PlanFileError, lang)) }<code>{ file.clone() }</code></h2>
                if let Some(message) = fetch_error {
                    <p>{ message.clone() }</p>
                }
                <ul>
                    { for match lang { Lang::Vi => &problems.vi, Lang::En => &problems.en }.iter().map(|d| html! { <li><code>{ d.clone() }</code></li> }) }
                </ul>
            </section>
        },
        PlanState::Ready {
            plan: full_plan,
            version,
            text,
        } => {
            // What the views show: the plan, or the plan as it stood on the chosen day.
            let plan = match &*as_of {
                Some((plan, _)) => plan,
                None => full_plan,
            };
            let as_of_note = (*as_of).as_ref().map(|(_, view)| html! {
                <p class="asof-note" role="status">
                    { format!("{} ", view::words::as_of_sentence(view.date, view.later, view.undated, view.later_targets, lang)) }
                    <button type="button" class="link-button" onclick={{
                        let dispatch = dispatch.clone();
                        Callback::from(move |_| dispatch.emit(Action::SetAsOf(None)))
                    }}>{ match lang { Lang::Vi => "Xem số liệu mới nhất", Lang::En => "See the latest figures" } }</button>
                </p>
            });
            let dataset = Rc::new(Dataset {
                version: version.clone(),
                text: text.clone(),
                path: plan_path.clone(),
            });
            let period = state.period.resolve(plan);
            let selected = state.indicator_in(plan).map(str::to_string);
            let full_address = {
                let full = State {
                    embed: false,
                    child_id: None,
                    indicator: selected.clone(),
                    view: View::Chart,
                    ..state.clone()
                };
                let q = query::to_string(&full.to_query());
                if q.is_empty() {
                    "./".to_string()
                } else {
                    format!("./{q}")
                }
            };
            let panel = match &selected {
                Some(indicator) => html! {
                    <IndicatorPanel
                        plan={plan.clone()}
                        indicator={indicator.clone()}
                        {lang}
                        {period}
                        {theme}
                        layers={state.layers}
                        focus={state.focus}
                        today={status_day}
                        asof={state.asof}
                        prerendered={props.prerendered}
                        compact={embed}
                        view={state.view}
                        {full_address}
                        dispatch={dispatch.clone()}
                    />
                },
                None => html! { <p>{ t(Ui::NoIndicatorWithTargets, lang) }</p> },
            };
            let switches = if embed {
                Html::default()
            } else {
                let view_buttons = View::ALL.iter().map(|choice| {
                    let choice = *choice;
                    let dispatch = dispatch.clone();
                    let label = match choice {
                        View::Scorecard => t(Ui::Overview, lang),
                        View::Chart => t(Ui::Chart, lang),
                        View::Table => t(Ui::Table, lang),
                    };
                    html! {
                        <button type="button" data-view={choice.code()} aria-pressed={(choice == state.view).to_string()}
                            onclick={Callback::from(move |_| dispatch.emit(Action::SetView(choice)))}>{ label }</button>
                    }
                });
                let period_buttons = plan
                    .meta
                    .periods
                    .iter()
                    .map(|p| (p.to_string(), PeriodChoice::One(*p), Some(*p)))
                    .chain(std::iter::once((
                        t(Ui::AllPeriods, lang).to_string(),
                        PeriodChoice::All,
                        None,
                    )))
                    .map(|(label, choice, value)| {
                        let dispatch = dispatch.clone();
                        html! {
                            <button type="button" aria-pressed={(value == period).to_string()}
                                onclick={Callback::from(move |_| dispatch.emit(Action::SetPeriod(choice)))}>{ label }</button>
                        }
                    });
                html! {
                    <div class="switches">
                        <div class="view-switch" role="group" aria-label={t(Ui::View, lang)}>
                            { for view_buttons }
                        </div>
                        if plan.meta.periods.len() > 1 {
                            <div class="period-switch" role="group" aria-label={t(Ui::Period, lang)}>
                                <span class="period-label">{ t(Ui::Period, lang) }</span>
                                { for period_buttons }
                            </div>
                        }
                    </div>
                }
            };
            let with_overview = !embed && state.view == View::Scorecard;
            html! {
                <ContextProvider<Rc<Dataset>> context={dataset}>
                    { switches }
                    { as_of_note.unwrap_or_default() }
                    <div class={classes!("layout", with_overview.then_some("with-overview"))}>
                        if with_overview {
                            <Overview plan={plan.clone()} {lang} {period} today={year}
                                selected={selected.clone().map(AttrValue::from)} dispatch={dispatch.clone()} />
                        }
                        { panel }
                    </div>
                    if !embed {
                        <footer class="site-footer">
                            { tools.clone() }
                            <p>
                                { format!("{} · {} ", plan.meta.title.get(lang), t(Ui::DataVersion, lang)) }<code>{ version.clone() }</code>
                            </p>
                        </footer>
                    }
                </ContextProvider<Rc<Dataset>>>
            }
        }
    };

    let controls = html! {
        <div class="controls">
            <div class="lang-switch" role="group" aria-label={t(Ui::Language, lang)}>
                { for Lang::ALL.iter().map(|choice| {
                    let choice = *choice;
                    let dispatch = dispatch.clone();
                    // The visible code starts the name (WCAG 2.5.3, label in name).
                    let label = match choice { Lang::Vi => "VI, Tiếng Việt", Lang::En => "EN, English" };
                    let short = match choice { Lang::Vi => "VI", Lang::En => "EN" };
                    html! {
                        <button type="button" lang={choice.code()} aria-pressed={(choice == lang).to_string()}
                            aria-label={label} onclick={Callback::from(move |_| dispatch.emit(Action::SetLang(choice)))}>{ short }</button>
                    }
                }) }
            </div>
        </div>
    };

    html! {
        <div class={classes!("chitieu", format!("theme-{theme_class}"), embed.then_some("compact"))}>
            if embed {
                // In an article the page that embeds it chose the language: no switches.
                <div class="compact-bar">
                    <p class="compact-title">{ title }</p>
                </div>
            } else {
                <header class="masthead">
                    <div class="masthead-text">
                        <h1>{ title }</h1>
                        if let Some(subtitle) = subtitle {
                            <p class="plan-title">{ subtitle }</p>
                        }
                    </div>
                    { controls }
                </header>
            }
            if !notices.is_empty() {
                <section class="notices" role="alert">
                    <ul>
                        { for notices.iter().map(|notice| html! { <li>{ view::notice_text(notice, lang) }</li> }) }
                    </ul>
                    <button type="button" onclick={dismiss_notices}>{ t(Ui::Close, lang) }</button>
                </section>
            }
            <main class="content">{ body }</main>
        </div>
    }
}
