//! Derived observations (issue 14): a value computed from published figures by a stated
//! formula. The validator recomputes it, it never crosses a series break, never stands for a
//! year with a published figure, and every status built on it says so.

use chitieu_core::plan::{self, ObservationKind, Plan, When};
use chitieu_core::status::{assess, Reason, Status};
use chitieu_core::text::Lang;

const HEADER: &str = r#"
format = 1

[plan]
id = "t"
title = { vi = "Kế hoạch thử", en = "Test plan" }
issuer = { vi = "Thành ủy", en = "City Party Committee" }
territory = { vi = "Cần Thơ", en = "Can Tho" }
start = 2021
end = 2030
baseline_year = 2020
periods = ["2021-2025", "2026-2030"]
documents = ["ctr-03"]

[[document]]
id = "ctr-03"
number = "03-CTr/TU"
issuer = { vi = "Thành ủy", en = "Party Committee" }
date = "2020-11"
title = { vi = "Chương trình 03", en = "Programme 03" }

[[territory]]
id = "ct"
name = { vi = "Cần Thơ (cũ)", en = "Can Tho (former)" }
until = "2025-06-30"

[[territory]]
id = "ct-new"
name = { vi = "Cần Thơ (mới)", en = "Can Tho (merged)" }
from = "2025-07-01"

[[source]]
id = "city"
publisher = "UBND TP"
title = "Báo cáo"
url = "https://example.org/city"
published = "2025-04-15"

[[source]]
id = "gso"
publisher = "Tổng cục Thống kê"
title = "Thông cáo"
url = "https://example.org/gso"
published = "2025-01-06"

[[indicator]]
id = "pc_vnd"
name = { vi = "GRDP/người (triệu đồng)", en = "GRDP per capita (million VND)" }
unit = { vi = "triệu đồng", en = "million VND" }
decimals = 2
direction = "higher"
measure = "level"

[[indicator]]
id = "pc_usd"
name = { vi = "GRDP/người (USD)", en = "GRDP per capita (USD)" }
unit = { vi = "USD", en = "USD" }
decimals = 0
direction = "higher"
measure = "level"

[[target]]
id = "usd-2025"
indicator = "pc_usd"
year = 2025
shape = "range"
min = 6200
max = 6800
document = "ctr-03"
territory = "ct"

[[reference]]
id = "rate-2023"
name = { vi = "Tỷ giá 2023", en = "Rate 2023" }
unit = { vi = "đồng/USD", en = "VND/USD" }
year = 2023
value = 23797.4
source = "gso"

[[reference]]
id = "rate-2024"
name = { vi = "Tỷ giá 2024", en = "Rate 2024" }
unit = { vi = "đồng/USD", en = "VND/USD" }
year = 2024
value = 24255.32
ratio = [114000000, 4700]
source = "gso"

[[observation]]
indicator = "pc_vnd"
year = 2023
value = 94.12
kind = "estimate"
territory = "ct"
source = "city"

[[observation]]
indicator = "pc_vnd"
year = 2024
value = 104.6
kind = "reported"
territory = "ct"
source = "city"

[[observation]]
indicator = "pc_usd"
year = 2023
value = 3955
kind = "derived"
territory = "ct"
source = "city"
formula = { input = "pc_vnd", times = 1000000, divide_by = "rate-2023" }
"#;

/// The header plus `extra` records; returns the plan (if it loads) and the diagnostic codes.
fn load(extra: &str) -> (Option<Plan>, Vec<String>) {
    let text = format!("{HEADER}\n{extra}");
    let (plan, diagnostics) = plan::load("t.toml", &text);
    let codes = diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| format!("{} {}", d.problem.code(), d.location.path))
        .collect();
    (plan, codes)
}

const DERIVED_2024: &str = r#"
[[observation]]
indicator = "pc_usd"
year = 2024
value = VALUE
kind = "derived"
territory = "ct"
source = "city"
formula = { input = "pc_vnd", times = 1000000, divide_by = "rate-2024" }
"#;

fn derived_2024(value: &str) -> String {
    DERIVED_2024.replace("VALUE", value)
}

