//! The embedded binary form of a plan: every valid plan survives encode then decode unchanged,
//! the encoding is deterministic and smaller than the TOML, and damaged bytes are refused with an
//! error, never a panic.

use chitieu_core::plan::codec::{decode, encode, DecodeError, VERSION};
use chitieu_core::plan::{self, Plan};

const CAN_THO: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../data/can-tho.toml"));

fn load(name: &str, text: &str) -> Plan {
    let (plan, diagnostics) = plan::load(name, text);
    assert!(
        !diagnostics.iter().any(|d| d.is_error()),
        "{name}: {diagnostics:?}"
    );
    plan.unwrap_or_else(|| panic!("{name}: no plan"))
}

fn can_tho() -> Plan {
    load("data/can-tho.toml", CAN_THO)
}

/// The Can Tho plan and every fixture plan, with their names.
fn all_plans() -> Vec<(String, Plan)> {
    let mut plans = vec![("data/can-tho.toml".to_string(), can_tho())];
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/plans");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("fixture directory")
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no fixture plans in {dir}");
    for path in paths {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(&path).expect("readable fixture");
        let plan = load(&name, &text);
        plans.push((name, plan));
    }
    plans
}

#[test]
fn every_plan_round_trips() {
    for (name, plan) in all_plans() {
        let decoded = decode(&encode(&plan));
        assert_eq!(decoded, Ok(plan), "{name}");
    }
}

#[test]
fn encoding_is_deterministic() {
    for (name, plan) in all_plans() {
        assert_eq!(encode(&plan), encode(&plan.clone()), "{name}");
    }
}

#[test]
fn the_encoding_is_smaller_than_the_toml() {
    let bytes = encode(&can_tho());
    eprintln!(
        "can-tho: {} bytes encoded, {} bytes of TOML",
        bytes.len(),
        CAN_THO.len()
    );
    assert!(bytes.len() < CAN_THO.len());
}

/// Each truncation decodes the whole prefix, so trying all ~70k is quadratic and slow in a debug
/// build: the first 512 lengths (header and plan metadata), every 97th, and the last 64.
#[test]
fn truncations_are_errors() {
    let bytes = encode(&can_tho());
    let len = bytes.len();
    let ends = (0..512.min(len))
        .chain((512..len).step_by(97))
        .chain(len.saturating_sub(64)..len);
    for end in ends {
        let error = decode(&bytes[..end]).expect_err("a truncated plan is refused");
        assert!(error.offset <= end, "{end}: {error}");
    }
}

#[test]
fn wrong_magic_or_version_is_an_error() {
    let bytes = encode(&can_tho());
    // (byte to change, new value, offset the error names)
    for (at, value, offset) in [(0, b'X', 0), (2, b'Q', 0), (3, 0, 3), (3, 1, 3)] {
        let mut damaged = bytes.clone();
        damaged[at] = value;
        let error = decode(&damaged).expect_err("refused");
        assert_eq!(error.offset, offset, "{error}");
    }
    assert_eq!(
        decode(b"").map_err(|e| e.to_string()),
        Err("plan data: byte 0: unexpected end of data".to_string())
    );
}

#[test]
fn trailing_bytes_are_an_error() {
    // Appended bytes land in the last section, which the plan then does not read to its end.
    let mut bytes = encode(&can_tho());
    bytes.push(0);
    assert_eq!(
        decode(&bytes).map_err(|e| e.what),
        Err("trailing bytes after the plan")
    );
}

