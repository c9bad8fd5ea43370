//! The validated plan model: what a plan file means once every reference, unit and date has been
//! checked. Nothing here parses text; `toml` reads the file and `lower` turns it into these types,
//! so code that holds a `Plan` may rely on every id it contains resolving.

pub mod codec;
pub mod lower;
pub mod toml;

use crate::diagnostic::Diagnostic;
use crate::text::Text;
use std::fmt;

/// Parses and validates a plan file. Returns the plan when there is no error, and every
/// diagnostic (errors and warnings) found, each with its place in the file.
pub fn load(file_name: &str, source: &str) -> (Option<Plan>, Vec<Diagnostic>) {
    lower::load(file_name, source)
}

/// A short content hash of a plan file (FNV-1a, 64 bits, hex): the dataset version readers cite.
/// Line endings are normalised so a checkout on Windows gives the same version.
pub fn version(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes().filter(|b| *b != b'\r') {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub meta: PlanMeta,
    pub documents: Vec<Document>,
    pub statements: Vec<Statement>,
    pub task_areas: Vec<TaskArea>,
    pub territories: Vec<Territory>,
    pub series_breaks: Vec<SeriesBreak>,
    pub sources: Vec<Source>,
    pub indicators: Vec<Indicator>,
    pub targets: Vec<Target>,
    pub observations: Vec<Observation>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PlanMeta {
    pub id: String,
    pub title: Text,
    pub short_title: Option<Text>,
    pub issuer: Text,
    pub territory: Text,
    pub start: i32,
    pub end: i32,
    pub baseline_year: i32,
    pub periods: Vec<Period>,
    pub documents: Vec<String>,
    pub note: Option<Text>,
}

/// A span of whole years, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    pub first: i32,
    pub last: i32,
}

impl Period {
    pub fn contains(self, year: i32) -> bool {
        (self.first..=self.last).contains(&year)
    }

    pub fn years(self) -> u32 {
        (self.last - self.first + 1) as u32
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}–{}", self.first, self.last)
    }
}

/// When a target or an observation applies: one year, or a period for averages and totals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum When {
    Year(i32),
    Period(Period),
}

impl When {
    /// The last year covered: the year a target is due, or the year an average ends.
    pub fn end_year(self) -> i32 {
        match self {
            When::Year(year) => year,
            When::Period(period) => period.last,
        }
    }

    pub fn start_year(self) -> i32 {
        match self {
            When::Year(year) => year,
            When::Period(period) => period.first,
        }
    }
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            When::Year(year) => write!(f, "{year}"),
            When::Period(period) => write!(f, "{period}"),
        }
    }
}

