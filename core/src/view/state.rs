//! The widget's state and every change a reader can make to it, as a reducer: `State` plus an
//! `Action` gives the next `State`. No DOM and no clock: the Yew layer turns clicks, keys and
//! Back/Forward into actions, and writes `State::to_query` into the address. `Query` is the
//! state's address form; what the address gets wrong becomes a `Notice`.

use crate::chart::legend::LayerKey as Layer;
use crate::chart::{Layers, ThemeName};
use crate::plan::{lower, Period, Plan};
use crate::query::{Notice, Query, View};
use crate::text::Lang;

/// What the compact embed draws: the figures against the targets. The required path and the
/// projection (with their legend lines) are in the full view, one link away; an article column
/// has room for the answer, not for the forecast.
pub const COMPACT_LAYERS: Layers = Layers {
    required: false,
    projection: false,
    ..Layers::DEFAULT
};

/// Which plan period the page shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PeriodChoice {
    /// The plan's default: the period holding the latest yearly figure.
    #[default]
    Default,
    /// Every period at once (`period=all`).
    All,
    One(Period),
}

impl PeriodChoice {
    /// The period to show, `None` for all of them.
    pub fn resolve(self, plan: &Plan) -> Option<Period> {
        match self {
            PeriodChoice::Default => plan.default_period(),
            PeriodChoice::All => None,
            PeriodChoice::One(period) => Some(period),
        }
    }

    /// The address form: "2021-2025", "all"; `None` for the default.
    pub fn code(self) -> Option<String> {
        match self {
            PeriodChoice::Default => None,
            PeriodChoice::All => Some("all".to_string()),
            PeriodChoice::One(p) => Some(format!("{}-{}", p.first, p.last)),
        }
    }
}

/// A key the chart understands when it has the focus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Next,
    Previous,
    First,
    Last,
    Leave,
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub lang: Lang,
    /// `None` follows the reader's system (light or dark).
    pub theme: Option<ThemeName>,
    /// `None`: the plan's first headline indicator.
    pub indicator: Option<String>,
    pub period: PeriodChoice,
    pub view: View,
    /// The compact view for embedding in articles.
    pub embed: bool,
    /// A plan file named in the address instead of the embedded one.
    pub plan: Option<String>,
    /// The id a pym.js parent gave the iframe, repeated in height messages.
    pub child_id: Option<String>,
    /// The day the page shows the plan as it stood on (`history::as_of`); `None` is today.
    pub asof: Option<crate::plan::PartialDate>,
    pub layers: Layers,
    /// The focused point of the chart, an index into its drawn points.
    pub focus: Option<usize>,
}

impl Default for State {
    fn default() -> State {
        State::from_query(&Query::default())
    }
}

/// What a reader did.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetLang(Lang),
    SetTheme(Option<ThemeName>),
    SelectIndicator(String),
    SetPeriod(PeriodChoice),
    SetView(View),
    /// See the plan as it stood on a day, or today again (`None`).
    SetAsOf(Option<crate::plan::PartialDate>),
    ToggleLayer(Layer),
    /// Pointer over (or touch on) a point, or away from every point.
    Focus(Option<usize>),
    /// A key on the focused chart, with the number of points it has.
    Step {
        step: Step,
        points: usize,
    },
    /// Back or Forward: the state the address now describes (view state such as layers resets).
    Restore(Query),
}

impl State {
    /// The state an address describes, before the plan is known. A period that is not even
    /// written like one is left for `check` to report, with the plan's periods as the choice.
    pub fn from_query(query: &Query) -> State {
        let period = match query.period.as_deref() {
            None => PeriodChoice::Default,
            Some("all") => PeriodChoice::All,
            Some(text) => {
                lower::parse_period(text).map_or(PeriodChoice::Default, PeriodChoice::One)
            }
        };
        State {
            lang: query.lang.unwrap_or_default(),
            theme: query.theme,
            indicator: query.indicator.clone(),
            period,
            view: query.view.unwrap_or_default(),
            embed: query.embed,
            plan: query.plan.clone(),
            child_id: query.child_id.clone(),
            asof: query.asof,
            layers: if query.embed {
                COMPACT_LAYERS
            } else {
                Layers::DEFAULT
            },
            focus: None,
        }
    }

