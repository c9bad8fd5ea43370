//! What readers take away: CSV of one indicator or of the whole dataset, the caption that goes
//! around an exported chart, file names, and the citation. Pure text in, text out; the browser
//! only turns these strings into files. The formats are documented in docs/downloads.md.

use crate::describe;
use crate::i18n::{t, Ui};
use crate::plan::{
    Indicator, Observation, Plan, Published, Reliability, Target, TargetShape, When,
};
use crate::status;
use crate::text::Lang;
use std::borrow::Cow;

/// Byte order mark at the start of every CSV: without it Excel reads UTF-8 as the local code
/// page and Vietnamese turns into mojibake. Other readers skip it.
pub const BOM: char = '\u{feff}';

/// The table's columns, in order. Stable machine names; the metadata rows above the table and
/// the `indicator`, `unit`, `description` and `status_reason` cells are in the chosen language.
pub const COLUMNS: [&str; 21] = [
    "record",
    "indicator_id",
    "indicator",
    "year_or_period",
    "value",
    "value_max",
    "qualifier",
    "unit",
    "kind",
    "territory",
    "headline",
    "as_of",
    "source_publisher",
    "source_title",
    "source_url",
    "published",
    "reliability",
    "description",
    "note",
    "status",
    "status_reason",
];

/// Number of metadata rows (title, source, dataset_version) and the empty row after them that
/// come before the column header.
pub const METADATA_ROWS: usize = 4;

/// Title, subtitle and credit lines printed around an exported chart (PNG, SVG) and at the top
/// of a CSV.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Caption {
    /// The finding, as the page's headline says it: "Tốc độ tăng trưởng GRDP: 5,78% (bình quân
    /// 2021–2024), chưa đạt chỉ tiêu 7,5–8% (bình quân 2021–2025)."
    pub title: String,
    /// What is charted: "Tốc độ tăng trưởng GRDP — Cần Thơ đến 2030 · Đơn vị: %/năm · Giai đoạn:
    /// 2021–2025", the unit as the y axis states it.
    pub subtitle: String,
    /// "Nguồn: Cục Thống kê; Báo Cần Thơ".
    pub source: String,
    /// "Biểu đồ: Ban biên tập chitieu · Phiên bản dữ liệu 0123456789abcdef".
    pub credit: String,
}

/// "Tốc độ tăng trưởng GRDP — Cần Thơ đến 2030": the topic, for the CSV's title row and the
/// figure's subtitle.
pub fn topic(plan: &Plan, indicator: &Indicator, lang: Lang) -> String {
    let plan_title = plan
        .meta
        .short_title
        .as_ref()
        .unwrap_or(&plan.meta.title)
        .get(lang);
    format!("{} — {plan_title}", indicator.name.get(lang))
}

/// The caption of one indicator's chart as read in `today`: the finding as its title (a
/// newsroom's figure says what it shows, not only its topic), the topic, the axis's unit and the
/// period below it, the sources and the credit.
#[cfg(feature = "chart")]
pub fn caption(
    plan: &Plan,
    indicator: &Indicator,
    period: Option<crate::plan::Period>,
    lang: Lang,
    version: &str,
    today: i32,
) -> Caption {
    let period_text = period.map_or_else(|| t(Ui::AllPeriods, lang).to_string(), |p| p.to_string());
    Caption {
        title: crate::view::panel::headline_of(plan, indicator, period, lang, today),
        subtitle: format!(
            "{} · {}: {} · {}: {period_text}",
            topic(plan, indicator, lang),
            t(Ui::Unit, lang),
            crate::chart::spec::axis_unit(indicator, lang),
            t(Ui::Period, lang)
        ),
        source: source_line(plan, &indicator.id, lang),
        credit: credit(version, lang),
    }
}

/// "Biểu đồ: Ban biên tập chitieu · Phiên bản dữ liệu …" / "Chart: chitieu editors · Data
/// version …": who made the figure (the publisher the citation names) and from which data.
pub fn credit(version: &str, lang: Lang) -> String {
    let by = match lang {
        Lang::Vi => "Biểu đồ: Ban biên tập chitieu",
        Lang::En => "Chart: chitieu editors",
    };
    format!("{by} · {} {version}", t(Ui::DataVersion, lang))
}

/// Publishers of the figures an indicator's chart shows (its headline figures), in the order
/// they first appear, each once.
pub fn chart_publishers<'a>(plan: &'a Plan, indicator: &str, lang: Lang) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for observation in plan.headline_series(indicator) {
        if let Some(source) = plan.source(&observation.source) {
            let publisher = source.publisher.get(lang);
            if !out.contains(&publisher) {
                out.push(publisher);
            }
        }
    }
    out
}

