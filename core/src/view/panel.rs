//! The indicator panel's view model: a headline sentence a reader can check, the comparable
//! figure against the lead target, the chart, the targets with their status and reasons in plain
//! words, the technical "how it is computed" notes, the data table and the sources. The page,
//! the compact embed, the downloads and the pre-rendered pages all read it from here.

use super::badge::Badge;
use super::compare::{comparable, Comparable};
use super::words;
use crate::chart::{ChartSpec, Layers};
use crate::describe;
use crate::i18n::{kind_label, t, Ui};
use crate::plan::{Indicator, Observation, Period, Plan, Published, Reliability, Target, When};
use crate::status::{self, Assessment, Goal, Reason, Verdict};
use crate::text::Lang;

#[derive(Clone, Debug, PartialEq)]
pub struct Panel {
    pub indicator: String,
    pub name: String,
    pub unit: String,
    pub definition: Option<String>,
    /// One plain sentence: where the indicator stands against its lead target, in numbers.
    pub headline: String,
    /// The same finding without the indicator's name, for under a heading that names it.
    pub finding: String,
    /// The comparable figure beside the lead target (none without a scored target).
    pub lead: Option<Lead>,
    /// Every scored target of the period, the lead one first.
    pub targets: Vec<TargetRow>,
    pub chart: Option<ChartSpec>,
    /// What the tooltip and the live readout say of each drawn point, in focus order.
    pub readouts: Vec<Readout>,
    /// The chart's text alternative.
    pub summary: String,
    /// A one-line note on the series break, only where the chart has figures on both sides.
    pub break_note: Option<BreakNote>,
    /// "Cách tính / How it is computed": methods, ratios and definitions, out of the main text.
    pub how: Vec<String>,
    /// Short territory names and what they stand for, each defined once.
    pub territories: Vec<(String, String)>,
    /// Every observation, oldest first.
    pub table: Vec<ObservationRow>,
    /// The years with more than one published value, each in publication order.
    pub revisions: Vec<RevisionGroup>,
    /// "Nguồn: Cục Thống kê TP Cần Thơ (12/2024); Báo Cần Thơ (1/2025)".
    pub sources: String,
    /// One short line for the compact embed: the sources of the latest figures, and how many
    /// more the full view lists.
    pub sources_short: String,
}

