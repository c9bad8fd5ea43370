//! The overview's view model: the headline sentence, the tally, the status strip (one row per
//! indicator, where its latest comparable figure stands against its target), the indicators
//! that cannot be placed on it, and the folded goal, vision and task areas.

use super::badge::{Badge, Outcome};
use super::compare::{comparable, distance};
use super::words;
use crate::describe;
use crate::plan::{Period, Plan, StatementKind};
use crate::status::{self, Goal};
use crate::text::Lang;

#[derive(Clone, Debug, PartialEq)]
pub struct Overview {
    pub period: Option<Period>,
    /// "2021–2025" or "mọi giai đoạn" / "all periods".
    pub period_label: String,
    /// The finding, in one sentence: what share of the period's targets are met.
    pub headline: String,
    /// The rest of the count: missed, on the way, cannot be judged.
    pub dek: String,
    /// How many of the statuses rest on figures that are not final ("tạm tính").
    pub provisional: Option<String>,
    /// Counts per outcome, best first, zeros left out: the tally bar and its labels.
    pub tally: Vec<(Outcome, usize)>,
    pub total: usize,
    /// Indicators with a comparable figure, furthest beyond their target first.
    pub rows: Vec<StripRow>,
    /// "8 chỉ tiêu chưa có số liệu: …": the indicators without a figure, in one line.
    pub no_data: Option<Line>,
    /// Indicators with figures that cannot be placed against their target.
    pub unjudged: Option<Line>,
    pub statements: Vec<StatementView>,
    pub task_areas: Vec<TaskAreaView>,
    /// The city's own counts of its targets ("đạt và vượt 15/20 chỉ tiêu"), each beside the
    /// count computed from the figures in this file.
    pub official: Vec<OfficialTallyView>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct OfficialTallyView {
    /// "Báo cáo chính trị Đại hội I (27/9/2025)"
    pub report: String,
    /// "đạt và vượt 15/20; phấn đấu đạt 5/20"
    pub counted: String,
    /// "Tính từ số liệu ở đây, cho 16 trong 20 chỉ tiêu của văn bản: 5 có thể đạt, 6 có thể không
    /// đạt, …" (every status, as the page's own tally), or that none of its targets is in the data.
    pub computed: String,
    pub source: Option<super::panel::SourceRef>,
}

/// A sentence that names indicators; each name can be a link to its panel.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub lead: String,
    /// (indicator id, name)
    pub items: Vec<(String, String)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StripRow {
    pub indicator: String,
    pub name: String,
    pub badge: Badge,
    /// The comparable figure with its unit: "5,78%/năm".
    pub value: String,
    /// What it is: "bình quân 2021–2024", "năm 2024", and how old when two years or more:
    /// "năm 2023, cách đây 3 năm".
    pub value_note: String,
    /// The target in words: "7,5–8%/năm (bình quân 2021–2025)".
    pub target: String,
    /// The document that set it, short: "03-CTr/TU".
    pub document: String,
    /// Relative distance to the target's edge, positive beyond it: the sort key.
    pub distance: f64,
    /// Positions on the strip's common axis, in percent of its width.
    pub track: Track,
    /// Other scored targets of this indicator in the period (the panel lists them).
    pub others: usize,
}

/// Every row shares one axis: the target's edge at `EDGE` percent, shortfalls to its left,
/// figures beyond it to its right, each as a share of the edge (±`SPAN` fills the side).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Track {
    /// Where the figure sits.
    pub value: f64,
    /// The far edge of a target band, when the target has one ("7,5–8%").
    pub band_end: Option<f64>,
    /// The figure lies beyond the drawn axis (its marker is an arrow at the end).
    pub clipped: bool,
}

impl Track {
    /// Position of the target's edge on every row.
    pub const EDGE: f64 = 60.0;
    /// Relative distance that reaches an end of the axis.
    pub const SPAN: f64 = 0.5;