/// "Nguồn: A; B; C" for a chart, or that no figure has been published yet.
pub fn source_line(plan: &Plan, indicator: &str, lang: Lang) -> String {
    let publishers = chart_publishers(plan, indicator, lang);
    if publishers.is_empty() {
        format!("{}: {}", t(Ui::Sources, lang), t(Ui::NoData, lang))
    } else {
        format!("{}: {}", t(Ui::Sources, lang), publishers.join("; "))
    }
}

/// The CSV of one indicator: its observations, then its targets with their status.
pub fn indicator_csv(
    plan: &Plan,
    indicator: &Indicator,
    lang: Lang,
    version: &str,
    today: i32,
) -> String {
    let mut out = start(
        &topic(plan, indicator, lang),
        &source_line(plan, &indicator.id, lang),
        version,
    );
    rows(&mut out, plan, indicator, lang, today);
    out
}

/// The CSV of the whole dataset: every indicator's observations and targets.
pub fn dataset_csv(plan: &Plan, lang: Lang, version: &str, today: i32) -> String {
    let source = match lang {
        Lang::Vi => format!(
            "{}: {} nguồn, ghi ở từng dòng (cột source_publisher, source_title, source_url)",
            t(Ui::Sources, lang),
            plan.sources.len()
        ),
        Lang::En => format!(
            "{}: {} sources, given on every row (columns source_publisher, source_title, source_url)",
            t(Ui::Sources, lang),
            plan.sources.len()
        ),
    };
    let mut out = start(plan.meta.title.get(lang), &source, version);
    for indicator in &plan.indicators {
        rows(&mut out, plan, indicator, lang, today);
    }
    out
}

/// The BOM, the metadata rows, an empty row and the column header.
fn start(title: &str, source: &str, version: &str) -> String {
    let mut out = String::new();
    out.push(BOM);
    record(&mut out, &["title", title]);
    record(&mut out, &["source", source]);
    record(&mut out, &["dataset_version", version]);
    out.push_str("\r\n");
    record(&mut out, &COLUMNS);
    out
}

fn rows(out: &mut String, plan: &Plan, indicator: &Indicator, lang: Lang, today: i32) {
    let mut observations: Vec<&Observation> = plan.observations_of(&indicator.id).collect();
    observations.sort_by_key(|o| (o.when, o.territory.clone(), o.line));
    // The headline figures once, not once per row: linear in the indicator's observations.
    let headlines: Vec<&Observation> = plan.headline_series(&indicator.id);
    for observation in observations {
        let headline = headlines.iter().any(|h| std::ptr::eq(*h, observation));
        observation_row(out, plan, indicator, observation, headline, lang);
    }
    for target in plan.targets_of(&indicator.id) {
        target_row(out, plan, indicator, target, lang, today);
    }
}

fn observation_row(
    out: &mut String,
    plan: &Plan,
    indicator: &Indicator,
    observation: &Observation,
    headline: bool,
    lang: Lang,
) {
    let source = plan.source(&observation.source);
    let mut notes: Vec<String> = Vec::new();
    if let Some(note) = &observation.note {
        notes.push(note.get(lang).to_string());
    }
    if let Some(derived) = &observation.derived {
        notes.push(format!("{}: {}", t(Ui::Derived, lang), derived.get(lang)));
    }
    if let Some(formula) = describe::formula(plan, observation, lang) {
        notes.push(format!("{}: {formula}", t(Ui::Derived, lang)));
    }
    let value = number(observation.value);
    let value_max = observation.upper.map(number).unwrap_or_default();
    let qualifier = match observation.qualifier {
        Some(crate::plan::Qualifier::About) => "about",
        Some(crate::plan::Qualifier::Over) => "over",
        Some(crate::plan::Qualifier::Under) => "under",
        None => "",
    };
    let published = source.map_or(String::new(), |s| match s.published {
        Published::On(date) => date.to_string(),
        Published::Unknown => String::new(),
    });
    let as_of = observation.as_of.map(|d| d.to_string()).unwrap_or_default();
    let when = when_code(observation.when);
    record(
        out,
        &[
            "observation",
            &indicator.id,
            indicator.name.get(lang),
            &when,
            &value,
            &value_max,
            qualifier,
            indicator.unit.get(lang),
            observation.kind.code(),
            territory_name(plan, &observation.territory, lang),
            if headline { "yes" } else { "no" },
            &as_of,
            source.map_or("", |s| s.publisher.get(lang)),
            source.map_or("", |s| s.title.as_str()),
            source.map_or("", |s| s.url.as_str()),
            &published,
            source.map_or("", |s| match s.reliability {
                Reliability::Low => "low",
                Reliability::Normal => "normal",
            }),
            &describe::observation(indicator, observation, lang),
            &notes.join(" · "),
            "",
            "",
        ],
    );
}

