//! The root component: reads the address, loads the plan, keeps language, theme and the chosen
//! indicator in the address, and lays out the overview and the indicator panel.

use super::actions::{Dataset, EmbedButton};
use super::indicator::IndicatorPanel;
use super::overview::Overview;
use super::plan_source::{self, PlanState};
use chitieu_core::chart::ThemeName;
use chitieu_core::i18n::{t, Ui};
use chitieu_core::query::{self, Notice, Query, View};
use chitieu_core::text::Lang;
use std::rc::Rc;
use yew::prelude::*;

fn initial_query() -> (Query, Vec<Notice>) {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    query::parse(&search)
}

pub fn current_year() -> i32 {
    js_sys::Date::new_0().get_full_year() as i32
}

#[function_component]
pub fn App() -> Html {
    let start = use_memo((), |_| initial_query());
    let (start_query, start_notices) = (*start).clone();
    let lang = use_state(|| start_query.lang.unwrap_or_default());
    let theme_override = use_state(|| start_query.theme);
    // "Auto" follows the system scheme, also when it changes after load.
    let system_dark = super::system_theme::use_system_dark();
    let indicator = use_state(|| start_query.indicator.clone());
    // `None` until the plan is known; then the address's period, or the plan's default.
    let period_text = use_state(|| start_query.period.clone());
    let view = use_state(|| start_query.view.unwrap_or_default());
    let notices = use_state(|| start_notices);
    let embed = start_query.embed;
    let plan_path = start_query.plan.clone();
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

    let theme = theme_override.unwrap_or(if system_dark {
        ThemeName::Dark
    } else {
        ThemeName::Light
    });

    // An indicator named in the address that the plan lacks is reported, then dropped.
    {
        let indicator = indicator.clone();
        let period_text = period_text.clone();
        let notices = notices.clone();
        use_effect_with(plan_state.clone(), move |state| {
            let PlanState::Ready { plan, .. } = &**state else {
                return;
            };
            let mut list = (*notices).clone();
            if let Some(id) = (*indicator).clone() {
                if plan.indicator(&id).is_none() {
                    list.push(Notice::BadValue {
                        name: "indicator",
                        value: id,
                        allowed: plan.indicators.iter().map(|i| i.id.clone()).collect(),
                    });
                    indicator.set(None);
                }
            }
            if let Some(text) = (*period_text).clone() {
                if text != "all" && parse_plan_period(plan, &text).is_none() {
                    let mut allowed: Vec<String> = plan
                        .meta
                        .periods
                        .iter()
                        .map(|p| format!("{}-{}", p.first, p.last))
                        .collect();
                    allowed.push("all".into());
                    list.push(Notice::BadValue {
                        name: "period",
                        value: text,
                        allowed,
                    });
                    period_text.set(None);
                }
            }
            if list.len() != notices.len() {
                notices.set(list);
            }
        });
    }

    // Keep the address and the document in step with the state. A new indicator or period is a
    // new history entry (Back returns to the previous one); language and theme replace it.
    use_effect_with(
        (
            *lang,
            *theme_override,
            (*indicator).clone(),
            (*period_text).clone(),
            *view,
            plan_path.clone(),
            embed,
            start_query.child_id.clone(),
        ),
        move |(lang, theme, indicator, period, view, plan, embed, child_id)| {
            let query = Query {
                lang: Some(*lang),
                theme: *theme,
                indicator: indicator.clone(),
                period: period.clone(),
                view: Some(*view),
                plan: plan.clone(),
                embed: *embed,
                child_id: child_id.clone(),
            };
            if let Some(window) = web_sys::window() {
                if let Some(root) = window.document().and_then(|d| d.document_element()) {
                    let _ = root.set_attribute("lang", lang.code());
                }
                let location = window.location();
                let (current, _) = query::parse(&location.search().unwrap_or_default());
                let target = format!(
                    "{}{}",
                    location.pathname().unwrap_or_default(),
                    query::to_string(&query)
                );
                let moved = current.indicator != query.indicator
                    || current.period != query.period
                    || current.view.unwrap_or_default() != query.view.unwrap_or_default();
                if let Ok(history) = window.history() {
                    let _ = if moved {
                        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&target))
                    } else {
                        history.replace_state_with_url(
                            &wasm_bindgen::JsValue::NULL,
                            "",
                            Some(&target),
                        )
                    };
                }
            }
        },
    );

    // Back and Forward restore the state the address describes.
    {
        let lang = lang.clone();
        let theme_override = theme_override.clone();
        let indicator = indicator.clone();
        let period_text = period_text.clone();
        let view = view.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                gloo::events::EventListener::new(&window, "popstate", move |_| {
                    let search = web_sys::window()
                        .and_then(|w| w.location().search().ok())
                        .unwrap_or_default();
                    let (query, _) = query::parse(&search);
                    lang.set(query.lang.unwrap_or_default());
                    theme_override.set(query.theme);
                    indicator.set(query.indicator);
                    period_text.set(query.period);
                    view.set(query.view.unwrap_or_default());
                })
            });
            move || drop(listener)
        });
    }

    let set_lang = {
        let lang = lang.clone();
        Callback::from(move |chosen: Lang| lang.set(chosen))
    };
    let on_theme = {
        let theme_override = theme_override.clone();
        Callback::from(move |event: Event| {
            let value = event
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            theme_override.set(ThemeName::from_code(&value));
        })
    };
    let on_select_indicator = {
        let indicator = indicator.clone();
        Callback::from(move |id: String| indicator.set(Some(id)))
    };
    let on_period = {
        let period_text = period_text.clone();
        Callback::from(move |text: String| period_text.set(Some(text)))
    };
    let dismiss_notices = {
        let notices = notices.clone();
        Callback::from(move |_| notices.set(Vec::new()))
    };

    let lang_now = *lang;
    let view_now = *view;
    let view_buttons = View::ALL.iter().map(|choice| {
        let choice = *choice;
        let view = view.clone();
        let label = match choice {
            View::Scorecard => t(Ui::Overview, lang_now),
            View::Chart => t(Ui::Chart, lang_now),
            View::Table => t(Ui::Table, lang_now),
        };
        html! {
            <button type="button" data-view={choice.code()} aria-pressed={(choice == view_now).to_string()}
                onclick={Callback::from(move |_| view.set(choice))}>{ label }</button>
        }
    }).collect::<Vec<Html>>();
    let body = match &*plan_state {
        PlanState::Loading(path) => html! {
            <p class="loading" role="status">{ t(Ui::LoadingPlan, lang_now) }{ " " }<code>{ path.clone() }</code></p>
        },
        PlanState::Failed {
            file,
            problems,
            fetch_error,
        } => html! {
            <section class="plan-errors" role="alert" aria-labelledby="plan-errors-title">
                <h2 id="plan-errors-title">{ t(Ui::PlanFileError, lang_now) }{ ": " }<code>{ file.clone() }</code></h2>
                if let Some(message) = fetch_error {
                    <p>{ message.clone() }</p>
                }
                <ul>
                    { for match lang_now { Lang::Vi => &problems.vi, Lang::En => &problems.en }.iter().map(|d| html! { <li><code>{ d.clone() }</code></li> }) }
                </ul>
            </section>
        },
        PlanState::Ready {
            plan,
            version,
            text,
        } => {
            let dataset = Rc::new(Dataset {
                version: version.clone(),
                text: text.clone(),
                path: plan_path.clone(),
            });
            let period = match (*period_text).as_deref() {
                Some("all") => None,
                Some(text) => parse_plan_period(plan, text).or_else(|| plan.default_period()),
                None => plan.default_period(),
            };
            let period_buttons = plan.meta.periods.iter().map(|p| (format!("{}-{}", p.first, p.last), p.to_string(), Some(*p)))
                .chain(std::iter::once(("all".to_string(), t(Ui::AllPeriods, lang_now).to_string(), None)))
                .map(|(code, label, value)| {
                    let on_period = on_period.clone();
                    html! {
                        <button type="button" aria-pressed={(value == period).to_string()}
                            onclick={Callback::from(move |_| on_period.emit(code.clone()))}>{ label }</button>
                    }
                });
            let selected = (*indicator)
                .clone()
                .filter(|id| plan.indicator(id).is_some())
                .or_else(|| {
                    plan.indicators
                        .iter()
                        .find(|i| i.headline)
                        .or(plan.indicators.first())
                        .map(|i| i.id.clone())
                });
            html! {
                <ContextProvider<Rc<Dataset>> context={dataset}>
                    if !embed {
                        <div class="view-switch" role="group" aria-label={t(Ui::View, lang_now)}>
                            { for view_buttons.iter().cloned() }
                        </div>
                    }
                    if !embed && plan.meta.periods.len() > 1 {
                        <div class="period-switch" role="group" aria-label={t(Ui::Period, lang_now)}>
                            <span class="period-label">{ t(Ui::Period, lang_now) }</span>
                            { for period_buttons }
                        </div>
                    }
                    if !embed && view_now == View::Scorecard {
                        <Overview plan={plan.clone()} lang={lang_now} {period} on_select={on_select_indicator.clone()} />
                    }
                    if let Some(selected) = selected {
                        <IndicatorPanel
                            plan={plan.clone()}
                            indicator={selected}
                            lang={lang_now}
                            {period}
                            {theme}
                            compact={embed}
                            view={view_now}
                            on_select={on_select_indicator.clone()}
                        />
                    } else {
                        <p>{ t(Ui::NoIndicatorWithTargets, lang_now) }</p>
                    }
                    <footer class="site-footer">
                        <p>
                            { plan.meta.title.get(lang_now) }{ " · " }
                            { t(Ui::DataVersion, lang_now) }{ " " }<code>{ version.clone() }</code>
                        </p>
                    </footer>
                </ContextProvider<Rc<Dataset>>>
            }
        }
    };

    let (title, full_title) = match &*plan_state {
        PlanState::Ready { plan, .. } => (
            plan.meta
                .short_title
                .as_ref()
                .unwrap_or(&plan.meta.title)
                .get(lang_now)
                .to_string(),
            plan.meta
                .short_title
                .as_ref()
                .map(|_| plan.meta.title.get(lang_now).to_string()),
        ),
        _ => (t(Ui::AppName, lang_now).to_string(), None),
    };

    let embed_title = title.clone();
    html! {
        <div class={classes!("chitieu", format!("theme-{}", theme.code()), embed.then_some("compact"))}>
            <header class="masthead">
                <div class="masthead-text">
                    <p class="kicker">{ t(Ui::AppName, lang_now) }</p>
                    <h1>{ title }</h1>
                    if let Some(full_title) = full_title.filter(|_| !embed) {
                        <p class="plan-title">{ full_title }</p>
                    }
                    if !embed {
                        <p class="tagline">{ t(Ui::Tagline, lang_now) }</p>
                    }
                </div>
                <div class="controls">
                    <div class="lang-switch" role="group" aria-label={t(Ui::Language, lang_now)}>
                        { for Lang::ALL.iter().map(|choice| {
                            let choice = *choice;
                            let set_lang = set_lang.clone();
                            // The visible code starts the name (WCAG 2.5.3, label in name).
                            let label = match choice { Lang::Vi => "VI, Tiếng Việt", Lang::En => "EN, English" };
                            let short = match choice { Lang::Vi => "VI", Lang::En => "EN" };
                            html! {
                                <button
                                    type="button"
                                    lang={choice.code()}
                                    aria-pressed={(choice == lang_now).to_string()}
                                    aria-label={label}
                                    onclick={Callback::from(move |_| set_lang.emit(choice))}
                                >{ short }</button>
                            }
                        }) }
                    </div>
                    <label class="theme-select">
                        <span>{ t(Ui::Theme, lang_now) }</span>
                        <select onchange={on_theme}>
                            <option value="auto" selected={theme_override.is_none()}>{ "Auto" }</option>
                            { for ThemeName::ALL.iter().map(|name| {
                                let label = match name {
                                    ThemeName::Light => t(Ui::ThemeLight, lang_now),
                                    ThemeName::Dark => t(Ui::ThemeDark, lang_now),
                                    ThemeName::Contrast => t(Ui::ThemeContrast, lang_now),
                                };
                                html! { <option value={name.code()} selected={*theme_override == Some(*name)}>{ label }</option> }
                            }) }
                        </select>
                    </label>
                    if !embed {
                        <EmbedButton lang={lang_now} {theme} title={embed_title} />
                    }
                </div>
            </header>
            if !notices.is_empty() {
                <section class="notices" role="alert">
                    <ul>
                        { for notices.iter().map(|notice| html! { <li>{ notice_text(notice, lang_now) }</li> }) }
                    </ul>
                    <button type="button" onclick={dismiss_notices}>{ t(Ui::Close, lang_now) }</button>
                </section>
            }
            <main class="content">{ body }</main>
        </div>
    }
}

fn notice_text(notice: &Notice, lang: Lang) -> String {
    match notice {
        Notice::UnknownParameter { name } => format!(
            "{}: `{name}`. {}: {}",
            t(Ui::UnknownParameter, lang),
            t(Ui::Allowed, lang),
            query::PARAMETERS.join(", ")
        ),
        Notice::BadValue {
            name,
            value,
            allowed,
        } => {
            let shown: Vec<&str> = allowed.iter().take(12).map(String::as_str).collect();
            let more = if allowed.len() > shown.len() {
                ", …"
            } else {
                ""
            };
            format!(
                "{}: {name}=`{value}`. {}: {}{more}",
                t(Ui::BadParameterValue, lang),
                t(Ui::Allowed, lang),
                shown.join(", ")
            )
        }
        Notice::ForeignPlan { value } => format!("{}: `{value}`", t(Ui::ForeignPlanRefused, lang)),
    }
}

fn parse_plan_period(
    plan: &chitieu_core::plan::Plan,
    text: &str,
) -> Option<chitieu_core::plan::Period> {
    chitieu_core::plan::lower::parse_period(text).filter(|p| plan.meta.periods.contains(p))
}
