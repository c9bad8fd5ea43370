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
/// diagnostic (errors and warnings) found, each with its place in the file. Without a clock
/// (the core has none), dates are not compared with today: see `load_at`.
pub fn load(file_name: &str, source: &str) -> (Option<Plan>, Vec<Diagnostic>) {
    lower::load(file_name, source, None)
}

/// As `load`, and a publication date, a document's date or an `as_of` after `today` is an
/// error (a typed 9025 for 2025 would otherwise win the headline rule). The command line, the
/// build and the browser pass the day they run.
pub fn load_at(
    file_name: &str,
    source: &str,
    today: PartialDate,
) -> (Option<Plan>, Vec<Diagnostic>) {
    lower::load(file_name, source, Some(today))
}

/// As `load_at`, from the file's bytes: a file that is not UTF-8 text gets a located
/// `encoding` message (UTF-16, binary, another encoding) instead of a bare I/O error.
pub fn load_bytes(
    file_name: &str,
    bytes: &[u8],
    today: Option<PartialDate>,
) -> (Option<Plan>, Vec<Diagnostic>) {
    match std::str::from_utf8(bytes) {
        // UTF-16 of ASCII text is valid UTF-8 too (with a NUL in every other byte).
        Ok(text) if !text.contains('\0') => lower::load(file_name, text, today),
        _ => match toml::parse_bytes(file_name, bytes) {
            Err(diagnostic) => (None, vec![diagnostic]),
            // Bytes that `parse_bytes` accepts are UTF-8 text with a NUL, which the loader refuses
            // at its place.
            Ok(_) => lower::load(file_name, &String::from_utf8_lossy(bytes), today),
        },
    }
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
    /// Published numbers that are not figures of an indicator (an exchange rate), used by
    /// derived observations.
    pub references: Vec<Reference>,
    /// What the city's own reports said of a target: "đạt", "không đạt", "xấp xỉ đạt"…
    pub verdicts: Vec<OfficialVerdict>,
    /// How many targets of a document a report counted as met: "đạt và vượt 15/20 chỉ tiêu".
    pub tallies: Vec<OfficialTally>,
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

impl PartialDate {
    /// The day `days` after 1 January 1970 (the proleptic Gregorian calendar, as Unix time
    /// counts): the caller's clock turned into a date, since the core has no clock.
    pub fn from_unix_days(days: i64) -> PartialDate {
        // Howard Hinnant's `civil_from_days`.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        PartialDate {
            year: i32::try_from(year).unwrap_or(i32::MAX),
            month: Some(month),
            day: Some(day),
        }
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
    /// `None` when the file says `date = "unknown"`: never guessed.
    pub date: Option<PartialDate>,
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

/// What breaks a series: the territory it covers, or the method it is measured by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BreakKind {
    /// `before` and `after` are territory ids (a merger).
    Territory,
    /// `before` and `after` name two methods of the `indicators` (a rebasing of GDP): figures
    /// of the two are never joined, and a new-method figure always stands over an old one.
    Method,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SeriesBreak {
    pub kind: BreakKind,
    pub date: PartialDate,
    pub before: String,
    pub after: String,
    /// The indicators a method break applies to; empty for a territory break.
    pub indicators: Vec<String>,
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
    /// Who published the page, as a reader names it in each language: a name (a newspaper, a
    /// site) is the same in both (a plain string in the plan file); a description that is not a
    /// name ("Cổng chuyển đổi số Bộ Kế hoạch và Đầu tư") is a text pair, so an English page never
    /// shows the Vietnamese one (gallery F5).
    pub publisher: Text,
    pub title: String,
    pub url: String,
    pub published: Published,
    pub reliability: Reliability,
    /// Whom the page quotes or republishes ("citing the city statistics office"), in both
    /// languages, so `publisher` stays a name and "publisher, date" is a short citation.
    pub via: Option<Text>,
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
    /// A ratio to another quantity that is not a share of a whole (public debt or a budget
    /// deficit in % of GDP, an unemployment rate): may exceed 100 or be negative, averaged
    /// arithmetically like a level, never as a growth rate.
    Ratio,
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
    /// Why figures are missing or old, for the card that would otherwise only say "no data".
    pub gaps: Option<Text>,
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
    /// "Khoảng x" (about x): met within `tolerance` of `value` on either side, exceeded beyond
    /// the far side. The tolerance is the file's, or half a unit of the last digit written.
    About {
        value: f64,
        tolerance: f64,
    },
    /// A value averaged over the target's period (a rate geometrically, anything else
    /// arithmetically): a band, a floor (`max` absent) or a ceiling (`min` absent). At least one
    /// of the two is present.
    Average {
        min: Option<f64>,
        max: Option<f64>,
    },
    /// The average yearly change of the indicator over the target's period, in its unit a year,
    /// signed ("giảm 1–1,5 điểm/năm" is `min = -1.5`, `max = -1`): a band, a floor or a ceiling.
    YearlyChange {
        min: Option<f64>,
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
    About,
    Average,
    YearlyChange,
    EssentiallyNone,
    Text,
}

impl ShapeKind {
    pub const ALL: [ShapeKind; 11] = [
        ShapeKind::Exact,
        ShapeKind::AtLeast,
        ShapeKind::AtMost,
        ShapeKind::Above,
        ShapeKind::Below,
        ShapeKind::Range,
        ShapeKind::About,
        ShapeKind::Average,
        ShapeKind::YearlyChange,
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
            ShapeKind::About => "about",
            ShapeKind::Average => "average",
            ShapeKind::YearlyChange => "yearly_change",
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
            TargetShape::About { .. } => ShapeKind::About,
            TargetShape::Average { .. } => ShapeKind::Average,
            TargetShape::YearlyChange { .. } => ShapeKind::YearlyChange,
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
    /// The shape holds for every year of the target's period, not for the period as a whole
    /// ("nợ công không quá 60 % GDP hằng năm").
    pub every_year: bool,
    pub document: String,
    pub territory: String,
    /// Where the target was read, when not in its document itself (a press report of it).
    pub source: Option<String>,
    pub text: Option<Text>,
    pub note: Option<Text>,
}

/// How final a published figure is. The order is the headline preference, weakest first: a
/// derived value never stands for a year that has a published figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ObservationKind {
    /// Computed by a stated formula from published figures (`Observation::formula`).
    Derived,
    Reported,
    Estimate,
    Preliminary,
    Official,
}

impl ObservationKind {
    pub const ALL: [ObservationKind; 5] = [
        ObservationKind::Estimate,
        ObservationKind::Preliminary,
        ObservationKind::Official,
        ObservationKind::Reported,
        ObservationKind::Derived,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ObservationKind::Derived => "derived",
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
    /// The figure as published, or the low end when it was published as a range.
    pub value: f64,
    /// The high end of a figure published as a range ("3,1–3,2 %").
    pub upper: Option<f64>,
    pub kind: ObservationKind,
    pub territory: String,
    pub source: String,
    /// The method the figure was measured by, when its indicator has a method break; read from
    /// the file or from the source's publication date, so never absent for such an indicator.
    pub method: Option<String>,
    pub as_of: Option<PartialDate>,
    pub qualifier: Option<Qualifier>,
    pub derived: Option<Text>,
    /// For `ObservationKind::Derived`: how the value is computed. The validator recomputes it.
    pub formula: Option<Formula>,
    pub note: Option<Text>,
    /// Line in the plan file, so the UI and the CLI can point back at the record.
    pub line: u32,
}

/// The methods of `indicator` named by method breaks, oldest first: breaks are taken in date
/// order, and each one's `before` and `after` move to the end of the list in that order.
pub(crate) fn method_chain<'a>(
    breaks: impl Iterator<Item = &'a SeriesBreak>,
    indicator: &str,
) -> Vec<&'a str> {
    let mut own: Vec<&SeriesBreak> = breaks
        .filter(|b| b.kind == BreakKind::Method && b.indicators.iter().any(|i| i == indicator))
        .collect();
    crate::order::sort_by_key(&mut own, |b| b.date);
    let mut methods: Vec<&str> = Vec::new();
    for b in own {
        for method in [b.before.as_str(), b.after.as_str()] {
            if let Some(at) = methods.iter().position(|m| *m == method) {
                methods.remove(at);
            }
            methods.push(method);
        }
    }
    methods
}

impl Observation {
    /// The figure's low and high ends (the same number unless it was published as a range).
    pub fn range(&self) -> (f64, f64) {
        (self.value, self.upper.unwrap_or(self.value))
    }

    /// The figure, or the middle of its range: what a trend or an average takes from it.
    pub fn central(&self) -> f64 {
        match self.upper {
            Some(upper) => (self.value + upper) / 2.0,
            None => self.value,
        }
    }
}

/// value = (the figure of `input` for the same year, territory and source) × `times` ÷ the
/// reference value `divide_by` (e.g. GRDP per capita in USD = GRDP per capita in million VND ×
/// 1,000,000 ÷ the year's average VND/USD rate). The observation's `source` is the input
/// figure's source; the reference names its own.
#[derive(Clone, Debug, PartialEq)]
pub struct Formula {
    pub input: String,
    pub times: f64,
    pub divide_by: String,
}

/// A published number that is not a figure of an indicator, for one year: an average exchange
/// rate. `ratio` holds two numbers the source printed when the value is their quotient (a
/// national release giving GDP per capita in both currencies implies the rate it used).
#[derive(Clone, Debug, PartialEq)]
pub struct Reference {
    pub id: String,
    pub name: Text,
    pub unit: Text,
    pub year: i32,
    pub value: f64,
    pub source: String,
    pub ratio: Option<(f64, f64)>,
    pub note: Option<Text>,
}

/// A grade as the city's reports print it, from best to worst; `Pending` is "phấn đấu đạt"
/// (still to be achieved, not yet graded).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Grade {
    Exceeded,
    Met,
    NearlyMet,
    OnTrack,
    Behind,
    NotMet,
    Pending,
}

impl Grade {
    pub const ALL: [Grade; 7] = [
        Grade::Exceeded,
        Grade::Met,
        Grade::NearlyMet,
        Grade::OnTrack,
        Grade::Behind,
        Grade::NotMet,
        Grade::Pending,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Grade::Exceeded => "exceeded",
            Grade::Met => "met",
            Grade::NearlyMet => "nearly_met",
            Grade::OnTrack => "on_track",
            Grade::Behind => "behind",
            Grade::NotMet => "not_met",
            Grade::Pending => "pending",
        }
    }
}