#[test]
fn the_validator_recomputes_every_derived_value() {
    // 104.6 × 1,000,000 ÷ 24,255.32 = 4,312.46, written to the indicator's 0 decimals.
    let (plan, errors) = load(&derived_2024("4312"));
    assert!(errors.is_empty(), "{errors:?}");
    assert!(plan.is_some());
    let (_, errors) = load(&derived_2024("4313"));
    assert_eq!(
        errors,
        vec!["arithmetic-mismatch observation[pc_usd 2024].value"]
    );
    let (plan, errors) = load(&derived_2024("4400"));
    assert!(plan.is_none());
    assert_eq!(errors.len(), 1);
}

#[test]
fn a_mismatch_message_gives_the_computed_value() {
    let text = format!("{HEADER}\n{}", derived_2024("4400"));
    let (_, diagnostics) = plan::load("t.toml", &text);
    let message = diagnostics[0].problem.message(Lang::En);
    assert!(message.contains("4312.46"), "{message}");
    let message = diagnostics[0].problem.message(Lang::Vi);
    assert!(message.contains("4312.46"), "{message}");
}

#[test]
fn a_reference_ratio_is_recomputed_too() {
    let text = HEADER.replace("value = 24255.32", "value = 24300");
    let (_, diagnostics) = plan::load("t.toml", &text);
    let codes: Vec<&str> = diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.problem.code())
        .collect();
    assert_eq!(codes, vec!["arithmetic-mismatch"]);
    assert_eq!(diagnostics[0].location.path, "reference[rate-2024].value");
}

#[test]
fn kind_and_formula_go_together() {
    let (_, errors) = load(
        r#"
[[observation]]
indicator = "pc_usd"
year = 2024
value = 4312
kind = "derived"
territory = "ct"
source = "city"
"#,
    );
    assert_eq!(
        errors,
        vec!["derived-without-formula observation[pc_usd 2024].formula"]
    );
    let (_, errors) = load(&derived_2024("4312").replace("\"derived\"", "\"estimate\""));
    assert_eq!(
        errors,
        vec!["formula-not-derived observation[pc_usd 2024].kind"]
    );
}

#[test]
fn a_derived_value_never_crosses_the_series_break() {
    // The merged city has no VND figure of its own for 2024: the old city's may not be used.
    let (_, errors) =
        load(&derived_2024("4312").replace("territory = \"ct\"", "territory = \"ct-new\""));
    assert_eq!(
        errors,
        vec!["formula-input-missing observation[pc_usd 2024].formula.input"]
    );
}

#[test]
fn the_reference_must_be_of_the_same_year() {
    let (_, errors) = load(&derived_2024("4312").replace("rate-2024", "rate-2023"));
    assert_eq!(
        errors,
        vec!["reference-year observation[pc_usd 2024].formula.divide_by"]
    );
    let (_, errors) = load(&derived_2024("4312").replace("rate-2024", "rate-2030"));
    assert_eq!(
        errors,
        vec!["unknown-reference observation[pc_usd 2024].formula.divide_by"]
    );
}

#[test]
fn a_derived_value_carries_its_inputs_hedge() {
    let text = format!("{HEADER}\n{}", derived_2024("4312")).replace(
        "value = 104.6\nkind = \"reported\"",
        "value = 104.6\nkind = \"reported\"\nqualifier = \"about\"",
    );
    let (_, diagnostics) = plan::load("t.toml", &text);
    let codes: Vec<&str> = diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.problem.code())
        .collect();
    assert_eq!(codes, vec!["formula-qualifier"]);
}

#[test]
fn a_published_figure_always_wins_over_a_derived_one() {
    let (plan, errors) = load(&format!(
        "{}\n{}",
        derived_2024("4312"),
        r#"
[[observation]]
indicator = "pc_usd"
year = 2024
value = 4500
kind = "reported"
territory = "ct"
source = "gso"
"#
    ));
    assert!(errors.is_empty(), "{errors:?}");
    let plan = plan.expect("plan");
    let series = plan.headline_series("pc_usd");
    let y2024 = series
        .iter()
        .find(|o| o.when == When::Year(2024))
        .expect("2024");
    assert_eq!(y2024.kind, ObservationKind::Reported);
    assert_eq!(y2024.value, 4500.0);
}