#[test]
fn huge_counts_do_not_allocate() {
    // The structure section claims 2^32 - 1 bytes.
    let bytes = [
        b'C', b'T', b'P', VERSION, 0xff, 0xff, 0xff, 0xff, 0x0f, 0, 0, b'x',
    ];
    assert_eq!(
        decode(&bytes),
        Err(DecodeError {
            offset: 4,
            what: "section longer than the data"
        })
    );
    // The plan's id claims 2^32 - 1 bytes; its section (the last) is empty.
    let bytes = [
        b'C', b'T', b'P', VERSION, 5, 0, 0, 0xff, 0xff, 0xff, 0xff, 0x0f,
    ];
    assert_eq!(
        decode(&bytes),
        Err(DecodeError {
            offset: 12,
            what: "string longer than its section"
        })
    );
    // A varint longer than 32 bits.
    let bytes = [
        b'C', b'T', b'P', VERSION, 5, 0, 0, 0xff, 0xff, 0xff, 0xff, 0x7f,
    ];
    assert_eq!(decode(&bytes).map_err(|e| e.offset), Err(7));
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;
    use proptest::test_runner::Config;
    use std::sync::OnceLock;

    fn config() -> Config {
        Config {
            cases: 512,
            // Failures print their minimal input; no regression files are written into the tree.
            failure_persistence: None,
            ..Config::default()
        }
    }

    /// The encoded example plan: small, so random edits often land in its structure.
    fn example() -> &'static [u8] {
        static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
        BYTES.get_or_init(|| {
            let text = include_str!("../../tests/fixtures/plans/example.toml");
            encode(&load("example.toml", text))
        })
    }

    /// Decoding must not panic; a plan it accepts encodes to bytes that decode to the same plan.
    /// (Compared as bytes: a flipped float may be NaN, which is not equal to itself.)
    fn check(bytes: &[u8]) -> Result<(), TestCaseError> {
        match decode(bytes) {
            Ok(plan) => {
                let again = encode(&plan);
                let replan = decode(&again);
                prop_assert!(replan.is_ok(), "{:?}", replan);
                prop_assert_eq!(encode(&replan.unwrap()), again);
            }
            Err(error) => prop_assert!(error.offset <= bytes.len(), "{}", error),
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            check(&bytes)?;
        }

        #[test]
        fn random_bytes_after_the_header(
            bytes in proptest::collection::vec(any::<u8>(), 0..512)
        ) {
            let mut data = [b'C', b'T', b'P', VERSION].to_vec();
            data.extend(bytes);
            check(&data)?;
        }

        #[test]
        fn flipped_bytes_of_the_example(
            flips in proptest::collection::vec((any::<usize>(), 1..=255u8), 1..6)
        ) {
            let mut bytes = example().to_vec();
            for (at, mask) in flips {
                let at = at % bytes.len();
                bytes[at] ^= mask;
            }
            check(&bytes)?;
        }

        #[test]
        fn spliced_bytes_of_the_example(
            at in any::<usize>(),
            cut in 0..16usize,
            insert in proptest::collection::vec(any::<u8>(), 0..16)
        ) {
            let mut bytes = example().to_vec();
            let at = at % bytes.len();
            let end = (at + cut).min(bytes.len());
            bytes.splice(at..end, insert);
            check(&bytes)?;
        }
    }
}

/// Every field the format grew for national plans survives the binary form: a method break
/// with its indicators, a document of unknown date, every_year and a target's source, the about
/// and yearly_change shapes, an average under a ceiling, a range observation and its method,
/// and the ratio measure (the national fixture has all but the unknown date, added here).
#[test]
fn every_new_field_round_trips() {
    let text = include_str!("../../tests/fixtures/plans/vietnam-sedp-2021-2025.toml").replacen(
        "date = \"2021-07-27\"",
        "date = \"unknown\"",
        1,
    );
    let plan = load("national.toml", &text);
    use chitieu_core::plan::{BreakKind, Measure, TargetShape};
    assert!(plan.documents.iter().any(|d| d.date.is_none()));
    assert!(plan
        .series_breaks
        .iter()
        .any(|b| b.kind == BreakKind::Method && !b.indicators.is_empty()));
    assert!(plan.targets.iter().any(|t| t.every_year));
    assert!(plan.targets.iter().any(|t| t.source.is_some()));
    assert!(plan
        .targets
        .iter()
        .any(|t| matches!(t.shape, TargetShape::About { .. })));
    assert!(plan
        .targets
        .iter()
        .any(|t| matches!(t.shape, TargetShape::YearlyChange { .. })));
    assert!(plan.targets.iter().any(|t| matches!(
        t.shape,
        TargetShape::Average {
            min: None,
            max: Some(_)
        }
    )));
    assert!(plan.observations.iter().any(|o| o.upper.is_some()));
    assert!(plan.observations.iter().any(|o| o.method.is_some()));
    assert!(plan.indicators.iter().any(|i| i.measure == Measure::Ratio));
    assert_eq!(decode(&encode(&plan)), Ok(plan));
}

#[test]
fn the_new_records_are_in_the_round_trip() {
    // Round-tripping proves nothing about records the plan does not have: the Can Tho plan
    // carries every kind of record and optional field issue 14 added.
    let plan = can_tho();
    assert!(!plan.references.is_empty());
    assert!(plan.references.iter().any(|r| r.ratio.is_some()));
    assert!(!plan.verdicts.is_empty());
    assert!(!plan.tallies.is_empty());
    assert!(plan.observations.iter().any(|o| o.formula.is_some()));
    assert!(plan.sources.iter().any(|s| s.via.is_some()));
    assert!(plan.indicators.iter().any(|i| i.gaps.is_some()));
    assert!(plan.territories.iter().any(|t| t.short.is_some()));
    assert!(plan.documents.iter().any(|d| d.short.is_some()));
    assert_eq!(decode(&encode(&plan)), Ok(plan));
}