/// A calendar date as precise as its source: a year, a month or a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking the month and the day of that month.
    pub fn parse(text: &str) -> Option<PartialDate> {
        let mut parts = text.split('-');
        let year_text = parts.next()?;
        if year_text.len() != 4 || !year_text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = year_text.parse().ok()?;
        let number = |part: Option<&str>| -> Result<Option<u8>, ()> {
            match part {
                None => Ok(None),
                Some(p) if p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()) => {
                    p.parse().map(Some).map_err(|_| ())
                }
                Some(_) => Err(()),
            }
        };
        let month = number(parts.next()).ok()?;
        let day = number(parts.next()).ok()?;
        if parts.next().is_some() {
            return None;
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return None;
            }
            if let Some(d) = day {
                if d == 0 || d > days_in_month(year, m) {
                    return None;
                }
            }
        }
        Some(PartialDate { year, month, day })
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for PartialDate {
    /// ISO order; the UI formats dates for each language itself.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
        }
        if let Some(day) = self.day {
            write!(f, "-{day:02}")?;
        }
        Ok(())
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub id: String,
    pub number: String,
    /// How the page names the document in a few words when `number` is not a real document
    /// number ("Nghị quyết Đại hội XIV" / "14th Congress resolution").
    pub short: Option<Text>,
    pub issuer: Text,
    pub date: PartialDate,
    pub title: Text,
    pub url: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatementKind {
    Goal,
    Vision,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Statement {
    pub id: String,
    pub kind: StatementKind,
    pub year: i32,
    pub document: String,
    pub text: Text,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TaskArea {
    pub id: String,
    pub number: u32,
    pub title: Text,
    pub document: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Territory {
    pub id: String,
    pub name: Text,
    /// The name the page uses after defining it once beside a chart ("Cần Thơ (cũ)").
    pub short: Option<Text>,
    pub from: Option<PartialDate>,
    pub until: Option<PartialDate>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SeriesBreak {
    pub date: PartialDate,
    pub before: String,
    pub after: String,
    pub title: Text,
    pub note: Text,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reliability {
    Low,
    Normal,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Published {
    Unknown,
    On(PartialDate),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub id: String,
    pub publisher: String,
    pub title: String,
    pub url: String,
    pub published: Published,
    pub reliability: Reliability,
}

/// Which way is better for an indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Higher,
    Lower,
}

/// What kind of quantity an indicator is; it decides which arithmetic is meaningful.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    /// A value at a point in time (GRDP per capita).
    Level,
    /// A yearly rate of change in percent (GRDP growth); never compounded as a level.
    Rate,
    /// A cumulative count that cannot be negative (communes meeting a standard).
    Count,
    /// A percentage of a whole, bounded by 0 and 100 (insurance coverage).
    Share,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Indicator {
    pub id: String,
    pub name: Text,
    pub unit: Text,
    pub decimals: u8,
    pub direction: Direction,
    pub measure: Measure,
    pub task_area: Option<String>,
    pub definition: Option<Text>,
    pub headline: bool,
}

/// The shape of a target, as the document words it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TargetShape {
    Exact(f64),
    AtLeast(f64),
    AtMost(f64),
    /// Strictly above ("trên").
    Above(f64),
    /// Strictly below ("dưới 0,5 %").
    Below(f64),
    Range {
        min: f64,
        max: f64,
    },
    /// A yearly rate averaged over the target's period; `max` is absent for "at least".
    Average {
        min: f64,
        max: Option<f64>,
    },
    /// "Cơ bản không còn": at or under a threshold, zero unless the file says otherwise.
    EssentiallyNone {
        threshold: f64,
    },
    /// Qualitative: shown, never scored.
    Text,
}

/// A shape's name in the plan file (`shape = "at_least"`), without its numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShapeKind {
    Exact,
    AtLeast,
    AtMost,
    Above,
    Below,
    Range,
    Average,
    EssentiallyNone,
    Text,
}

impl ShapeKind {
    pub const ALL: [ShapeKind; 9] = [
        ShapeKind::Exact,
        ShapeKind::AtLeast,
        ShapeKind::AtMost,
        ShapeKind::Above,
        ShapeKind::Below,
        ShapeKind::Range,
        ShapeKind::Average,
        ShapeKind::EssentiallyNone,
        ShapeKind::Text,
    ];

    /// The name as written in the plan file.
    pub fn code(self) -> &'static str {
        match self {
            ShapeKind::Exact => "exact",
            ShapeKind::AtLeast => "at_least",
            ShapeKind::AtMost => "at_most",
            ShapeKind::Above => "above",
            ShapeKind::Below => "below",
            ShapeKind::Range => "range",
            ShapeKind::Average => "average",
            ShapeKind::EssentiallyNone => "essentially_none",
            ShapeKind::Text => "text",
        }
    }
}

impl TargetShape {
    pub fn kind(self) -> ShapeKind {
        match self {
            TargetShape::Exact(_) => ShapeKind::Exact,
            TargetShape::AtLeast(_) => ShapeKind::AtLeast,
            TargetShape::AtMost(_) => ShapeKind::AtMost,
            TargetShape::Above(_) => ShapeKind::Above,
            TargetShape::Below(_) => ShapeKind::Below,
            TargetShape::Range { .. } => ShapeKind::Range,
            TargetShape::Average { .. } => ShapeKind::Average,
            TargetShape::EssentiallyNone { .. } => ShapeKind::EssentiallyNone,
            TargetShape::Text => ShapeKind::Text,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    pub id: String,
    pub indicator: String,
    pub when: When,
    pub shape: TargetShape,
    pub document: String,
    pub territory: String,
    pub text: Option<Text>,
    pub note: Option<Text>,
}

/// How final a published figure is. The order is the headline preference, weakest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ObservationKind {
    Reported,
    Estimate,
    Preliminary,
    Official,
}

impl ObservationKind {
    pub const ALL: [ObservationKind; 4] = [
        ObservationKind::Estimate,
        ObservationKind::Preliminary,
        ObservationKind::Official,
        ObservationKind::Reported,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ObservationKind::Reported => "reported",
            ObservationKind::Estimate => "estimate",
            ObservationKind::Preliminary => "preliminary",
            ObservationKind::Official => "official",
        }
    }
}

/// How the source hedges a number ("khoảng", "trên", "dưới").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Qualifier {
    About,
    Over,
    Under,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Observation {
    pub indicator: String,
    pub when: When,
    pub value: f64,
    pub kind: ObservationKind,
    pub territory: String,
    pub source: String,
    pub as_of: Option<PartialDate>,
    pub qualifier: Option<Qualifier>,
    pub derived: Option<Text>,
    pub note: Option<Text>,
    /// Line in the plan file, so the UI and the CLI can point back at the record.
    pub line: u32,
}

impl Plan {
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|it| it.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|it| it.id == id)
    }

    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|it| it.id == id)
    }

    pub fn territory(&self, id: &str) -> Option<&Territory> {
        self.territories.iter().find(|it| it.id == id)
    }

    pub fn task_area(&self, id: &str) -> Option<&TaskArea> {
        self.task_areas.iter().find(|it| it.id == id)
    }

    pub fn targets_of<'a>(&'a self, indicator: &'a str) -> impl Iterator<Item = &'a Target> + 'a {
        self.targets
            .iter()
            .filter(move |it| it.indicator == indicator)
    }

    pub fn observations_of<'a>(
        &'a self,
        indicator: &'a str,
    ) -> impl Iterator<Item = &'a Observation> + 'a {
        self.observations
            .iter()
            .filter(move |it| it.indicator == indicator)
    }

    /// The observation that stands for its year and territory when several were published:
    /// official over preliminary over estimate over reported, then the later publication,
    /// then the more reliable source. See docs/methodology.md.
    pub fn is_headline(&self, observation: &Observation) -> bool {
        let rank = |o: &Observation| {
            let source = self.source(&o.source);
            (
                o.kind,
                source.map(|s| s.published),
                source.map(|s| s.reliability),
            )
        };
        let mine = rank(observation);
        !self.observations.iter().any(|other| {
            !std::ptr::eq(other, observation)
                && other.indicator == observation.indicator
                && other.when == observation.when
                && other.territory == observation.territory
                && {
                    let theirs = rank(other);
                    theirs > mine || (theirs == mine && other.line > observation.line)
                }
        })
    }

    /// Whether a target falls in a plan period: its year, or its whole period, inside it.
    pub fn target_in_period(target: &Target, period: Period) -> bool {
        match target.when {
            When::Year(year) => period.contains(year),
            When::Period(p) => period.contains(p.first) && period.contains(p.last),
        }
    }

    /// The scored targets of an indicator in a period (all periods when `None`), the plan's own
    /// documents first, in the order `plan.documents` lists them, then by due year.
    pub fn targets_in<'a>(&'a self, indicator: &'a str, period: Option<Period>) -> Vec<&'a Target> {
        let mut targets: Vec<&Target> = self
            .targets_of(indicator)
            .filter(|t| t.shape != TargetShape::Text)
            .filter(|t| period.is_none_or(|p| Plan::target_in_period(t, p)))
            .collect();
        let rank = |t: &Target| {
            let own = self
                .meta
                .documents
                .iter()
                .position(|d| *d == t.document)
                .unwrap_or(usize::MAX);
            (own, t.when.end_year(), t.id.clone())
        };
        crate::order::sort_by_key(&mut targets, |t| rank(t));
        targets
    }

    /// The period a reader most likely wants first: the one holding the latest yearly figure.
    pub fn default_period(&self) -> Option<Period> {
        let latest = self
            .observations
            .iter()
            .filter_map(|o| match o.when {
                When::Year(year) => Some(year),
                When::Period(_) => None,
            })
            .max();
        latest
            .and_then(|year| self.meta.periods.iter().copied().find(|p| p.contains(year)))
            .or_else(|| self.meta.periods.first().copied())
    }

    /// The headline observations of one indicator for single years, oldest first.
    pub fn headline_series<'a>(&'a self, indicator: &'a str) -> Vec<&'a Observation> {
        let mut series: Vec<&Observation> = self
            .observations_of(indicator)
            .filter(|o| matches!(o.when, When::Year(_)) && self.is_headline(o))
            .collect();
        crate::order::sort_by_key(&mut series, |o| (o.when, o.line));
        series
    }
}