#[test]
fn a_status_on_derived_figures_says_so() {
    let (plan, errors) = load(&derived_2024("4312"));
    assert!(errors.is_empty(), "{errors:?}");
    let plan = plan.expect("plan");
    let target = plan
        .targets
        .iter()
        .find(|t| t.id == "usd-2025")
        .expect("target");
    let assessment = assess(&plan, target, 2025);
    assert_eq!(assessment.status, Status::OffTrack);
    assert!(assessment.is_provisional());
    let derived = assessment
        .reasons
        .iter()
        .find(|r| matches!(r, Reason::Derived { .. }))
        .expect("a Derived reason");
    let indicator = plan.indicator("pc_usd").expect("indicator");
    assert_eq!(
        derived.text(indicator, Lang::En),
        "The 2023–2024 figures are derived, not published; the latest: GRDP per capita (million VND) × 1,000,000 ÷ Rate 2024."
    );
    assert_eq!(
        derived.text(indicator, Lang::Vi),
        "Số liệu 2023–2024 là số suy ra, không phải số được công bố; số mới nhất: GRDP/người (triệu đồng) × 1.000.000 ÷ Tỷ giá 2024."
    );
}

#[test]
fn the_can_tho_usd_targets_are_scored_on_derived_figures() {
    let text = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../data/can-tho.toml"));
    let plan = plan::load("data/can-tho.toml", text)
        .0
        .expect("can-tho loads");
    for id in ["grdp-pc-usd-2025-ctr03", "grdp-pc-usd-2030-ctr03"] {
        let target = plan.targets.iter().find(|t| t.id == id).expect(id);
        let a = assess(&plan, target, 2025);
        assert!(
            !matches!(a.status, Status::NoData | Status::NotAssessable),
            "{id}: {:?}",
            a.status
        );
        assert!(
            a.reasons
                .iter()
                .any(|r| matches!(r, Reason::Derived { .. })),
            "{id}"
        );
        assert_eq!(a.latest, Some((2024, 4312.0)), "{id}");
    }
    // Every derived figure's input shares its territory: none crosses 1 July 2025.
    for o in plan.observations.iter().filter(|o| o.formula.is_some()) {
        let input = plan.formula_input(o).expect("input");
        assert_eq!(input.territory, o.territory);
        assert_ne!(input.kind, ObservationKind::Derived);
    }
}

#[test]
fn tables_and_downloads_spell_the_formula_with_its_numbers() {
    let text = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../data/can-tho.toml"));
    let plan = plan::load("data/can-tho.toml", text)
        .0
        .expect("can-tho loads");
    let derived = plan
        .observations
        .iter()
        .find(|o| o.indicator == "grdp_per_capita_usd" && o.when == When::Year(2024))
        .expect("2024");
    assert_eq!(
        chitieu_core::describe::formula(&plan, derived, Lang::Vi).as_deref(),
        Some("GRDP bình quân đầu người (triệu đồng) × 1.000.000 ÷ Tỷ giá VND/USD năm 2024 (ngầm định) = 104,60 × 1.000.000 ÷ 24.255,32")
    );
    assert_eq!(
        chitieu_core::describe::formula(&plan, derived, Lang::En).as_deref(),
        Some("GRDP per capita (million VND) × 1,000,000 ÷ VND/USD rate, 2024 (implied) = 104.60 × 1,000,000 ÷ 24,255.32")
    );
    let published = plan
        .observations
        .iter()
        .find(|o| o.indicator == "grdp_per_capita_vnd")
        .expect("a published figure");
    assert_eq!(
        chitieu_core::describe::formula(&plan, published, Lang::En),
        None
    );
    let csv = chitieu_core::export::dataset_csv(&plan, Lang::En, "v", 2025);
    assert!(csv.contains("Derived: GRDP per capita (million VND) × 1,000,000 ÷ VND/USD rate, 2024 (implied) = 104.60"));
}

/// A reference's `ratio` is two numbers, the second not zero: a zero divisor gets its own
/// message (not a number), an item that is not a number is reported once, where it is, and a
/// ratio of three numbers is of the wrong shape.
#[test]
fn a_reference_ratio_is_two_numbers_without_a_zero_divisor() {
    let codes = |ratio: &str| -> Vec<String> {
        let text = HEADER.replace("ratio = [114000000, 4700]", ratio);
        let (plan, diagnostics) = plan::load("t.toml", &text);
        let codes: Vec<String> = diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| format!("{} {}", d.problem.code(), d.location.path))
            .collect();
        assert_eq!(plan.is_some(), codes.is_empty());
        codes
    };
    assert_eq!(codes("ratio = [114000000, 4700]"), Vec::<String>::new());
    assert_eq!(
        codes("ratio = [114000000, 0]"),
        vec!["not-a-number reference[rate-2024].ratio"]
    );
    assert_eq!(
        codes("ratio = [114000000, \"4700\"]"),
        vec!["wrong-type reference[rate-2024].ratio"]
    );
    assert_eq!(
        codes("ratio = [1, 2, 3]"),
        vec!["wrong-type reference[rate-2024].ratio"]
    );
}