    /// Checks the address's plan-dependent values against the plan: an indicator or a period
    /// the plan does not have is dropped (the default shows instead) and named in a notice.
    pub fn check(&mut self, query: &Query, plan: &Plan) -> Vec<Notice> {
        let mut notices = Vec::new();
        if let Some(id) = &self.indicator {
            if plan.indicator(id).is_none() {
                notices.push(Notice::BadValue {
                    name: "indicator",
                    value: id.clone(),
                    allowed: plan.indicators.iter().map(|i| i.id.clone()).collect(),
                });
                self.indicator = None;
            }
        }
        if let Some(text) = query.period.as_deref() {
            let known = match self.period {
                PeriodChoice::All => true,
                PeriodChoice::One(p) => plan.meta.periods.contains(&p),
                PeriodChoice::Default => false,
            };
            if !known {
                let mut allowed: Vec<String> = plan
                    .meta
                    .periods
                    .iter()
                    .map(|p| format!("{}-{}", p.first, p.last))
                    .collect();
                allowed.push("all".into());
                notices.push(Notice::BadValue {
                    name: "period",
                    value: text.to_string(),
                    allowed,
                });
                self.period = PeriodChoice::Default;
            }
        }
        notices
    }

    /// The address form of the state: defaults are left out so shared links stay short.
    pub fn to_query(&self) -> Query {
        Query {
            lang: Some(self.lang),
            theme: self.theme,
            indicator: self.indicator.clone(),
            period: self.period.code(),
            view: Some(self.view),
            plan: self.plan.clone(),
            embed: self.embed,
            child_id: self.child_id.clone(),
            asof: self.asof,
        }
    }

    /// The indicator shown: the chosen one, else the plan's first headline indicator, else its
    /// first indicator.
    pub fn indicator_in<'a>(&'a self, plan: &'a Plan) -> Option<&'a str> {
        self.indicator
            .as_deref()
            .filter(|id| plan.indicator(id).is_some())
            .or_else(|| {
                plan.indicators
                    .iter()
                    .find(|i| i.headline)
                    .or(plan.indicators.first())
                    .map(|i| i.id.as_str())
            })
    }

    /// Whether going from `self` to `next` is a new place a reader can go Back from (another
    /// indicator, period or view), rather than a change of how the same place looks.
    pub fn is_new_place(&self, next: &State) -> bool {
        self.indicator != next.indicator
            || self.period != next.period
            || self.view != next.view
            || self.asof != next.asof
    }