/// A report's own verdict on one target, with its words as printed.
#[derive(Clone, Debug, PartialEq)]
pub struct OfficialVerdict {
    pub target: String,
    pub grade: Grade,
    /// The verdict word as printed ("chưa đạt") and its English rendering.
    pub word: Text,
    /// The sentence it stands in, as printed, and its translation.
    pub quote: Text,
    /// The report that printed it ("Báo cáo chính trị tại Đại hội I").
    pub report: Text,
    pub source: String,
    pub date: PartialDate,
    pub note: Option<Text>,
}

/// One line of a report's count: "đạt và vượt" 15.
#[derive(Clone, Debug, PartialEq)]
pub struct TallyCount {
    pub grade: Grade,
    pub word: Text,
    pub count: u32,
}

/// A report's count of a document's targets by grade: "đạt và vượt 15/20 chỉ tiêu".
#[derive(Clone, Debug, PartialEq)]
pub struct OfficialTally {
    /// The document whose targets are counted.
    pub document: String,
    pub territory: String,
    /// The year or period the count covers.
    pub when: When,
    /// How many targets the document has in all (the plan file may hold fewer).
    pub of: u32,
    pub counts: Vec<TallyCount>,
    pub quote: Text,
    pub report: Text,
    pub source: String,
    pub date: PartialDate,
    pub note: Option<Text>,
}