    fn place(d: f64) -> (f64, bool) {
        let room = if d < 0.0 {
            Track::EDGE - 3.0
        } else {
            100.0 - Track::EDGE - 3.0
        };
        let x = Track::EDGE + (d / Track::SPAN) * room;
        let clamped = x.clamp(3.0, 97.0);
        (clamped, (clamped - x).abs() > 1e-9)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct StatementView {
    pub heading: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TaskAreaView {
    pub number: u32,
    pub title: String,
    /// (indicator id, name)
    pub indicators: Vec<(String, String)>,
}

/// The overview of `period` (every period when `None`) as of `today`.
pub fn overview(plan: &Plan, period: Option<Period>, lang: Lang, today: i32) -> Overview {
    let cards = status::scorecard(plan, period, today);
    let mut rows: Vec<StripRow> = Vec::new();
    let mut no_data: Vec<(String, String)> = Vec::new();
    let mut unjudged: Vec<(String, String)> = Vec::new();
    let mut counts: Vec<(Outcome, usize)> = Outcome::ALL.iter().map(|o| (*o, 0)).collect();
    for card in &cards {
        let indicator = card.indicator;
        let badge = Badge::of(&card.assessment, lang);
        if let Some(entry) = counts.iter_mut().find(|(o, _)| *o == badge.outcome) {
            entry.1 += 1;
        }
        let name = (indicator.id.clone(), indicator.name.get(lang).to_string());
        let figure = comparable(plan, indicator, card.target, &card.assessment, lang);
        let goal = Goal::of(card.target.shape, indicator.direction);
        let (Some(figure), Some(goal), false) =
            (figure, goal, badge.outcome == Outcome::NotAssessable)
        else {
            if badge.outcome == Outcome::NoData {
                no_data.push(name);
            } else {
                unjudged.push(name);
            }
            continue;
        };
        let d = distance(&goal, figure.value);
        let (value_x, clipped) = Track::place(d);
        let band_end = goal
            .far
            .filter(|far| (far - goal.edge).abs() > 1e-12)
            .map(|far| Track::place(distance(&goal, far)).0);
        rows.push(StripRow {
            indicator: indicator.id.clone(),
            name: name.1,
            badge,
            value: figure.text,
            value_note: words::with_age(&figure.note, today - figure.data_year, lang),
            target: describe::target(indicator, card.target, lang),
            document: words::document_short(plan, &card.target.document, lang),
            distance: d,
            track: Track {
                value: value_x,
                band_end,
                clipped,
            },
            others: card.others,
        });
    }
    // Furthest beyond the target first; ties keep the plan's order (a stable sort).
    rows.sort_by(|a, b| b.distance.total_cmp(&a.distance));
    let total = cards.len();
    let tally: Vec<(Outcome, usize)> = counts.into_iter().filter(|(_, n)| *n > 0).collect();
    let period_label =
        period.map_or_else(|| words::all_periods(lang).to_string(), |p| p.to_string());
    let (headline, dek) = words::tally_sentences(&tally, total, &period_label, lang);
    let judged = rows.len();
    let provisional = rows
        .iter()
        .filter(|r| r.badge.provisional.is_some())
        .count();
    let provisional = words::provisional_sentence(provisional, judged, lang);
    let line = |items: Vec<(String, String)>, lead: fn(usize, Lang) -> String| {
        (!items.is_empty()).then(|| Line {
            lead: lead(items.len(), lang),
            items,
        })
    };
    let official = plan
        .tallies
        .iter()
        .filter(|t| period.is_none_or(|p| p.contains(t.when.end_year())))
        .map(|tally| {
            // Every status in the badges' words, not only the targets met: "0 of 16 met" beside
            // the city's "15/20 met" read as a contradiction where most targets are "probably
            // met" or "probably missed" on provisional figures (graphics-desk review, 2026-12-01).
            let targets = crate::verdict::counted_targets(plan, tally);
            let outcomes: Vec<Outcome> = targets
                .iter()
                .map(|t| Outcome::of(&status::assess(plan, t, today)))
                .collect();
            let breakdown = words::outcome_counts(&outcomes, lang);
            let in_file = targets.len() as u32;
            let of = tally.of;
            OfficialTallyView {
                report: format!(
                    "{} ({})",
                    tally.report.get(lang),
                    describe::date(tally.date, lang)
                ),
                counted: crate::verdict::tally_summary(tally, lang),
                computed: match (in_file, lang) {
                    (0, Lang::Vi) => format!(
                        "Chưa tự tính được: dữ liệu ở đây chưa có chỉ tiêu nào trong {of} chỉ tiêu của văn bản này."
                    ),
                    (0, Lang::En) => format!(
                        "Nothing to compute yet: none of this document's {of} targets is in the data here."
                    ),
                    (n, Lang::Vi) if n == of => {
                        format!("Tính từ số liệu ở đây, cho cả {n} chỉ tiêu của văn bản: {breakdown}.")
                    }
                    (n, Lang::En) if n == of => format!(
                        "Computed from the figures here, for all {n} of the document's targets: {breakdown}."
                    ),
                    (n, Lang::Vi) => format!(
                        "Tính từ số liệu ở đây, cho {n} trong {of} chỉ tiêu của văn bản: {breakdown}."
                    ),
                    (n, Lang::En) => format!(
                        "Computed from the figures here, for {n} of the document's {of} targets: {breakdown}."
                    ),
                },
                source: super::panel::source_ref(plan, &tally.source, lang),
            }
        })
        .collect();
    Overview {
        official,
        period,
        period_label,
        headline,
        dek,
        provisional,
        tally,
        total,
        rows,
        no_data: line(no_data, words::no_data_lead),
        unjudged: line(unjudged, words::unjudged_lead),
        statements: plan
            .statements
            .iter()
            .map(|s| StatementView {
                heading: format!(
                    "{} {}",
                    match (s.kind, lang) {
                        (StatementKind::Goal, Lang::Vi) => "Mục tiêu đến năm",
                        (StatementKind::Goal, Lang::En) => "Goal for",
                        (StatementKind::Vision, Lang::Vi) => "Tầm nhìn đến năm",
                        (StatementKind::Vision, Lang::En) => "Vision for",
                    },
                    s.year
                ),
                text: s.text.get(lang).to_string(),
            })
            .collect(),
        task_areas: plan
            .task_areas
            .iter()
            .map(|area| TaskAreaView {
                number: area.number,
                title: area.title.get(lang).to_string(),
                indicators: plan
                    .indicators
                    .iter()
                    .filter(|i| i.task_area.as_deref() == Some(area.id.as_str()))
                    .map(|i| (i.id.clone(), i.name.get(lang).to_string()))
                    .collect(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../data/can-tho.toml"))
                .expect("dataset");
        crate::plan::load("can-tho.toml", &text)
            .0
            .expect("the dataset loads")
    }

    /// The city's own count of a document's targets is set beside the count computed here; a
    /// document none of whose targets is in the data says so, never "0 trong 0 chỉ tiêu".
    #[test]
    fn an_official_count_with_nothing_to_compute_says_so() {
        let plan = plan();
        let mut empty = 0;
        for lang in Lang::ALL {
            let o = overview(&plan, None, lang, 2026);
            assert!(!o.official.is_empty());
            for tally in &o.official {
                assert!(
                    !tally.computed.contains(" 0 trong 0 "),
                    "{}",
                    tally.computed
                );
                assert!(!tally.computed.contains(" 0 of 0 "), "{}", tally.computed);
                assert!(!tally.computed.contains("tệp"), "{}", tally.computed);
                if tally.computed.starts_with("Chưa tự tính được")
                    || tally.computed.starts_with("Nothing to compute yet")
                {
                    empty += 1;
                }
            }
        }
        assert!(
            empty >= 2,
            "the data holds no target of one of the reports: {empty}"
        );
    }

    /// Beside the city's own count, ours gives every status of the document's targets held
    /// here, and the numbers add up to how many are held: never "0 of 16 met" alone beside a
    /// report's "15/20 met" when most are probably met on provisional figures.
    #[test]
    fn our_count_beside_the_citys_gives_every_status() {
        let plan = plan();
        let mut checked = 0;
        for lang in Lang::ALL {
            let o = overview(&plan, None, lang, 2026);
            for (view, tally) in o.official.iter().zip(&plan.tallies) {
                let in_file = crate::verdict::counted_targets(&plan, tally).len() as u32;
                if in_file == 0 {
                    continue;
                }
                let (_, breakdown) = view.computed.split_once(": ").expect("a breakdown");
                let numbers: u32 = breakdown
                    .split(", ")
                    .map(|part| {
                        part.split(' ')
                            .next()
                            .and_then(|n| n.parse::<u32>().ok())
                            .unwrap_or_else(|| panic!("{}", view.computed))
                    })
                    .sum();
                assert_eq!(numbers, in_file, "{}", view.computed);
                assert!(!view.computed.contains("đã đạt."), "{}", view.computed);
                assert!(!view.computed.contains("held here"), "{}", view.computed);
                // The badges' words (the key's), not the engine's.
                for engine_only in [
                    "chệch hướng",
                    "nguy cơ",
                    "chưa thể",
                    "off track",
                    "at risk",
                    "not assessable",
                ] {
                    assert!(!view.computed.contains(engine_only), "{}", view.computed);
                }
                checked += 1;
            }
        }
        assert!(checked >= 2, "{checked}");
    }

    #[test]
    fn the_tally_the_rows_and_the_lines_account_for_every_target_once() {
        let plan = plan();
        for period in plan.meta.periods.iter().copied().map(Some).chain([None]) {
            for lang in Lang::ALL {
                let o = overview(&plan, period, lang, 2026);
                let counted: usize = o.tally.iter().map(|(_, n)| n).sum();
                assert_eq!(counted, o.total);
                let listed = o.rows.len()
                    + o.no_data.as_ref().map_or(0, |l| l.items.len())
                    + o.unjudged.as_ref().map_or(0, |l| l.items.len());
                assert_eq!(listed, o.total, "{period:?}");
                assert!(o.rows.windows(2).all(|w| w[0].distance >= w[1].distance));
                for row in &o.rows {
                    assert!((0.0..=100.0).contains(&row.track.value), "{row:?}");
                    // A figure short of the target sits left of the edge, one beyond it right.
                    assert_eq!(row.track.value < Track::EDGE, row.distance < 0.0, "{row:?}");
                }
            }
        }
    }

    #[test]
    fn growth_is_compared_as_an_average_never_one_year() {
        let plan = plan();
        let period = Some(Period {
            first: 2021,
            last: 2025,
        });
        let o = overview(&plan, period, Lang::Vi, 2026);
        let growth = o
            .rows
            .iter()
            .find(|r| r.indicator == "grdp_growth")
            .expect("GRDP growth has a row");
        assert!(
            growth.value_note.starts_with("bình quân 2021–"),
            "{growth:?}"
        );
        assert!(growth.distance < 0.0, "{growth:?}");
    }
}
