//! Whole-file checks: what needs every record read first — unique ids, references between
//! records, target years inside the plan, value bounds that depend on the indicator's measure,
//! numbers that look like a thousands separator, exact duplicates, the method of every figure
//! of an indicator with a method break, and the arithmetic of derived values. They walk the
//! parsed tree again, so every message points at the field itself, and they count every id
//! written in the file as defined even when its record has another error (that error is
//! reported once, not again at each reference to the record).

use super::{parse_period, record_name, Cx};
use crate::diagnostic::{Problem, RecordKind};
use crate::plan::method_chain;
use crate::plan::toml::{Pos, Spanned, Table, Value};
use crate::plan::*;
use std::collections::{HashMap, HashSet};

/// A parsed record with its place and name.
type Parsed<T> = (Pos, String, T);

impl Cx<'_> {
    /// Checks what needs the whole file: unique ids, references, plan years, value bounds.
    pub(super) fn cross_check(
        &mut self,
        root: &Table,
        meta: Option<&PlanMeta>,
        indicators: &[Parsed<Indicator>],
    ) {
        for (kind, record_kind) in [
            ("document", RecordKind::Document),
            ("statement", RecordKind::Statement),
            ("task_area", RecordKind::TaskArea),
            ("territory", RecordKind::Territory),
            ("source", RecordKind::Source),
            ("indicator", RecordKind::Indicator),
            ("target", RecordKind::Target),
            ("reference", RecordKind::Reference),
        ] {
            let mut seen: HashMap<&str, u32> = HashMap::new();
            for (path, record) in raw_records(root, kind) {
                let Some(Spanned {
                    value: Value::String(id),
                    pos,
                }) = record.value.get("id")
                else {
                    continue;
                };
                if let Some(first_line) = seen.get(id.as_str()) {
                    let problem = Problem::DuplicateId {
                        kind: record_kind,
                        id: id.clone(),
                        first_line: *first_line,
                    };
                    self.error(*pos, &format!("{path}.id"), problem);
                } else {
                    seen.insert(id, pos.line);
                }
            }
        }
        let ids = |kind: &str| -> HashSet<String> { raw_strings(root, kind, "id").collect() };
        let (documents, task_areas, territories, sources, indicator_ids) = (
            ids("document"),
            ids("task_area"),
            ids("territory"),
            ids("source"),
            ids("indicator"),
        );
        let (reference_ids, target_ids) = (ids("reference"), ids("target"));
        let checks: [(&str, &str, RecordKind, &HashSet<String>); 18] = [
            ("statement", "document", RecordKind::Document, &documents),
            ("task_area", "document", RecordKind::Document, &documents),
            ("indicator", "task_area", RecordKind::TaskArea, &task_areas),
            ("target", "indicator", RecordKind::Indicator, &indicator_ids),
            ("target", "document", RecordKind::Document, &documents),
            ("target", "territory", RecordKind::Territory, &territories),
            ("target", "source", RecordKind::Source, &sources),
            (
                "observation",
                "indicator",
                RecordKind::Indicator,
                &indicator_ids,
            ),
            (
                "observation",
                "territory",
                RecordKind::Territory,
                &territories,
            ),
            ("observation", "source", RecordKind::Source, &sources),
            (
                "series_break",
                "before",
                RecordKind::Territory,
                &territories,
            ),
            ("series_break", "after", RecordKind::Territory, &territories),
            ("reference", "source", RecordKind::Source, &sources),
            ("verdict", "target", RecordKind::Target, &target_ids),
            ("verdict", "source", RecordKind::Source, &sources),
            ("tally", "document", RecordKind::Document, &documents),
            ("tally", "territory", RecordKind::Territory, &territories),
            ("tally", "source", RecordKind::Source, &sources),
        ];
        for (kind, field, target_kind, known) in checks {
            for (path, record) in raw_records(root, kind) {
                // A method break names methods in `before` and `after`, not territories.
                if kind == "series_break" && !is_territory_break(&record.value) {
                    continue;
                }
                if let Some(Spanned {
                    value: Value::String(id),
                    pos,
                }) = record.value.get(field)
                {
                    if !known.contains(id) {
                        self.error(
                            *pos,
                            &format!("{path}.{field}"),
                            Problem::UnknownReference {
                                kind: target_kind,
                                id: id.clone(),
                            },
                        );
                    }
                }
            }
        }
        let lists = [(
            root.get("plan"),
            "plan",
            "documents",
            RecordKind::Document,
            &documents,
        )];
        for (table, path, field, kind, known) in lists {
            if let Some(Spanned {
                value: Value::Table(table),
                ..
            }) = table
            {
                self.check_list(table, path, field, kind, known);
            }
        }
        for (path, record) in raw_records(root, "series_break") {
            if !is_territory_break(&record.value) {
                self.check_list(
                    &record.value,
                    &path,
                    "indicators",
                    RecordKind::Indicator,
                    &indicator_ids,
                );
            }
        }

        let measures: HashMap<&str, (Measure, u8)> = indicators
            .iter()
            .map(|(_, _, i)| (i.id.as_str(), (i.measure, i.decimals)))
            .collect();
        let indicator_of = |record: &Table| match record.get("indicator") {
            Some(Spanned {
                value: Value::String(id),
                ..
            }) => Some(id.clone()),
            _ => None,
        };
        // Every number written for an indicator, to judge the scale of a suspicious one.
        let mut numbers: Vec<(String, String, &'static str, &Spanned<Value>)> = Vec::new();
        for (path, record) in raw_records(root, "target") {
            if let Some(meta) = meta {
                self.check_in_plan(&record.value, &path, meta);
            }
            let Some(indicator) = indicator_of(&record.value) else {
                continue;
            };
            // A yearly change may be negative, whatever the indicator.
            if is_string(&record.value, "shape", "yearly_change") {
                continue;
            }
            for field in ["value", "min", "max"] {
                if let Some(value) = record.value.get(field) {
                    numbers.push((indicator.clone(), path.clone(), field, value));
                }
            }
        }
        for (path, record) in raw_records(root, "observation") {
            let Some(indicator) = indicator_of(&record.value) else {
                continue;
            };
            for field in ["value", "min", "max"] {
                if let Some(value) = record.value.get(field) {
                    numbers.push((indicator.clone(), path.clone(), field, value));
                }
            }
            // A formula's two ids live one level down, in its inline table.
            if let Some(Spanned {
                value: Value::Table(formula),
                ..
            }) = record.value.get("formula")
            {
                for (field, kind, known) in [
                    ("input", RecordKind::Indicator, &indicator_ids),
                    ("divide_by", RecordKind::Reference, &reference_ids),
                ] {
                    if let Some(Spanned {
                        value: Value::String(id),
                        pos,
                    }) = formula.get(field)
                    {
                        if !known.contains(id) {
                            self.error(
                                *pos,
                                &format!("{path}.formula.{field}"),
                                Problem::UnknownReference {
                                    kind,
                                    id: id.clone(),
                                },
                            );
                        }
                    }
                }
            }
        }
        for (indicator, path, field, value) in &numbers {
            let measure = measures.get(indicator.as_str()).map(|(m, _)| *m);
            self.check_bounds(value, &format!("{path}.{field}"), measure);
        }
        self.thousands(&numbers, &measures);
    }

    /// Every item of `table.field` (an array of ids) must name a record of `kind`.
    fn check_list(
        &mut self,
        table: &Table,
        path: &str,
        field: &str,
        kind: RecordKind,
        known: &HashSet<String>,
    ) {
        if let Some(Spanned {
            value: Value::Array(items),
            ..
        }) = table.get(field)
        {
            for (index, item) in items.iter().enumerate() {
                if let Value::String(id) = &item.value {
                    if !known.contains(id) {
                        self.error(
                            item.pos,
                            &format!("{path}.{field}[{}]", index + 1),
                            Problem::UnknownReference {
                                kind,
                                id: id.clone(),
                            },
                        );
                    }
                }
            }
        }
    }

    /// Recomputes every derived value and every reference's ratio: a number that does not
    /// follow from what it names is an error, so a figure can never be "derived" by hand. The
    /// inputs and references are looked up by key, so the check stays linear in the file.
    pub(super) fn check_arithmetic(
        &mut self,
        observations: &[Parsed<Observation>],
        references: &[Parsed<Reference>],
        indicators: &[Parsed<Indicator>],
    ) {
        for (pos, path, reference) in references {
            if let Some((numerator, denominator)) = reference.ratio {
                let computed = numerator / denominator;
                // Reference values are written to two decimals.
                if (reference.value - computed).abs() > 0.005 + 1e-9 * computed.abs() {
                    self.error(
                        *pos,
                        &format!("{path}.value"),
                        Problem::ArithmeticMismatch {
                            value: reference.value,
                            computed: round_to(computed, 4),
                        },
                    );
                }
            }
        }
        let mut reference_of: HashMap<&str, &Reference> = HashMap::new();
        for (_, _, r) in references {
            reference_of.entry(r.id.as_str()).or_insert(r);
        }
        let decimals_of: HashMap<&str, u8> = indicators
            .iter()
            .map(|(_, _, i)| (i.id.as_str(), i.decimals))
            .collect();
        // The first published figure of each indicator, year, territory and source.
        let mut input_of: HashMap<(&str, When, &str, &str), &Observation> = HashMap::new();
        for (_, _, o) in observations {
            if o.formula.is_none() {
                input_of
                    .entry((
                        o.indicator.as_str(),
                        o.when,
                        o.territory.as_str(),
                        o.source.as_str(),
                    ))
                    .or_insert(o);
            }
        }
        for (pos, path, observation) in observations {
            let Some(formula) = &observation.formula else {
                continue;
            };
            let Some(reference) = reference_of.get(formula.divide_by.as_str()) else {
                continue; // reported as an unknown reference
            };
            if observation.when != When::Year(reference.year) {
                self.error(
                    *pos,
                    &format!("{path}.formula.divide_by"),
                    Problem::ReferenceYear {
                        reference: reference.id.clone(),
                        year: reference.year,
                        expected: observation.when.end_year(),
                    },
                );
                continue;
            }
            let key = (
                formula.input.as_str(),
                observation.when,
                observation.territory.as_str(),
                observation.source.as_str(),
            );
            let Some(input) = input_of.get(&key) else {
                self.error(
                    *pos,
                    &format!("{path}.formula.input"),
                    Problem::FormulaInputMissing {
                        indicator: formula.input.clone(),
                        source: observation.source.clone(),
                    },
                );
                continue;
            };
            if input.qualifier != observation.qualifier {
                self.error(
                    *pos,
                    &format!("{path}.qualifier"),
                    Problem::FormulaQualifier,
                );
            }
            let decimals = decimals_of
                .get(observation.indicator.as_str())
                .copied()
                .unwrap_or(0);
            let computed = input.value * formula.times / reference.value;
            let tolerance = 0.5 * 10f64.powi(-i32::from(decimals)) + 1e-9 * computed.abs();
            if !computed.is_finite() || (observation.value - computed).abs() > tolerance {
                self.error(
                    *pos,
                    &format!("{path}.value"),
                    Problem::ArithmeticMismatch {
                        value: observation.value,
                        computed: round_to(computed, i32::from(decimals) + 2),
                    },
                );
            }
        }
    }

    fn check_in_plan(&mut self, record: &Table, path: &str, meta: &PlanMeta) {
        let (start, end) = (meta.start, meta.end);
        let check = |year: i32, pos: Pos, field: &str, cx: &mut Self| {
            if year < start || year > end {
                cx.error(
                    pos,
                    &format!("{path}.{field}"),
                    Problem::OutsidePlan { year, start, end },
                );
            }
        };
        if let Some(Spanned {
            value:
                Value::Number {
                    value,
                    integer: true,
                    ..
                },
            pos,
        }) = record.get("year")
        {
            if (1900.0..=2200.0).contains(value) {
                check(*value as i32, *pos, "year", self);
            }
        }
        if let Some(Spanned {
            value: Value::String(text),
            pos,
        }) = record.get("period")
        {
            if let Some(period) = parse_period(text) {
                if period.first < start {
                    check(period.first, *pos, "period", self);
                } else {
                    check(period.last, *pos, "period", self);
                }
            }
        }
    }

    fn check_bounds(&mut self, value: &Spanned<Value>, path: &str, measure: Option<Measure>) {
        let Value::Number { value: number, .. } = value.value else {
            return;
        };
        match measure {
            Some(Measure::Share) if number > 100.0 => {
                self.error(value.pos, path, Problem::ShareAbove100 { value: number })
            }
            Some(Measure::Share | Measure::Count) if number < 0.0 => {
                self.error(value.pos, path, Problem::Negative { value: number })
            }
            _ => {}
        }
    }

    /// Warns about a number written with exactly three decimals (`4.700`) for an indicator shown
    /// with fewer, when the number times 1,000 is nearer the indicator's other figures than the
    /// number itself: in Vietnamese writing the dot separates thousands ("4.700 USD"), so the
    /// file most likely means 4700.
    fn thousands(
        &mut self,
        numbers: &[(String, String, &'static str, &Spanned<Value>)],
        measures: &HashMap<&str, (Measure, u8)>,
    ) {
        let magnitude = |v: &Spanned<Value>| match v.value {
            Value::Number { value, .. } if value != 0.0 && value.is_finite() => Some(value.abs()),
            _ => None,
        };
        let suspicious = |v: &Spanned<Value>, decimals: u8| match v.value {
            Value::Number {
                value,
                fraction_digits: 3,
                ..
            } => decimals < 3 && (1.0..1000.0).contains(&value.abs()),
            _ => false,
        };
        let mut by_indicator: HashMap<&str, Vec<f64>> = HashMap::new();
        for (indicator, _, _, value) in numbers {
            let decimals = measures.get(indicator.as_str()).map_or(0, |(_, d)| *d);
            if !suspicious(value, decimals) {
                if let Some(m) = magnitude(value) {
                    by_indicator.entry(indicator).or_default().push(m);
                }
            }
        }
        for list in by_indicator.values_mut() {
            crate::order::sort_by(list, f64::total_cmp);
        }
        for (indicator, path, field, value) in numbers {
            let Some(&(_, decimals)) = measures.get(indicator.as_str()) else {
                continue;
            };
            if !suspicious(value, decimals) {
                continue;
            }
            let Some(m) = magnitude(value) else { continue };
            // (An entry of `by_indicator` is made by its first push, so it is never empty: the
            // guard read as `true` is an equivalent mutant; it stays for the indexing below.)
            let nearer_thousands = match by_indicator.get(indicator.as_str()) {
                Some(others) if !others.is_empty() => {
                    let median = others[others.len() / 2];
                    ((m * 1000.0) / median).log10().abs() < (m / median).log10().abs()
                }
                _ => true,
            };
            if nearer_thousands {
                let Value::Number { value: number, .. } = value.value else {
                    continue;
                };
                self.warning(
                    value.pos,
                    &format!("{path}.{field}"),
                    Problem::MaybeThousands {
                        written: format!("{number:.3}"),
                        decimals,
                    },
                );
            }
        }
    }

    /// Warns about a source that no observation, target, reference, verdict or tally cites.
    pub(super) fn unused_sources(&mut self, root: &Table, sources: &[Parsed<Source>]) {
        let used: HashSet<String> = ["observation", "target", "reference", "verdict", "tally"]
            .into_iter()
            .flat_map(|kind| raw_strings(root, kind, "source"))
            .collect();
        for (pos, path, source) in sources {
            if !used.contains(source.id.as_str()) {
                self.warning(
                    *pos,
                    path,
                    Problem::UnusedSource {
                        id: source.id.clone(),
                    },
                );
            }
        }
    }

    /// Warns about a yearly figure dated outside its territory's `from`/`until`.
    pub(super) fn territories_in_time(
        &mut self,
        territories: &[Parsed<Territory>],
        observations: &[Parsed<Observation>],
    ) {
        let spans: HashMap<&str, (Option<i32>, Option<i32>)> = territories
            .iter()
            .map(|(_, _, t)| {
                (
                    t.id.as_str(),
                    (t.from.map(|d| d.year), t.until.map(|d| d.year)),
                )
            })
            .collect();
        for (pos, path, observation) in observations {
            if let (When::Year(year), Some((from, until))) =
                (observation.when, spans.get(observation.territory.as_str()))
            {
                if from.is_some_and(|from| year < from) || until.is_some_and(|until| year > until) {
                    self.warning(
                        *pos,
                        path,
                        Problem::TerritoryNotInTime {
                            territory: observation.territory.clone(),
                            year,
                        },
                    );
                }
            }
        }
    }

    /// Refuses an observation that repeats an earlier one field for field (a pasted row): it
    /// would be listed twice and counted as two sources agreeing.
    pub(super) fn duplicate_observations(&mut self, observations: &[Parsed<Observation>]) {
        let mut seen: HashMap<String, u32> = HashMap::new();
        for (pos, path, o) in observations {
            let key = format!(
                "{}|{:?}|{}|{:?}|{:?}|{}|{}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}",
                o.indicator,
                o.when,
                o.value.to_bits(),
                o.upper.map(f64::to_bits),
                o.kind,
                o.territory,
                o.source,
                o.method,
                o.as_of,
                o.qualifier,
                o.derived,
                o.formula,
                o.note
            );
            match seen.get(&key) {
                Some(first_line) => self.error(
                    *pos,
                    path,
                    Problem::DuplicateObservation {
                        first_line: *first_line,
                    },
                ),
                None => {
                    seen.insert(key, pos.line);
                }
            }
        }
    }

    /// Gives every figure of an indicator with a method break its method: the one the file
    /// names, or the one in force when its source was published (a figure published before a
    /// rebasing is of the old base). A source of unknown date must say.
    pub(super) fn resolve_methods(
        &mut self,
        breaks: &[Parsed<SeriesBreak>],
        sources: &[Parsed<Source>],
        observations: &mut [Parsed<Observation>],
    ) {
        let breaks: Vec<&SeriesBreak> = breaks.iter().map(|(_, _, b)| b).collect();
        let published: HashMap<&str, Published> = sources
            .iter()
            .map(|(_, _, s)| (s.id.as_str(), s.published))
            .collect();
        for (pos, path, o) in observations.iter_mut() {
            let chain = method_chain(breaks.iter().copied(), &o.indicator);
            match (&o.method, chain.is_empty()) {
                (Some(method), _) if !chain.contains(&method.as_str()) => {
                    let problem = Problem::UnknownReference {
                        kind: RecordKind::Method,
                        id: method.clone(),
                    };
                    self.error(*pos, &format!("{path}.method"), problem);
                }
                (Some(_), _) | (None, true) => {}
                (None, false) => match published.get(o.source.as_str()) {
                    Some(Published::On(date)) => {
                        o.method = Some(method_on(&breaks, &o.indicator, *date).to_string());
                    }
                    Some(Published::Unknown) => {
                        let methods = chain.iter().map(|m| m.to_string()).collect();
                        self.error(
                            *pos,
                            &format!("{path}.method"),
                            Problem::MethodNotKnown { methods },
                        );
                    }
                    // An unknown source is reported as such; the record is refused anyway.
                    None => {}
                },
            }
        }
    }
}

/// The method in force for `indicator` on `date`: the `after` of the latest break on or before
/// that date, or the `before` of the first break.
fn method_on<'a>(breaks: &[&'a SeriesBreak], indicator: &str, date: PartialDate) -> &'a str {
    let mut own: Vec<&SeriesBreak> = breaks
        .iter()
        .copied()
        .filter(|b| b.kind == BreakKind::Method && b.indicators.iter().any(|i| i == indicator))
        .collect();
    crate::order::sort_by_key(&mut own, |b| b.date);
    let mut method = own.first().map_or("", |b| b.before.as_str());
    for b in own {
        if b.date <= date {
            method = &b.after;
        }
    }
    method
}