/// The headline observation of each year (or period) and territory of one indicator
/// (`Plan::headline_index`).
pub struct HeadlineIndex<'a> {
    best: std::collections::HashMap<(When, &'a str), &'a Observation>,
}

impl HeadlineIndex<'_> {
    /// Whether `observation` is the headline figure of its year (or period) and territory.
    pub fn contains(&self, observation: &Observation) -> bool {
        self.best
            .get(&(observation.when, observation.territory.as_str()))
            .is_some_and(|best| std::ptr::eq(*best, observation))
    }
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

    pub fn reference(&self, id: &str) -> Option<&Reference> {
        self.references.iter().find(|it| it.id == id)
    }

    /// The published figure a derived observation is computed from: same year, territory and
    /// source, of the formula's input indicator, not itself derived.
    pub fn formula_input(&self, derived: &Observation) -> Option<&Observation> {
        let formula = derived.formula.as_ref()?;
        self.observations.iter().find(|o| {
            o.indicator == formula.input
                && o.when == derived.when
                && o.territory == derived.territory
                && o.source == derived.source
                && o.formula.is_none()
        })
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
    /// the newer method over an older one (after a method break), then official over
    /// preliminary over estimate over reported over derived, then the later publication (a
    /// derived value's is its input's), then the more reliable source, then the later record in
    /// the file. See docs/methodology.md.
    pub fn is_headline(&self, observation: &Observation) -> bool {
        self.headline_index(&observation.indicator)
            .contains(observation)
    }

    /// The headline observation of every year, period and territory of one indicator, in file
    /// order. One pass over the indicator's observations, so a status stays linear in them.
    pub fn headlines<'a>(&'a self, indicator: &str) -> Vec<&'a Observation> {
        let index = self.headline_index(indicator);
        self.observations
            .iter()
            .filter(|o| o.indicator == indicator && index.contains(o))
            .collect()
    }

    /// The headline observations of one indicator, to ask about many of its observations in
    /// one pass (`is_headline` makes a pass for each question).
    pub fn headline_index<'a>(&'a self, indicator: &str) -> HeadlineIndex<'a> {
        let sources: std::collections::HashMap<&str, &Source> =
            self.sources.iter().map(|s| (s.id.as_str(), s)).collect();
        let methods = self.methods_of(indicator);
        let rank = |o: &Observation| {
            let source = sources.get(o.source.as_str());
            let method = o
                .method
                .as_deref()
                .and_then(|m| methods.iter().position(|known| *known == m));
            (
                method,
                o.kind,
                source.map(|s| s.published),
                source.map(|s| s.reliability),
                o.line,
            )
        };
        let mut best: std::collections::HashMap<(When, &str), &Observation> =
            std::collections::HashMap::new();
        for observation in self
            .observations
            .iter()
            .filter(|o| o.indicator == indicator)
        {
            let key = (observation.when, observation.territory.as_str());
            match best.get(&key) {
                Some(current) if rank(current) >= rank(observation) => {}
                _ => {
                    best.insert(key, observation);
                }
            }
        }
        HeadlineIndex { best }
    }

    /// The methods of an indicator, oldest first, as its method breaks order them by date.
    pub fn methods_of(&self, indicator: &str) -> Vec<&str> {
        method_chain(self.series_breaks.iter(), indicator)
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
            .headlines(indicator)
            .into_iter()
            .filter(|o| matches!(o.when, When::Year(_)))
            .collect();
        crate::order::sort_by_key(&mut series, |o| (o.when, o.line));
        series
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unix_days_to_dates() {
        let date = |days| PartialDate::from_unix_days(days).to_string();
        assert_eq!(date(0), "1970-01-01");
        assert_eq!(date(59), "1970-03-01");
        assert_eq!(date(11_016), "2000-02-29");
        assert_eq!(date(20_454), "2026-01-01");
        assert_eq!(date(20_423), "2025-12-01");
        assert_eq!(date(-1), "1969-12-31");
    }
}
