//! Property tests of `plan::load` on hostile input: random text and damaged copies of the valid
//! example. Whatever the text, loading must not panic, must refuse a plan exactly when it reports
//! an error, must point every diagnostic inside the text, and must say the same thing twice.

#![cfg(not(target_arch = "wasm32"))]

use chitieu_core::diagnostic::Diagnostic;
use chitieu_core::plan::{self, Plan, When};
use chitieu_core::text::Lang;
use proptest::prelude::*;
use proptest::test_runner::Config;

const EXAMPLE: &str = include_str!("../../tests/fixtures/plans/example.toml");

/// Characters that mean something to the TOML subset, so mutations reach past the first token.
const SIGNIFICANT: &[char] = &[
    '"', '\'', '=', '[', ']', '{', '}', ',', '.', '#', '\\', '\n', '\r', '\t', ' ', '-', '+', '_',
    'e', 'x', '0', '1', '9', ':', 'ă', '\u{feff}', '\u{0}', '\u{7f}',
];

fn config() -> Config {
    Config {
        cases: 512,
        // Failures print their minimal input; no regression files are written into the tree.
        failure_persistence: None,
        ..Config::default()
    }
}

/// Checks every invariant of one load and returns the result for further comparison.
fn check(text: &str) -> Result<(Option<Plan>, Vec<Diagnostic>), TestCaseError> {
    let (plan, diagnostics) = plan::load("fuzz.toml", text);
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    match &plan {
        Some(plan) => {
            prop_assert_eq!(errors, 0, "a plan came back with errors: {:?}", diagnostics);
            check_references(plan)?;
        }
        None => prop_assert!(errors >= 1, "refused without an error: {:?}", diagnostics),
    }
    // Line and column count characters, as an editor shows them; a leading BOM takes no column.
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<usize> = body.split('\n').map(|line| line.chars().count()).collect();
    for diagnostic in &diagnostics {
        let location = &diagnostic.location;
        prop_assert_eq!(location.file.as_str(), "fuzz.toml");
        prop_assert!(
            location.line >= 1 && location.line as usize <= lines.len(),
            "line {} outside the text's {} lines: {}",
            location.line,
            lines.len(),
            diagnostic
        );
        let width = lines[location.line as usize - 1];
        prop_assert!(
            location.column >= 1 && location.column as usize <= width + 1,
            "column {} outside line {} ({} characters): {}",
            location.column,
            location.line,
            width,
            diagnostic
        );
        for lang in Lang::ALL {
            let message = diagnostic.problem.message(lang);
            prop_assert!(
                !message.trim().is_empty(),
                "empty message: {:?}",
                diagnostic
            );
            prop_assert!(diagnostic.render(lang).contains(diagnostic.problem.code()));
        }
    }
    Ok((plan, diagnostics))
}

/// A returned plan keeps its promise: every id it refers to resolves, every target lies inside
/// the plan's years.
fn check_references(plan: &Plan) -> Result<(), TestCaseError> {
    for target in &plan.targets {
        prop_assert!(plan.indicator(&target.indicator).is_some());
        prop_assert!(plan.document(&target.document).is_some());
        prop_assert!(plan.territory(&target.territory).is_some());
        let (first, last) = match target.when {
            When::Year(year) => (year, year),
            When::Period(period) => (period.first, period.last),
        };
        prop_assert!(first >= plan.meta.start && last <= plan.meta.end);
    }
    for observation in &plan.observations {
        prop_assert!(plan.indicator(&observation.indicator).is_some());
        prop_assert!(plan.territory(&observation.territory).is_some());
        prop_assert!(plan.source(&observation.source).is_some());
        prop_assert!(observation.value.is_finite());
    }
    for document in &plan.meta.documents {
        prop_assert!(plan.document(document).is_some());
    }
    Ok(())
}

/// One edit of the example's bytes; invalid UTF-8 is read as the replacement character.
#[derive(Clone, Debug)]
enum ByteEdit {
    Insert(usize, u8),
    Delete(usize),
    Replace(usize, u8),
}

