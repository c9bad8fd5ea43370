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