fn target_row(
    out: &mut String,
    plan: &Plan,
    indicator: &Indicator,
    target: &Target,
    lang: Lang,
    today: i32,
) {
    let (low, high) = match target.shape {
        TargetShape::Exact(v)
        | TargetShape::AtLeast(v)
        | TargetShape::AtMost(v)
        | TargetShape::Above(v)
        | TargetShape::Below(v)
        | TargetShape::EssentiallyNone { threshold: v } => (number(v), String::new()),
        TargetShape::Range { min, max } => (number(min), number(max)),
        TargetShape::About { value, .. } => (number(value), String::new()),
        TargetShape::Average { min, max } | TargetShape::YearlyChange { min, max } => (
            min.map(number).unwrap_or_default(),
            max.map(number).unwrap_or_default(),
        ),
        TargetShape::Text => (String::new(), String::new()),
    };
    let document = plan.document(&target.document);
    let assessment = status::assess(plan, target, today);
    let when = when_code(target.when);
    let document_title = document.map_or_else(
        || target.document.clone(),
        |d| format!("{} — {}", d.number, d.title.get(lang)),
    );
    let document_date = document
        .and_then(|d| d.date)
        .map(|d| d.to_string())
        .unwrap_or_default();
    record(
        out,
        &[
            "target",
            &indicator.id,
            indicator.name.get(lang),
            &when,
            &low,
            &high,
            "",
            indicator.unit.get(lang),
            shape_code(target.shape),
            territory_name(plan, &target.territory, lang),
            "",
            "",
            document.map_or("", |d| d.issuer.get(lang)),
            &document_title,
            document.and_then(|d| d.url.as_deref()).unwrap_or(""),
            &document_date,
            "",
            &describe::target(indicator, target, lang),
            target.note.as_ref().map_or("", |n| n.get(lang)),
            assessment.status.code(),
            &assessment.texts(indicator, lang).join(" "),
        ],
    );
}

/// The plan file's name for a target shape.
pub fn shape_code(shape: TargetShape) -> &'static str {
    shape.kind().code()
}

fn territory_name<'a>(plan: &'a Plan, id: &'a str, lang: Lang) -> &'a str {
    plan.territory(id).map_or(id, |t| t.name.get(lang))
}

/// "2024" or "2021-2025", as in the plan file.
fn when_code(when: When) -> String {
    match when {
        When::Year(year) => year.to_string(),
        When::Period(p) => format!("{}-{}", p.first, p.last),
    }
}

/// A number as machines read it: "." for decimals, no grouping, no exponent, "-" for minus.
fn number(value: f64) -> String {
    if value.is_finite() {
        format!("{value}")
    } else {
        String::new()
    }
}

/// One CSV record ended by CRLF (RFC 4180).
fn record(out: &mut String, fields: &[&str]) {
    for (index, text) in fields.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        out.push_str(&field(text));
    }
    out.push_str("\r\n");
}

/// One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break, with quotes
/// doubled. A text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`,
/// a tab or a carriage return) gets a leading `'`, so a hostile plan file cannot plant one.
/// Numbers never go through here as text that could start with `-` and be altered: only the
/// `value` columns hold numbers, and a number is never a formula.
pub fn field(text: &str) -> Cow<'_, str> {
    let looks_like_formula = !is_number(text)
        && text
            .chars()
            .next()
            .is_some_and(|c| matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r'));
    let needs_quotes = looks_like_formula
        || text.contains([',', '"', '\n', '\r'])
        || text.starts_with(' ')
        || text.ends_with(' ');
    if !needs_quotes {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 4);
    out.push('"');
    if looks_like_formula {
        out.push('\'');
    }
    for c in text.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    out.push('"');
    Cow::Owned(out)
}

fn is_number(text: &str) -> bool {
    !text.is_empty()
        && text
            .strip_prefix('-')
            .unwrap_or(text)
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.')
        && text.chars().any(|c| c.is_ascii_digit())
}