fn byte_edit() -> impl Strategy<Value = ByteEdit> {
    let at = 0..=EXAMPLE.len();
    prop_oneof![
        (at.clone(), any::<u8>()).prop_map(|(at, b)| ByteEdit::Insert(at, b)),
        at.clone().prop_map(ByteEdit::Delete),
        (at, any::<u8>()).prop_map(|(at, b)| ByteEdit::Replace(at, b)),
    ]
}

fn apply_bytes(edits: &[ByteEdit]) -> String {
    let mut bytes = EXAMPLE.as_bytes().to_vec();
    for edit in edits {
        match *edit {
            ByteEdit::Insert(at, b) => bytes.insert(at.min(bytes.len()), b),
            ByteEdit::Delete(at) if at < bytes.len() => {
                bytes.remove(at);
            }
            ByteEdit::Replace(at, b) if at < bytes.len() => bytes[at] = b,
            _ => {}
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// One edit of the example's characters, with characters the parser cares about.
fn apply_chars(edits: &[(usize, usize, usize)]) -> String {
    let mut chars: Vec<char> = EXAMPLE.chars().collect();
    for &(kind, at, pick) in edits {
        let at = at % (chars.len() + 1);
        let c = SIGNIFICANT[pick % SIGNIFICANT.len()];
        match kind % 3 {
            0 => chars.insert(at, c),
            1 if at < chars.len() => {
                chars.remove(at);
            }
            2 if at < chars.len() => chars[at] = c,
            _ => {}
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_strings(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn strings_of_toml_characters(
        picks in proptest::collection::vec(0..SIGNIFICANT.len() + 8, 0..200)
    ) {
        // Mostly significant characters, with some key-like words between them.
        const WORDS: [&str; 8] = ["format", "1", "plan", "id", "\"x\"", "[[", "vi", "2025"];
        let text: String = picks
            .iter()
            .map(|&i| match SIGNIFICANT.get(i) {
                Some(c) => c.to_string(),
                None => WORDS[i - SIGNIFICANT.len()].to_string(),
            })
            .collect();
        check(&text)?;
    }

    #[test]
    fn byte_edits_of_the_example(edits in proptest::collection::vec(byte_edit(), 1..6)) {
        check(&apply_bytes(&edits))?;
    }

    #[test]
    fn character_edits_of_the_example(
        edits in proptest::collection::vec((0..3usize, 0..EXAMPLE.len(), any::<usize>()), 1..6)
    ) {
        check(&apply_chars(&edits))?;
    }

    #[test]
    fn truncations_of_the_example(end in 0..=EXAMPLE.len()) {
        let bytes = &EXAMPLE.as_bytes()[..end];
        check(&String::from_utf8_lossy(bytes))?;
    }

    #[test]
    fn line_shuffles_of_the_example(
        lines in Just(EXAMPLE.lines().collect::<Vec<_>>()).prop_shuffle()
    ) {
        check(&lines.join("\n"))?;
    }

    #[test]
    fn dropped_lines_of_the_example(
        keep in proptest::collection::vec(any::<bool>(), EXAMPLE.lines().count())
    ) {
        let text: Vec<&str> = EXAMPLE
            .lines()
            .zip(&keep)
            .filter_map(|(line, keep)| keep.then_some(line))
            .collect();
        check(&text.join("\n"))?;
    }

    #[test]
    fn loading_is_deterministic(
        edits in proptest::collection::vec((0..3usize, 0..EXAMPLE.len(), any::<usize>()), 0..4)
    ) {
        let text = apply_chars(&edits);
        let first = check(&text)?;
        let second = check(&text)?;
        prop_assert_eq!(first, second);
    }
}

#[test]
fn the_example_passes_the_invariants() {
    let (plan, diagnostics) = check(EXAMPLE).expect("invariants hold");
    assert!(plan.is_some(), "{diagnostics:?}");
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
}

// ---------------------------------------------------------------- properties of the new shapes

mod shapes {
    use chitieu_core::plan::{self, Plan, TargetShape};
    use chitieu_core::status::{assess, Status};
    use proptest::prelude::*;

    const BASE: &str = include_str!("../../tests/fixtures/plans/example.toml");

    /// The example with its target replaced by `target` (a `[[target]]` body without the block's
    /// other fields) and its observation by the yearly `figures`.
    fn plan_with(
        decimals: u8,
        direction: &str,
        measure: &str,
        target: &str,
        figures: &[(i32, f64)],
    ) -> Plan {
        let head = BASE
            .split("[[target]]")
            .next()
            .expect("the example has a target");
        let head = head
            .replacen("decimals = 2", &format!("decimals = {decimals}"), 1)
            .replacen(
                "direction = \"higher\"",
                &format!("direction = \"{direction}\""),
                1,
            )
            .replacen("measure = \"rate\"", &format!("measure = \"{measure}\""), 1);
        let mut text = format!(
            "{head}[[target]]\nid = \"t\"\nindicator = \"grdp_growth\"\n{target}\ndocument = \"kh-01\"\nterritory = \"mau\"\n"
        );
        for (year, value) in figures {
            text += &format!(
                "\n[[observation]]\nindicator = \"grdp_growth\"\nyear = {year}\nvalue = {value:?}\nkind = \"official\"\nterritory = \"mau\"\nsource = \"cuc-thong-ke-2024\"\n"
            );
        }
        let (plan, diagnostics) = plan::load("p.toml", &text);
        plan.unwrap_or_else(|| panic!("{text}\n{diagnostics:#?}"))
    }

    fn status(plan: &Plan) -> Status {
        assess(plan, &plan.targets[0], 2026).status
    }

    /// A number written with at most `digits` decimals.
    fn number(range: std::ops::Range<i64>, digits: u32) -> impl Strategy<Value = f64> {
        range.prop_map(move |n| n as f64 / 10f64.powi(digits as i32))
    }

    fn config() -> proptest::test_runner::Config {
        proptest::test_runner::Config {
            cases: 256,
            failure_persistence: None,
            ..Default::default()
        }
    }

    proptest! {
        #![proptest_config(config())]

        /// "About x" is met exactly when the figure lies within x ± tolerance, and exceeded beyond
        /// the better side.
        #[test]
        fn about_is_a_band_around_its_value(
            value in number(100..9000, 1),
            tolerance in number(1..200, 2),
            figure in number(0..10000, 2),
            lower in any::<bool>(),
        ) {
            let direction = if lower { "lower" } else { "higher" };
            let target = format!("year = 2025\nshape = \"about\"\nvalue = {value:?}\ntolerance = {tolerance:?}");
            let plan = plan_with(2, direction, "level", &target, &[(2025, figure)]);
            let inside = (value - tolerance..=value + tolerance).contains(&figure);
            let beyond = if lower { figure < value - tolerance } else { figure > value + tolerance };
            let expected = if inside { Status::Achieved } else if beyond { Status::Exceeded } else { Status::OffTrack };
            prop_assert_eq!(status(&plan), expected);
        }

        /// The status of a target never depends on how many decimals its indicator shows.
        #[test]
        fn decimals_never_change_a_status(
            edge in number(100..9000, 1),
            figures in proptest::collection::vec(number(0..10000, 3), 1..5),
            shape in 0..4usize,
        ) {
            let target = match shape {
                0 => format!("year = 2025\nshape = \"at_least\"\nvalue = {edge:?}"),
                1 => format!("year = 2025\nshape = \"exact\"\nvalue = {edge:?}"),
                2 => format!("year = 2025\nshape = \"about\"\nvalue = {edge:?}"),
                _ => format!("period = \"2021-2025\"\nshape = \"average\"\nmax = {edge:?}"),
            };
            let years: Vec<(i32, f64)> = figures.iter().enumerate().map(|(i, v)| (2021 + i as i32, *v)).collect();
            let statuses: Vec<Status> = (0..=4)
                .map(|d| status(&plan_with(d, "higher", "level", &target, &years)))
                .collect();
            prop_assert!(statuses.windows(2).all(|w| w[0] == w[1]), "{:?}", statuses);
        }

        /// An average with only `max` is met exactly when the arithmetic mean of a complete
        /// period is at or under it.
        #[test]
        fn a_ceiling_on_an_average(
            max in number(10..100, 1),
            values in proptest::collection::vec(number(0..150, 1), 5),
        ) {
            let target = format!("period = \"2021-2025\"\nshape = \"average\"\nmax = {max:?}");
            let years: Vec<(i32, f64)> = values.iter().enumerate().map(|(i, v)| (2021 + i as i32, *v)).collect();
            let plan = plan_with(1, "lower", "ratio", &target, &years);
            let mean = values.iter().sum::<f64>() / 5.0;
            let a = assess(&plan, &plan.targets[0], 2026);
            prop_assert!(a.is_final);
            prop_assert!(a.observed_rate.is_some_and(|o| (o - mean).abs() < 1e-9));
            prop_assert_eq!(a.status.is_met(), mean <= max + 1e-9 * max.max(1.0));
        }

        /// A cap for every year is missed, for good, exactly when one year is over it.
        #[test]
        fn a_cap_for_every_year_is_missed_by_one_year(
            cap in number(10..100, 0),
            values in proptest::collection::vec(number(0..120, 0), 1..6),
        ) {
            let target = format!("period = \"2021-2025\"\nevery_year = true\nshape = \"at_most\"\nvalue = {cap:?}");
            let years: Vec<(i32, f64)> = values.iter().enumerate().map(|(i, v)| (2021 + i as i32, *v)).collect();
            let plan = plan_with(0, "lower", "ratio", &target, &years);
            let a = assess(&plan, &plan.targets[0], 2026);
            let over = values.iter().any(|v| *v > cap);
            prop_assert_eq!(a.status == Status::OffTrack, over);
            if over || values.len() == 5 {
                prop_assert!(a.is_final);
            } else {
                prop_assert_eq!(a.status, Status::OnTrack);
            }
        }

        /// A yearly change over a complete period is the straight-line change from the year
        /// before it, judged against the band.
        #[test]
        fn a_yearly_change_over_the_whole_period(
            start in number(100..900, 1),
            end in number(0..900, 1),
            low in number(-200..0, 1),
            width in number(0..100, 1),
        ) {
            let high = low + width;
            let target = format!("period = \"2021-2025\"\nshape = \"yearly_change\"\nmin = {low:?}\nmax = {high:?}");
            let plan = plan_with(1, "lower", "share", &target, &[(2020, start / 10.0), (2025, end / 10.0)]);
            let a = assess(&plan, &plan.targets[0], 2026);
            let change = (end / 10.0 - start / 10.0) / 5.0;
            prop_assert!(a.is_final);
            prop_assert!(a.observed_rate.is_some_and(|o| (o - change).abs() < 1e-9));
            let noise = 1e-9;
            let met = change <= high + noise && change >= low - noise
                || change < low; // beyond the better (lower) edge: exceeded
            prop_assert_eq!(a.status.is_met(), met, "change {} in [{}, {}]", change, low, high);
        }

        /// A figure published as a range gets a sure verdict only when both ends agree.
        #[test]
        fn ranges_are_judged_by_both_ends(
            edge in number(10..100, 0),
            low in number(0..120, 1),
            width in number(1..30, 1),
        ) {
            let high = low + width;
            let head = BASE.split("[[target]]").next().expect("target");
            let text = format!(
                "{head}[[target]]\nid = \"t\"\nindicator = \"grdp_growth\"\nyear = 2025\nshape = \"at_least\"\nvalue = {edge:?}\ndocument = \"kh-01\"\nterritory = \"mau\"\n\n[[observation]]\nindicator = \"grdp_growth\"\nyear = 2025\nmin = {low:?}\nmax = {high:?}\nkind = \"official\"\nterritory = \"mau\"\nsource = \"cuc-thong-ke-2024\"\n"
            );
            let (plan, d) = plan::load("r.toml", &text);
            let plan = plan.unwrap_or_else(|| panic!("{d:#?}"));
            let s = assess(&plan, &plan.targets[0], 2026).status;
            let expected = if low >= edge {
                if low > edge { Status::Exceeded } else { Status::Achieved }
            } else if high < edge {
                Status::OffTrack
            } else {
                Status::NotAssessable
            };
            prop_assert_eq!(s, expected);
            prop_assert!(!matches!(plan.targets[0].shape, TargetShape::Text));
        }
    }
}