/// A reference's value is its ratio written to two decimals: within half a unit of the second
/// decimal (0.005, edge included), plus one part in 10⁹ of the ratio for the rounding of the
/// division — so a large ratio written exactly is never refused.
#[test]
fn a_reference_value_is_its_ratio_to_two_decimals() {
    let codes = |ratio: &str, value: &str| -> Vec<&'static str> {
        let text = HEADER
            .replace("ratio = [114000000, 4700]", ratio)
            .replace("value = 24255.32", value);
        let (_, diagnostics) = plan::load("t.toml", &text);
        diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.problem.code())
            .collect()
    };
    assert!(codes("ratio = [0, 1]", "value = 0.005").is_empty());
    assert_eq!(
        codes("ratio = [0, 1]", "value = 0.006"),
        vec!["arithmetic-mismatch"]
    );
    assert!(codes("ratio = [50000000000000, 2]", "value = 25000000000000").is_empty());
    assert!(codes("ratio = [50000000000000, 2]", "value = 25000000000001").is_empty());
    assert_eq!(
        codes("ratio = [50000000000000, 2]", "value = 25000000100000"),
        vec!["arithmetic-mismatch"]
    );
}

/// Every problem of a record is reported, whatever else is wrong with it: an observation whose
/// kind is not one of the kinds (here the word "method") still has its source checked.
#[test]
fn a_bad_kind_does_not_hide_an_unknown_source() {
    let text = HEADER.replacen(
        "kind = \"reported\"\nterritory = \"ct\"\nsource = \"city\"",
        "kind = \"method\"\nterritory = \"ct\"\nsource = \"nowhere\"",
        1,
    );
    assert_ne!(text, HEADER);
    let (plan, diagnostics) = plan::load("t.toml", &text);
    assert!(plan.is_none());
    let mut codes: Vec<&str> = diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.problem.code())
        .collect();
    codes.sort_unstable();
    assert!(codes.contains(&"unknown-reference"), "{codes:?}");
    assert!(codes.len() >= 2, "{codes:?}");
}

/// A derived value is its formula's result written to the indicator's decimals: within half a
/// unit of the last decimal (edge included), plus one part in 10⁹ for the arithmetic.
#[test]
fn a_derived_value_is_its_result_to_the_indicators_decimals() {
    // pc_usd with one decimal: 2023 is 3,955.05 and 2024 is 4,312.46.
    let one_decimal = HEADER
        .replacen(
            "id = \"pc_usd\"\nname = { vi = \"GRDP/người (USD)\", en = \"GRDP per capita (USD)\" }\nunit = { vi = \"USD\", en = \"USD\" }\ndecimals = 0",
            "id = \"pc_usd\"\nname = { vi = \"GRDP/người (USD)\", en = \"GRDP per capita (USD)\" }\nunit = { vi = \"USD\", en = \"USD\" }\ndecimals = 1",
            1,
        )
        .replacen("value = 3955\n", "value = 3955.1\n", 1);
    assert_ne!(one_decimal, HEADER);
    let codes = |header: &str, value: &str| -> Vec<&'static str> {
        let text = format!("{header}\n{}", derived_2024(value));
        let (_, diagnostics) = plan::load("t.toml", &text);
        diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.problem.code())
            .collect()
    };
    assert!(codes(&one_decimal, "4312.5").is_empty());
    assert_eq!(codes(&one_decimal, "4312.6"), vec!["arithmetic-mismatch"]);
    // A large result, 4,312,455,989,036.63: one part in 10⁹ of it is 4,312.
    let large = HEADER.replacen("value = 104.6\n", "value = 104600000000\n", 1);
    assert_ne!(large, HEADER);
    assert!(codes(&large, "4312455989037").is_empty());
    assert!(codes(&large, "4312455989137").is_empty());
    assert_eq!(codes(&large, "4312456089037"), vec!["arithmetic-mismatch"]);
    // Nothing times anything is nothing; half a unit away is still within.
    let zero = HEADER.replacen("value = 104.6\n", "value = 0\n", 1);
    assert!(codes(&zero, "0.5").is_empty());
    assert_eq!(codes(&zero, "0.6"), vec!["arithmetic-mismatch"]);
}