/// The big figure: the comparable value, what it is, and the target it is held against.
#[derive(Clone, Debug, PartialEq)]
pub struct Lead {
    pub value: String,
    pub note: String,
    pub target: String,
    pub document: String,
    pub territory: String,
    pub badge: Badge,
    /// The year of the latest figure in it.
    pub data_year: i32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TargetRow {
    pub id: String,
    pub badge: Badge,
    pub target: String,
    pub when: String,
    /// "03-CTr/TU"
    pub document: String,
    /// The document's title and number, for the table.
    pub document_title: String,
    /// Short territory name.
    pub territory: String,
    pub lead: bool,
    /// The figure it is judged on, with what it is: "5,78%/năm (bình quân 2021–2024)".
    pub compared: Option<String>,
    /// Why, in plain words.
    pub reasons: Vec<String>,
    pub note: Option<String>,
    /// The city's own reports on this target, each beside the computed status.
    pub verdicts: Vec<String>,
    /// A report's grade says otherwise than the computed status.
    pub disagrees: bool,
}

/// Every value published for one year (or period) of one territory, in publication order.
#[derive(Clone, Debug, PartialEq)]
pub struct RevisionGroup {
    pub when: String,
    pub territory: String,
    pub values: Vec<RevisionRow>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RevisionRow {
    pub value: String,
    pub kind: String,
    /// Publication date in the language's form.
    pub date: String,
    pub source: Option<SourceRef>,
    /// The value that stands for the year (the headline rule).
    pub headline: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ObservationRow {
    pub when: String,
    pub value: String,
    pub kind: String,
    pub headline: bool,
    pub territory: String,
    pub source: Option<SourceRef>,
    pub note: Option<String>,
    pub derived: Option<String>,
    /// The observation's line in the plan file: how a chart point finds its row.
    pub line: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SourceRef {
    pub publisher: String,
    /// The source has a title of its own (not only "publisher, date").
    pub has_title: bool,
    pub title: String,
    pub url: String,
    /// Publication date in the language's form, or "không rõ ngày" / "date unknown".
    pub date: String,
    /// "Báo Cần Thơ, 12/2024": how the page names a source in running text.
    pub short: String,
    pub low_reliability: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct BreakNote {
    /// "┆ 1/7/2025: Hợp nhất Cần Thơ, Hậu Giang, Sóc Trăng (…). Số liệu trước và sau mốc này
    /// không so sánh được."
    pub short: String,
    /// The compact embed's one line: "┆ 1/7/2025: địa giới thay đổi; số liệu trước và sau không
    /// so sánh được."
    pub line: String,
    /// The rest, behind "thêm" / "more".
    pub more: String,
}

/// The key under a panel's chart: the chart's legend (`chart::legend`, as the downloads draw
/// it); in the compact embed only the entries drawn. Neither view keeps the series-break entry
/// when the panel's break note (which opens with the rule's own ┆) says it right below: the
/// break told twice took a line of the embed's 600 px and two rows of a phone's key (gallery
/// F20). The downloads, which carry no note, keep it.
pub fn key_entries(
    spec: &ChartSpec,
    lang: Lang,
    compact: bool,
    break_note: bool,
) -> Vec<crate::chart::LegendEntry> {
    crate::chart::legend(spec, lang)
        .into_iter()
        .filter(|e| !compact || e.shown)
        .filter(|e| !(break_note && e.swatch == crate::chart::Swatch::Break))
        .collect()
}

/// The target a panel leads with (headline, lead figure, badge): always one the chart draws as a
/// lead target (`chart::leads`), so a reader finds the headline's target on the chart. The
/// chart's focus (the earliest still due) when there is a figure to hold against it; else the
/// latest lead target that has one (over every period, the 2021–2025 finding rather than "no
/// figure yet" for 2026–2030); else the focus.
pub fn lead_target<'a>(
    plan: &'a Plan,
    indicator: &'a Indicator,
    period: Option<Period>,
    today: i32,
) -> Option<&'a Target> {
    let leads = crate::chart::leads(plan, &indicator.id, period, today);
    let judged = |t: &Target| {
        comparable(
            plan,
            indicator,
            t,
            &status::assess(plan, t, today),
            Lang::En,
        )
        .is_some()
    };
    leads
        .focus
        .filter(|t| judged(t))
        .or_else(|| leads.targets.iter().rev().find(|t| judged(t)).copied())
        .or(leads.focus)
}

/// The panel of one indicator for `period` (every period when `None`), as of `today`.
pub fn panel(
    plan: &Plan,
    indicator_id: &str,
    period: Option<Period>,
    lang: Lang,
    layers: Layers,
    today: i32,
) -> Option<Panel> {
    let indicator = plan.indicator(indicator_id)?;
    let lead_target = lead_target(plan, indicator, period, today);
    let scored = plan.targets_in(indicator_id, period);
    let mut assessed: Vec<(&Target, Assessment)> = scored
        .iter()
        .map(|t| (*t, status::assess(plan, t, today)))
        .collect();
    // The lead target first, the rest in the plan's order of documents and years.
    if let Some(lead) = lead_target {
        if let Some(i) = assessed.iter().position(|(t, _)| std::ptr::eq(*t, lead)) {
            let row = assessed.remove(i);
            assessed.insert(0, row);
        }
    }
    let lead = lead_target.and_then(|target| {
        let assessment = &assessed.iter().find(|(t, _)| std::ptr::eq(*t, target))?.1;
        let figure = comparable(plan, indicator, target, assessment, lang)?;
        Some(Lead {
            value: figure.text.clone(),
            note: figure.note.clone(),
            target: describe::target(indicator, target, lang),
            document: words::document_short(plan, &target.document, lang),
            territory: words::territory_short(plan, &target.territory, lang),
            badge: Badge::of(assessment, lang),
            data_year: figure.data_year,
        })
    });
    let headline = headline(plan, indicator, lead_target, &assessed, lang);
    let targets = assessed
        .iter()
        .map(|(target, assessment)| {
            target_row(plan, indicator, target, assessment, lead_target, lang)
        })
        .collect();
    // The same function as the downloads and the pre-rendered pages.
    let chart = crate::chart::indicator_chart(plan, indicator_id, period, lang, layers, today);
    let readouts = chart
        .as_ref()
        .map(|spec| {
            // One per drawn point, so that the page's list and the points stay in step.
            (0..spec.point_order().count())
                .map(|focus| readout(plan, spec, focus, lang).unwrap_or_default())
                .collect()
        })
        .unwrap_or_default();
    let break_note = chart
        .as_ref()
        .filter(|spec| !spec.breaks.is_empty() && spec.series.len() > 1)
        .and_then(|_| plan.series_breaks.first())
        .map(|b| BreakNote {
            short: match lang {
                Lang::Vi => format!(
                    "┆ {}: {}. Số liệu trước và sau mốc này không so sánh được.",
                    describe::date(b.date, lang),
                    b.title.get(lang)
                ),
                Lang::En => format!(
                    "┆ {}: {}. Figures before and after are not comparable.",
                    describe::date(b.date, lang),
                    b.title.get(lang)
                ),
            },
            line: match lang {
                Lang::Vi => format!(
                    "┆ {}: địa giới mới, không so sánh với số trước đó.",
                    describe::date(b.date, lang)
                ),
                Lang::En => format!(
                    "┆ {}: new boundaries, not comparable with earlier figures.",
                    describe::date(b.date, lang)
                ),
            },
            more: b.note.get(lang).to_string(),
        });
    let mut how: Vec<String> = Vec::new();
    for (target, assessment) in &assessed {
        for reason in &assessment.reasons {
            if is_technical(reason) {
                let line = format!(
                    "{}: {}",
                    describe::target(indicator, target, lang),
                    reason.text(indicator, lang)
                );
                if !how.contains(&line) {
                    how.push(line);
                }
            }
        }
    }
    how.push(t(Ui::HeadlineWhy, lang).to_string());
    let territories = words::territories_defined(plan, indicator_id, lang);
    let summary = crate::summary::indicator(plan, indicator, &headline, lang);
    let mut rows: Vec<&Observation> = plan.observations_of(indicator_id).collect();
    crate::order::sort_by_key(&mut rows, |o| (o.when, o.territory.clone(), o.line));
    let headlines = plan.headline_index(indicator_id);
    let table = rows
        .iter()
        .map(|o| observation_row(plan, indicator, o, headlines.contains(o), lang))
        .collect();
    Some(Panel {
        indicator: indicator.id.clone(),
        name: indicator.name.get(lang).to_string(),
        unit: indicator.unit.get(lang).to_string(),
        definition: indicator
            .definition
            .as_ref()
            .map(|d| d.get(lang).to_string()),
        finding: headline
            .strip_prefix(&format!("{}: ", indicator.name.get(lang)))
            .map_or_else(|| headline.clone(), str::to_string),
        headline,
        lead,
        targets,
        chart,
        readouts,
        summary,
        break_note,
        how,
        territories,
        table,
        revisions: revisions(plan, indicator, lang),
        sources: source_line(plan, indicator_id, lang),
        sources_short: source_line_short(
            plan,
            indicator_id,
            lead_target.map(|t| t.territory.as_str()),
            lang,
        ),
    })
}

/// The panel's headline sentence alone, for the downloaded figure's title: the same words the
/// page opens with.
pub fn headline_of(
    plan: &Plan,
    indicator: &Indicator,
    period: Option<Period>,
    lang: Lang,
    today: i32,
) -> String {
    let lead = lead_target(plan, indicator, period, today);
    let assessed: Vec<(&Target, Assessment)> = lead
        .map(|t| (t, status::assess(plan, t, today)))
        .into_iter()
        .collect();
    headline(plan, indicator, lead, &assessed, lang)
}

/// The sentence at the top of the panel.
fn headline(
    plan: &Plan,
    indicator: &Indicator,
    lead: Option<&Target>,
    assessed: &[(&Target, Assessment)],
    lang: Lang,
) -> String {
    let name = indicator.name.get(lang);
    let Some(target) = lead else {
        let series = plan.headline_series(&indicator.id);
        return match (series.last(), lang) {
            (Some(o), Lang::Vi) => format!(
                "{name}: {} năm {} ({}).",
                describe::observation(indicator, o, lang),
                o.when,
                words::territory_short(plan, &o.territory, lang)
            ),
            (Some(o), Lang::En) => format!(
                "{name}: {} in {} ({}).",
                describe::observation(indicator, o, lang),
                o.when,
                words::territory_short(plan, &o.territory, lang)
            ),
            (None, Lang::Vi) => format!("{name}: chưa có số liệu."),
            (None, Lang::En) => format!("{name}: no data yet."),
        };
    };
    let (body, when) = describe::target_parts(indicator, target, lang);
    let Some((_, assessment)) = assessed.iter().find(|(t, _)| std::ptr::eq(*t, target)) else {
        return format!("{name}: {body} ({when}).");
    };
    let Some(figure) = comparable(plan, indicator, target, assessment, lang) else {
        return match lang {
            Lang::Vi => format!("{name}: chưa có số liệu để so với chỉ tiêu {body} ({when})."),
            Lang::En => {
                format!("{name}: no figure yet to compare with the target of {body} ({when}).")
            }
        };
    };
    let verdict = Goal::of(target.shape, indicator.direction)
        .map(|g| g.verdict(status::displayed(figure.value, indicator.decimals)));
    // The sentence says what the badge says. Past the deadline with the final figure not out,
    // the badge says "probably missed": never "not yet" of a deadline gone. A figure still short
    // of a target the badge calls on track or probably met is not just "short of" it either.
    let reached = matches!(verdict, Some(Verdict::Met | Verdict::Exceeded));
    let relation = match (super::badge::Outcome::of(assessment), reached, lang) {
        (super::badge::Outcome::LikelyMissed, _, Lang::Vi) => "có thể không đạt chỉ tiêu",
        (super::badge::Outcome::LikelyMissed, _, Lang::En) => "probably missing the target of",
        (super::badge::Outcome::OnTrack, false, Lang::Vi) => "đúng tiến độ để đạt chỉ tiêu",
        (super::badge::Outcome::OnTrack, false, Lang::En) => "on track for the target of",
        // Probably met even where the figure so far is beyond the target: "vượt chỉ tiêu" beside
        // a badge "Có thể đạt" read as two verdicts (labour productivity, 2021–2022 figures only).
        (super::badge::Outcome::LikelyMet, _, Lang::Vi) => "có thể đạt chỉ tiêu",
        (super::badge::Outcome::LikelyMet, _, Lang::En) => "probably meeting the target of",
        _ => relation(verdict, assessment.is_final, lang),
    };
    let Comparable { text, note, .. } = figure;
    format!("{name}: {text} ({note}), {relation} {body} ({when}).")
}

fn relation(verdict: Option<Verdict>, is_final: bool, lang: Lang) -> &'static str {
    match (verdict, is_final, lang) {
        (Some(Verdict::Exceeded), _, Lang::Vi) => "vượt chỉ tiêu",
        (Some(Verdict::Met), _, Lang::Vi) => "đạt chỉ tiêu",
        (_, true, Lang::Vi) => "không đạt chỉ tiêu",
        (_, false, Lang::Vi) => "chưa đạt chỉ tiêu",
        (Some(Verdict::Exceeded), _, Lang::En) => "beyond the target of",
        (Some(Verdict::Met), _, Lang::En) => "meeting the target of",
        (_, true, Lang::En) => "missing the target of",
        (_, false, Lang::En) => "short of the target of",
    }
}

fn target_row(
    plan: &Plan,
    indicator: &Indicator,
    target: &Target,
    assessment: &Assessment,
    lead: Option<&Target>,
    lang: Lang,
) -> TargetRow {
    let document = plan.document(&target.document);
    TargetRow {
        id: target.id.clone(),
        badge: Badge::of(assessment, lang),
        target: describe::target(indicator, target, lang),
        when: target.when.to_string(),
        document: words::document_short(plan, &target.document, lang),
        document_title: document.map_or_else(
            || target.document.clone(),
            |d| format!("{} ({})", d.title.get(lang), d.number),
        ),
        territory: words::territory_short(plan, &target.territory, lang),
        lead: lead.is_some_and(|l| std::ptr::eq(l, target)),
        compared: comparable(plan, indicator, target, assessment, lang)
            .map(|c| format!("{} ({})", c.text, c.note)),
        reasons: assessment
            .reasons
            .iter()
            .filter(|r| !is_technical(r))
            .map(|r| words::plain_reason(plan, r, indicator, lang))
            .collect(),
        note: target.note.as_ref().map(|n| n.get(lang).to_string()),
        verdicts: crate::verdict::verdicts_for(plan, &target.id)
            .into_iter()
            .map(|v| crate::verdict::describe(v, assessment, lang))
            .collect(),
        disagrees: crate::verdict::verdicts_for(plan, &target.id)
            .into_iter()
            .any(|v| {
                crate::verdict::compare(v.grade, assessment.status)
                    == crate::verdict::Agreement::Disagrees
            }),
    }
}

/// The revisions of an indicator: its years with several published values, each value with
/// kind, date and source, the headline one marked (`history::revisions`).
fn revisions(plan: &Plan, indicator: &Indicator, lang: Lang) -> Vec<RevisionGroup> {
    crate::history::revisions(plan, &indicator.id)
        .into_iter()
        .filter(|g| g.values.len() > 1)
        .map(|g| RevisionGroup {
            when: g.when.to_string(),
            territory: words::territory_short(plan, g.territory, lang),
            values: g
                .values
                .iter()
                .map(|r| RevisionRow {
                    value: describe::observation(indicator, r.observation, lang),
                    kind: kind_label(r.observation.kind, lang).to_string(),
                    date: match r.published() {
                        Published::On(date) => describe::date(date, lang),
                        Published::Unknown => t(Ui::PublishedUnknown, lang).to_string(),
                    },
                    source: source_ref(plan, &r.observation.source, lang),
                    headline: r.headline,
                })
                .collect(),
        })
        .collect()
}

/// Reasons that explain the arithmetic rather than the finding: they go to "how it is
/// computed", not under the badge.
fn is_technical(reason: &Reason) -> bool {
    matches!(
        reason,
        Reason::PeriodReported { .. }
            | Reason::PeriodSuperseded { .. }
            | Reason::BaselineSubstitute { .. }
            | Reason::Trend { .. }
            | Reason::PeriodAverage { .. }
    )
}

fn observation_row(
    plan: &Plan,
    indicator: &Indicator,
    o: &Observation,
    headline: bool,
    lang: Lang,
) -> ObservationRow {
    ObservationRow {
        when: o.when.to_string(),
        value: describe::observation(indicator, o, lang),
        kind: kind_label(o.kind, lang).to_string(),
        headline: matches!(o.when, When::Year(_)) && headline,
        territory: words::territory_short(plan, &o.territory, lang),
        source: source_ref(plan, &o.source, lang),
        note: o.note.as_ref().map(|n| n.get(lang).to_string()),
        // A figure computed from a formula shows its arithmetic with the numbers; an older
        // free-text "how it was derived" note otherwise.
        derived: describe::formula(plan, o, lang)
            .or_else(|| o.derived.as_ref().map(|d| d.get(lang).to_string())),
        line: o.line,
    }
}

pub fn source_ref(plan: &Plan, id: &str, lang: Lang) -> Option<SourceRef> {
    let source = plan.source(id)?;
    let (date, short_date) = match source.published {
        Published::On(date) => (
            describe::date(date, lang),
            Some(words::month_year(date, lang)),
        ),
        Published::Unknown => (t(Ui::PublishedUnknown, lang).to_string(), None),
    };
    Some(SourceRef {
        // The publisher with its 'via' gloss ("thactrang.vn (copy of a Báo Cần Thơ article)").
        publisher: describe::source_name(source, lang),
        has_title: describe::source_title(source).is_some(),
        // A title that only repeats "publisher, date" gives way to plain words for the link.
        title: describe::source_title(source).map_or_else(
            || {
                match lang {
                    Lang::Vi => "bài gốc",
                    Lang::En => "original article",
                }
                .to_string()
            },
            str::to_string,
        ),
        url: source.url.clone(),
        date,
        short: match short_date {
            Some(d) => format!("{}, {d}", source.publisher.get(lang)),
            None => source.publisher.get(lang).to_string(),
        },
        low_reliability: source.reliability == Reliability::Low,
    })
}

/// "chưa có số liệu" / "no data", and why where the plan file says (an indicator's `gaps`):
/// "chưa có số liệu. Không tìm thấy số thực hiện." Missing data is shown with its reason; the
/// embed, which shows no summary, says it in its source line.
fn no_figures(plan: &Plan, indicator: &str, lang: Lang) -> String {
    let none = t(Ui::NoData, lang).to_lowercase();
    match plan.indicator(indicator).and_then(|i| i.gaps.as_ref()) {
        Some(gaps) => format!("{none}. {}", gaps.get(lang)),
        None => none,
    }
}

/// The sources of the figures the chart shows, short, each once, in the order they appear.
pub fn source_line(plan: &Plan, indicator: &str, lang: Lang) -> String {
    let mut names: Vec<String> = Vec::new();
    for o in plan.headline_series(indicator) {
        if let Some(source) = source_ref(plan, &o.source, lang) {
            if !names.contains(&source.short) {
                names.push(source.short);
            }
        }
    }
    let label = t(Ui::Sources, lang);
    if names.is_empty() {
        // The full view's summary, right above this line, already says why.
        format!("{label}: {}", t(Ui::NoData, lang).to_lowercase())
    } else {
        format!("{label}: {}", names.join("; "))
    }
}

/// The source of the latest headline figure of `territory` (the lead target's: the figure the
/// embed leads with), then "và N nguồn khác" / "and N more" for the chart's other sources.
pub fn source_line_short(
    plan: &Plan,
    indicator: &str,
    territory: Option<&str>,
    lang: Lang,
) -> String {
    let mut names: Vec<String> = Vec::new();
    let mut series = plan.headline_series(indicator);
    // The lead territory's figures first, latest first; then the others.
    crate::order::sort_by_key(&mut series, |o| {
        (territory.is_some_and(|t| t == o.territory), o.when, o.line)
    });
    for o in series.iter().rev() {
        if let Some(source) = source_ref(plan, &o.source, lang) {
            if !names.contains(&source.short) {
                names.push(source.short);
            }
        }
    }
    let label = t(Ui::Sources, lang);
    if names.is_empty() {
        return format!("{label}: {}", no_figures(plan, indicator, lang));
    }
    let shown = names.len().min(1);
    let rest = names.len() - shown;
    let more = match (rest, lang) {
        (0, _) => String::new(),
        (n, Lang::Vi) => format!(" và {n} nguồn khác"),
        (1, Lang::En) => " and 1 more".to_string(),
        (n, Lang::En) => format!(" and {n} more"),
    };
    // Why figures are missing goes with the sources: the embed has no summary to say it, and a
    // chart with a hole in it needs the reason beside it (GRDP growth: no 2020 or 2021 figure,
    // yet the 2021–2023 average includes 2021; graphics-desk review, 2026-12-01).
    let gaps = plan
        .indicator(indicator)
        .and_then(|i| i.gaps.as_ref())
        .map_or_else(String::new, |g| format!(". {}", g.get(lang)));
    format!("{label}: {}{more}{gaps}", names[..shown].join("; "))
}

/// The readout of a focused point: the tooltip and the live line under the chart.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Readout {
    /// "7,23%"
    pub value: String,
    /// "2025 · ước tính · Cần Thơ (mới)"
    pub meta: String,
    pub source: Option<SourceRef>,
    /// "Nguồn: Cục Thống kê TP Cần Thơ" (the tooltip's last line), empty without a source.
    pub source_line: String,
    /// The whole readout as one sentence, for screen readers.
    pub sentence: String,
}

pub fn readout(plan: &Plan, spec: &ChartSpec, focus: usize, lang: Lang) -> Option<Readout> {
    let point = spec.point(focus)?;
    let observation = plan.observations.iter().find(|o| o.line == point.line)?;
    let indicator = plan.indicator(&observation.indicator)?;
    // A point of an average or a total so far is that average, not the yearly figure it last
    // took in (whose source it cites).
    let (value, kind, when) = match spec.point_span(focus) {
        Some(span) => (
            crate::chart::value_label(point.value, spec.decimals, &spec.value_unit, lang, true),
            kind_label(point.kind, lang),
            span,
        ),
        None => (
            describe::observation(indicator, observation, lang),
            kind_label(observation.kind, lang),
            observation.when.to_string(),
        ),
    };
    let territory = words::territory_short(plan, &observation.territory, lang);
    let meta = format!("{when} · {kind} · {territory}");
    let source = source_ref(plan, &observation.source, lang);
    let source_line = source
        .as_ref()
        .map(|s| format!("{}: {}", t(Ui::Source, lang), s.short))
        .unwrap_or_default();
    let sentence = if source_line.is_empty() {
        format!("{when}, {territory}: {value} ({kind}).")
    } else {
        format!("{when}, {territory}: {value} ({kind}). {source_line}.")
    };
    Some(Readout {
        value,
        meta,
        source,
        source_line,
        sentence,
    })
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

    const P2021: Period = Period {
        first: 2021,
        last: 2025,
    };

    #[test]
    fn the_growth_headline_compares_the_average_with_the_band() {
        let plan = plan();
        let vi = panel(
            &plan,
            "grdp_growth",
            Some(P2021),
            Lang::Vi,
            Layers::ALL,
            2026,
        )
        .unwrap();
        assert!(
            vi.headline.contains("5,78% (bình quân 2021–2024)"),
            "{}",
            vi.headline
        );
        assert!(vi.headline.contains("7,5–8"), "{}", vi.headline);
        let lead = vi.lead.as_ref().unwrap();
        assert_eq!(lead.note, "bình quân 2021–2024");
        assert!(vi.targets[0].lead);
        let en = panel(
            &plan,
            "grdp_growth",
            Some(P2021),
            Lang::En,
            Layers::ALL,
            2026,
        )
        .unwrap();
        assert!(
            en.headline.contains("5.78% (average 2021–2024)"),
            "{}",
            en.headline
        );
        assert!(!en.headline.contains("năm"), "{}", en.headline);
    }

    /// The headline and the badge agree (gallery F1): a target whose deadline is over and whose
    /// badge says "probably missed" is never "chưa đạt" / "short of" (not yet) in the headline;
    /// nor is one the badge calls on track or probably met (the all-periods poverty headline
    /// read "short of the target" beside "On track").
    #[test]
    fn the_headline_says_what_the_badge_says() {
        use super::super::badge::Outcome;
        let plan = plan();
        let (mut missed, mut on_track) = (0, 0);
        for indicator in &plan.indicators {
            for period in [None, Some(P2021)] {
                for lang in Lang::ALL {
                    let p =
                        panel(&plan, &indicator.id, period, lang, Layers::DEFAULT, 2026).unwrap();
                    let Some(lead) = &p.lead else { continue };
                    let not_yet = match lang {
                        Lang::Vi => "chưa đạt",
                        Lang::En => "short of",
                    };
                    match lead.badge.outcome {
                        Outcome::LikelyMissed => {
                            let yes = match lang {
                                Lang::Vi => "có thể không đạt chỉ tiêu",
                                Lang::En => "probably missing the target of",
                            };
                            assert!(p.headline.contains(yes), "{}", p.headline);
                            missed += 1;
                        }
                        Outcome::LikelyMet => {
                            let yes = match lang {
                                Lang::Vi => "có thể đạt chỉ tiêu",
                                Lang::En => "probably meeting the target of",
                            };
                            assert!(p.headline.contains(yes), "{}", p.headline);
                            on_track += 1;
                        }
                        Outcome::OnTrack => on_track += 1,
                        _ => continue,
                    }
                    assert!(!p.headline.contains(not_yet), "{}", p.headline);
                }
            }
        }
        assert!(missed >= 4, "checked {missed}");
        assert!(on_track >= 2, "checked {on_track}");
        let poverty = panel(
            &plan,
            "poor_household_rate",
            None,
            Lang::En,
            Layers::DEFAULT,
            2026,
        )
        .unwrap();
        assert!(
            poverty
                .headline
                .contains("on track for the target of essentially none"),
            "{}",
            poverty.headline
        );
    }

    /// Missing data is shown with its reason: an indicator's `gaps` is in its description (the
    /// full view's summary, the chart's accessible description) and in the source line the
    /// embed shows, with figures or without (the full view's says it no second time).
    #[test]
    fn missing_figures_come_with_their_reason() {
        let plan = plan();
        let mut with_reason = 0;
        for indicator in &plan.indicators {
            for lang in Lang::ALL {
                let p = panel(&plan, &indicator.id, None, lang, Layers::DEFAULT, 2026).unwrap();
                let why = match lang {
                    Lang::Vi => "Vì sao thiếu số liệu",
                    Lang::En => "Why figures are missing",
                };
                match &indicator.gaps {
                    Some(gaps) => {
                        assert!(p.summary.contains(why), "{}", p.summary);
                        assert!(p.summary.contains(gaps.get(lang)), "{}", p.summary);
                        // The embed's source line, with figures or without.
                        assert!(
                            p.sources_short.contains(gaps.get(lang)),
                            "{}",
                            p.sources_short
                        );
                        // Told once in the full view: by the summary above its source line.
                        assert!(!p.sources.contains(gaps.get(lang)), "{}", p.sources);
                        with_reason += 1;
                    }
                    None => assert!(!p.summary.contains(why), "{}", p.summary),
                }
            }
        }
        assert!(with_reason >= 20, "{with_reason}");
        let p = panel(
            &plan,
            "hightech_product_share",
            None,
            Lang::Vi,
            Layers::DEFAULT,
            2026,
        )
        .unwrap();
        assert_eq!(
            p.sources_short,
            "Nguồn số liệu: chưa có số liệu. Không tìm thấy số thực hiện."
        );
    }

    /// Both views tell the series break once, in the note under the key (gallery F20); without
    /// a note the key keeps the break's entry, and the full view's key is otherwise the chart's
    /// whole legend.
    #[test]
    fn the_key_leaves_the_break_to_the_note() {
        let plan = plan();
        let compact = crate::view::state::COMPACT_LAYERS;
        let p = panel(&plan, "grdp_growth", Some(P2021), Lang::Vi, compact, 2026).unwrap();
        let spec = p.chart.as_ref().unwrap();
        assert!(p.break_note.is_some());
        let is_break = |e: &crate::chart::LegendEntry| e.swatch == crate::chart::Swatch::Break;
        assert!(crate::chart::legend(spec, Lang::Vi).iter().any(is_break));
        let key = key_entries(spec, Lang::Vi, true, p.break_note.is_some());
        assert!(!key.iter().any(is_break));
        assert!(key.iter().all(|e| e.shown));
        let full = panel(
            &plan,
            "grdp_growth",
            Some(P2021),
            Lang::En,
            Layers::ALL,
            2026,
        )
        .unwrap();
        let spec = full.chart.as_ref().unwrap();
        assert!(full.break_note.is_some());
        let legend = crate::chart::legend(spec, Lang::En);
        assert!(legend.iter().any(is_break));
        let without_break: Vec<_> = legend.iter().filter(|e| !is_break(e)).cloned().collect();
        assert_eq!(key_entries(spec, Lang::En, false, true), without_break);
        assert_eq!(key_entries(spec, Lang::En, false, false), legend);
    }

    #[test]
    fn every_row_of_the_table_has_its_source_and_kind() {
        let plan = plan();
        for indicator in &plan.indicators {
            let p = panel(&plan, &indicator.id, None, Lang::Vi, Layers::ALL, 2026).unwrap();
            assert_eq!(p.table.len(), plan.observations_of(&indicator.id).count());
            for row in &p.table {
                let source = row.source.as_ref().expect("every observation has a source");
                assert!(source.url.starts_with("http"), "{source:?}");
                assert!(!row.kind.is_empty());
            }
        }
    }

    #[test]
    fn a_derived_row_shows_its_arithmetic() {
        let plan = plan();
        let p = panel(
            &plan,
            "grdp_per_capita_usd",
            None,
            Lang::Vi,
            Layers::ALL,
            2026,
        )
        .unwrap();
        let row = p
            .table
            .iter()
            .find(|r| r.when == "2024" && r.derived.is_some())
            .expect("the derived 2024 row");
        let derived = row.derived.as_deref().unwrap();
        assert!(
            derived.contains("104,6") && derived.contains("24.255,32"),
            "{derived}"
        );
    }

    #[test]
    fn the_readout_names_value_kind_territory_and_source() {
        let plan = plan();
        let p = panel(&plan, "grdp_growth", None, Lang::Vi, Layers::ALL, 2026).unwrap();
        let spec = p.chart.expect("a chart");
        let r = readout(&plan, &spec, 0, Lang::Vi).expect("a first point");
        assert!(r.meta.contains(" · "), "{r:?}");
        assert!(r.source.is_some());
        assert!(r.sentence.contains(&r.value));
        assert!(readout(&plan, &spec, 10_000, Lang::Vi).is_none());
    }
}