fn is_territory_break(record: &Table) -> bool {
    !is_string(record, "kind", "method")
}

fn is_string(record: &Table, field: &str, expected: &str) -> bool {
    matches!(record.get(field), Some(Spanned { value: Value::String(text), .. }) if text == expected)
}

/// The string values of `field` in every `[[kind]]` block, whether or not the block is valid.
pub(super) fn raw_strings<'t>(
    root: &'t Table,
    kind: &'t str,
    field: &'t str,
) -> impl Iterator<Item = String> + 't {
    raw_records(root, kind).filter_map(move |(_, record)| match record.value.get(field) {
        Some(Spanned {
            value: Value::String(text),
            ..
        }) => Some(text.clone()),
        _ => None,
    })
}

/// Every `[[kind]]` block with its name for messages, whether or not it is valid.
pub(super) fn raw_records<'t>(
    root: &'t Table,
    kind: &'t str,
) -> impl Iterator<Item = (String, &'t Spanned<Table>)> + 't {
    let items: &'t [Spanned<Table>] = match root.get(kind) {
        Some(Spanned {
            value: Value::TableArray(items),
            ..
        }) => items,
        _ => &[],
    };
    items
        .iter()
        .enumerate()
        .map(move |(index, item)| (record_name(kind, &item.value, index), item))
}

/// For messages: a computed value to a few more decimals than the one written.
fn round_to(value: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals.clamp(0, 9));
    (value * scale).round() / scale
}