    pub fn reduce(&self, action: Action) -> State {
        let mut next = self.clone();
        match action {
            Action::SetLang(lang) => next.lang = lang,
            Action::SetTheme(theme) => next.theme = theme,
            Action::SelectIndicator(id) => {
                if next.indicator.as_deref() != Some(id.as_str()) {
                    next.indicator = Some(id);
                    next.focus = None;
                }
            }
            Action::SetPeriod(period) => {
                if next.period != period {
                    next.period = period;
                    next.focus = None;
                }
            }
            Action::SetView(view) => next.view = view,
            Action::SetAsOf(date) => {
                if next.asof != date {
                    next.asof = date;
                    next.focus = None;
                }
            }
            Action::ToggleLayer(layer) => {
                let l = &mut next.layers;
                match layer {
                    Layer::Actuals => l.actuals = !l.actuals,
                    Layer::Targets => l.targets = !l.targets,
                    Layer::OtherTargets => l.other_targets = !l.other_targets,
                    Layer::Required => l.required = !l.required,
                    Layer::Projection => l.projection = !l.projection,
                    // The series-break rule is always drawn.
                    Layer::Fixed => {}
                }
                // The focused point belongs to the actual values; hiding them drops it.
                if !next.layers.actuals {
                    next.focus = None;
                }
            }
            Action::Focus(focus) => next.focus = focus,
            Action::Step { step, points } => {
                next.focus = if points == 0 {
                    None
                } else {
                    let last = points - 1;
                    match (step, self.focus) {
                        (Step::Leave, _) => None,
                        (Step::First, _) | (Step::Next, None) => Some(0),
                        (Step::Last, _) | (Step::Previous, None) => Some(last),
                        (Step::Next, Some(i)) => Some((i + 1).min(last)),
                        (Step::Previous, Some(i)) => Some(i.saturating_sub(1).min(last)),
                    }
                };
            }
            Action::Restore(query) => {
                let restored = State::from_query(&query);
                next = State {
                    embed: self.embed,
                    plan: self.plan.clone(),
                    child_id: self.child_id.clone(),
                    ..restored
                };
            }
        }
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query;

    fn plan() -> Plan {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../data/can-tho.toml"))
                .expect("dataset");
        crate::plan::load("can-tho.toml", &text)
            .0
            .expect("the dataset loads")
    }

    #[test]
    fn the_address_round_trips_through_the_state() {
        for address in [
            "",
            "?lang=en",
            "?lang=en&theme=dark&indicator=grdp_growth&period=2021-2025&view=chart",
            "?indicator=poor_household_rate&period=all&embed=1&childId=c-1",
            "?view=table&plan=data/other.toml",
        ] {
            let (parsed, notices) = query::parse(address);
            assert!(notices.is_empty(), "{address}: {notices:?}");
            let state = State::from_query(&parsed);
            assert_eq!(query::to_string(&state.to_query()), address);
        }
    }

    #[test]
    fn values_the_plan_lacks_are_named_and_dropped() {
        let plan = plan();
        let (parsed, _) = query::parse("?indicator=nope&period=1990-1995");
        let mut state = State::from_query(&parsed);
        let notices = state.check(&parsed, &plan);
        assert_eq!(notices.len(), 2, "{notices:?}");
        assert!(
            matches!(&notices[0], Notice::BadValue { name: "indicator", value, .. } if value == "nope")
        );
        assert!(
            matches!(&notices[1], Notice::BadValue { name: "period", allowed, .. } if allowed.contains(&"all".to_string()))
        );
        assert_eq!(state.indicator, None);
        assert_eq!(state.period, PeriodChoice::Default);
        // The default indicator is the first headline one.
        let first_headline = plan.indicators.iter().find(|i| i.headline).unwrap();
        assert_eq!(state.indicator_in(&plan), Some(first_headline.id.as_str()));
        // A period written wrongly is named too.
        let (parsed, _) = query::parse("?period=20212025");
        let mut state = State::from_query(&parsed);
        assert_eq!(state.check(&parsed, &plan).len(), 1);
    }

    #[test]
    fn keys_walk_the_points_and_stop_at_the_ends() {
        let state = State::default();
        let step = |s: &State, step| s.reduce(Action::Step { step, points: 3 });
        let s = step(&state, Step::Next);
        assert_eq!(s.focus, Some(0));
        let s = step(&step(&step(&s, Step::Next), Step::Next), Step::Next);
        assert_eq!(s.focus, Some(2));
        assert_eq!(step(&s, Step::First).focus, Some(0));
        assert_eq!(step(&state, Step::Previous).focus, Some(2));
        assert_eq!(step(&s, Step::Leave).focus, None);
        assert_eq!(
            state
                .reduce(Action::Step {
                    step: Step::Next,
                    points: 0
                })
                .focus,
            None
        );
    }

    #[test]
    fn a_new_indicator_or_period_is_a_new_place_and_clears_the_focus() {
        let state = State::default().reduce(Action::Focus(Some(2)));
        let other = state.reduce(Action::SelectIndicator("x".into()));
        assert_eq!(other.focus, None);
        assert!(state.is_new_place(&other));
        let english = state.reduce(Action::SetLang(Lang::En));
        assert_eq!(english.focus, Some(2));
        assert!(!state.is_new_place(&english));
        let hidden = state.reduce(Action::ToggleLayer(Layer::Actuals));
        assert!(!hidden.layers.actuals);
        assert_eq!(hidden.focus, None);
    }

    #[test]
    fn back_restores_the_address_but_keeps_the_embedding() {
        let (parsed, _) = query::parse("?embed=1&childId=c&indicator=a");
        let state = State::from_query(&parsed).reduce(Action::ToggleLayer(Layer::Targets));
        let (back, _) = query::parse("?indicator=b&lang=en");
        let restored = state.reduce(Action::Restore(back));
        assert_eq!(restored.indicator.as_deref(), Some("b"));
        assert_eq!(restored.lang, Lang::En);
        assert!(restored.embed);
        assert_eq!(restored.child_id.as_deref(), Some("c"));
        assert!(restored.layers.targets);
    }
}