/// A file name: `chitieu-<plan>[-<indicator>]-<version 8>.<ext>`, ASCII only.
pub fn file_name(plan: &Plan, indicator: Option<&str>, version: &str, extension: &str) -> String {
    let clean = |s: &str| -> String {
        s.chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '-'
                }
            })
            .collect()
    };
    let short: String = version.chars().take(8).collect();
    match indicator {
        Some(id) => format!(
            "chitieu-{}-{}-{}.{extension}",
            clean(&plan.meta.id),
            clean(id),
            clean(&short)
        ),
        None => format!(
            "chitieu-{}-{}.{extension}",
            clean(&plan.meta.id),
            clean(&short)
        ),
    }
}

/// A calendar date given by the caller (the core has no clock).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Day {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// How to cite the dataset, in one language:
/// "Ban biên tập chitieu (2026). <plan title> [bộ dữ liệu]. Phiên bản dữ liệu <hash>.
/// Truy cập ngày 27/11/2026, <URL>".
pub fn citation(plan: &Plan, version: &str, accessed: Day, url: &str, lang: Lang) -> String {
    let title = plan.meta.title.get(lang);
    match lang {
        Lang::Vi => format!(
            "Ban biên tập chitieu ({year}). {title} [bộ dữ liệu chỉ tiêu và kết quả thực hiện]. \
             Phiên bản dữ liệu {version}. Truy cập ngày {day:02}/{month:02}/{year}, {url}",
            year = accessed.year,
            day = accessed.day,
            month = accessed.month,
        ),
        Lang::En => format!(
            "chitieu editors ({year}). {title} [dataset of targets and results]. \
             Data version {version}. Accessed {day} {month} {year}, {url}",
            year = accessed.year,
            day = accessed.day,
            month = crate::describe::MONTHS_EN
                .get(accessed.month.saturating_sub(1) as usize)
                .copied()
                .unwrap_or("?"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal RFC 4180 reader for the tests: fields, quotes, doubled quotes, CRLF.
    fn parse(text: &str) -> Vec<Vec<String>> {
        let mut rows = Vec::new();
        let mut row = Vec::new();
        let mut field = String::new();
        let mut quoted = false;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut field)),
                (false, '\r') => {}
                (false, '\n') => {
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => field.push(c),
            }
        }
        assert!(!quoted, "unterminated quote");
        assert!(field.is_empty() && row.is_empty(), "no final CRLF");
        rows
    }

    fn example() -> (Plan, String) {
        let text = include_str!("../../tests/fixtures/plans/example.toml");
        let (plan, diagnostics) = crate::plan::load("example.toml", text);
        (
            plan.unwrap_or_else(|| panic!("{diagnostics:?}")),
            text.into(),
        )
    }

    #[test]
    fn fields_are_quoted_as_rfc_4180_says_and_formulas_are_neutralised() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("Cần Thơ"), "Cần Thơ");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("+1 tỷ"), "\"'+1 tỷ\"");
        assert_eq!(field("@SUM(A1)"), "\"'@SUM(A1)\"");
        assert_eq!(field("-2.79"), "-2.79", "a number is not a formula");
        assert_eq!(field("-x"), "\"'-x\"");
        assert_eq!(field(""), "");
    }

    #[test]
    fn numbers_are_written_for_machines() {
        assert_eq!(number(6200.5), "6200.5");
        assert_eq!(number(-2.79), "-2.79");
        assert_eq!(number(1e7), "10000000");
        assert_eq!(number(f64::NAN), "");
    }

    #[test]
    fn indicator_csv_has_metadata_header_every_observation_and_every_target() {
        let (plan, text) = example();
        let version = crate::plan::version(&text);
        for indicator in &plan.indicators {
            for lang in Lang::ALL {
                let csv = indicator_csv(&plan, indicator, lang, &version, 2026);
                assert!(csv.starts_with(BOM), "BOM first");
                assert!(csv.ends_with("\r\n"));
                let rows = parse(csv.trim_start_matches(BOM));
                assert_eq!(rows[0][0], "title");
                assert!(rows[0][1].starts_with(indicator.name.get(lang)));
                assert_eq!(rows[1][0], "source");
                assert_eq!(
                    rows[2],
                    vec!["dataset_version".to_string(), version.clone()]
                );
                assert_eq!(
                    rows[3],
                    vec![String::new()],
                    "an empty row ends the metadata"
                );
                assert_eq!(rows[METADATA_ROWS], COLUMNS.to_vec());
                let body = &rows[METADATA_ROWS + 1..];
                assert!(body.iter().all(|r| r.len() == COLUMNS.len()));
                let observations = body.iter().filter(|r| r[0] == "observation").count();
                let targets = body.iter().filter(|r| r[0] == "target").count();
                assert_eq!(observations, plan.observations_of(&indicator.id).count());
                assert_eq!(targets, plan.targets_of(&indicator.id).count());
                assert_eq!(observations + targets, body.len());
                for row in body.iter().filter(|r| r[0] == "observation") {
                    assert!(row[4].parse::<f64>().is_ok(), "value is a number: {row:?}");
                    assert!(["yes", "no"].contains(&row[10].as_str()));
                    assert!(row[14].starts_with("http"), "source URL: {row:?}");
                }
                for row in body.iter().filter(|r| r[0] == "target") {
                    assert!(!row[19].is_empty(), "a target carries its status: {row:?}");
                }
            }
        }
    }

    #[test]
    fn dataset_csv_holds_every_observation_and_target_of_the_plan() {
        let (plan, text) = example();
        let version = crate::plan::version(&text);
        let csv = dataset_csv(&plan, Lang::Vi, &version, 2026);
        let rows = parse(csv.trim_start_matches(BOM));
        assert_eq!(rows[0][1], plan.meta.title.vi);
        let body = &rows[METADATA_ROWS + 1..];
        assert_eq!(
            body.iter().filter(|r| r[0] == "observation").count(),
            plan.observations.len()
        );
        assert_eq!(
            body.iter().filter(|r| r[0] == "target").count(),
            plan.targets.len()
        );
    }

    #[test]
    fn the_embedded_plan_exports_with_vietnamese_intact() {
        let text = include_str!("../../data/can-tho.toml");
        let (plan, _) = crate::plan::load("can-tho.toml", text);
        let plan = plan.expect("the embedded plan loads");
        let csv = dataset_csv(&plan, Lang::Vi, &crate::plan::version(text), 2026);
        let rows = parse(csv.trim_start_matches(BOM));
        let body = &rows[METADATA_ROWS + 1..];
        assert_eq!(body.len(), plan.observations.len() + plan.targets.len());
        assert!(body
            .iter()
            .any(|r| r[9] == "Thành phố Cần Thơ" || r[9].contains("Cần Thơ")));
    }

    #[test]
    fn citations_name_version_date_and_address_in_both_languages() {
        let (plan, text) = example();
        let version = crate::plan::version(&text);
        let day = Day {
            year: 2026,
            month: 11,
            day: 7,
        };
        let url = "https://example.org/chitieu/";
        let vi = citation(&plan, &version, day, url, Lang::Vi);
        assert!(vi.starts_with("Ban biên tập chitieu (2026). "));
        assert!(vi.contains(&plan.meta.title.vi));
        assert!(vi.contains(&format!("Phiên bản dữ liệu {version}")));
        assert!(vi.contains("Truy cập ngày 07/11/2026, https://example.org/chitieu/"));
        let en = citation(&plan, &version, day, url, Lang::En);
        assert!(en.starts_with("chitieu editors (2026). "));
        assert!(en.contains(&format!("Data version {version}")));
        assert!(en.contains("Accessed 7 November 2026, https://example.org/chitieu/"));
    }

    #[test]
    fn file_names_are_ascii_and_carry_the_version() {
        let (plan, text) = example();
        let version = crate::plan::version(&text);
        let name = file_name(&plan, Some("a b/é"), &version, "csv");
        assert!(name.is_ascii(), "{name}");
        assert!(name.ends_with(&format!("-{}.csv", &version[..8])), "{name}");
        assert!(!name.contains('/') && !name.contains(' '));
        assert_eq!(
            file_name(&plan, None, &version, "toml"),
            format!("chitieu-{}-{}.toml", plan.meta.id, &version[..8])
        );
    }

    #[test]
    #[cfg(feature = "chart")]
    fn captions_carry_title_source_and_version() {
        let (plan, text) = example();
        let version = crate::plan::version(&text);
        let indicator = &plan.indicators[0];
        let c = caption(&plan, indicator, None, Lang::Vi, &version, 2026);
        assert!(c.title.starts_with(indicator.name.get(Lang::Vi)));
        assert!(c.source.starts_with("Nguồn số liệu: "), "{}", c.source);
        assert!(c.credit.contains(&version));
        assert!(c.subtitle.contains(indicator.unit.get(Lang::Vi)));
    }
}
