//! The city's own verdicts and counts beside the computed statuses (issue 14): what the Can Tho
//! reports said, and a disagreement between a report and the figures.

use chitieu_core::history::as_of;
use chitieu_core::plan::{self, Grade, PartialDate, Plan};
use chitieu_core::status::{assess, Status};
use chitieu_core::text::Lang;
use chitieu_core::verdict::{
    compare, counted_targets, describe, tally_summary, verdicts_for, Agreement,
};

const CAN_THO: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../data/can-tho.toml"));

fn can_tho() -> Plan {
    plan::load("data/can-tho.toml", CAN_THO)
        .0
        .expect("can-tho loads")
}

#[test]
fn the_2025_growth_verdicts_agree_with_the_computed_miss() {
    let plan = can_tho();
    let target = plan
        .targets
        .iter()
        .find(|t| t.id == "grdp-growth-2025-ctr01")
        .expect("target");
    let verdicts = verdicts_for(&plan, &target.id);
    assert_eq!(verdicts.len(), 2);
    assert!(verdicts[0].date < verdicts[1].date, "oldest first");
    let assessment = assess(&plan, target, 2025);
    assert_eq!(assessment.status, Status::OffTrack);
    assert!(assessment.is_final);
    for verdict in &verdicts {
        assert_eq!(verdict.grade, Grade::NotMet);
        assert_eq!(compare(verdict.grade, assessment.status), Agreement::Agrees);
    }
    assert_eq!(
        describe(verdicts[0], &assessment, Lang::Vi),
        "Báo cáo ghi «chưa đạt» (8/12/2025); kết quả tính: Không đạt — khớp nhau."
    );
    assert_eq!(
        describe(verdicts[1], &assessment, Lang::En),
        "The report says “not met” (10 Jan 2026); computed: Missed — they agree."
    );
    // On 8 Dec 2025 only the first verdict had been published.
    let then = as_of(&plan, PartialDate::parse("2025-12-08").expect("date")).plan;
    assert_eq!(verdicts_for(&then, &target.id).len(), 1);
}

#[test]
fn a_report_that_calls_a_missed_target_met_is_marked_as_a_disagreement() {
    // The same plan with the first verdict's grade turned into "đạt": the figures (7.23 % against
    // at least 8.4 %) say missed, so the panel must say the two differ.
    let text = CAN_THO.replacen(
        "grade = \"not_met\"\nword = { vi = \"chưa đạt\", en = \"not met\" }",
        "grade = \"met\"\nword = { vi = \"đạt\", en = \"met\" }",
        1,
    );
    assert_ne!(text, CAN_THO, "the replacement found its verdict");
    let plan = plan::load("data/can-tho.toml", &text).0.expect("loads");
    let target = plan
        .targets
        .iter()
        .find(|t| t.id == "grdp-growth-2025-ctr01")
        .expect("target");
    let assessment = assess(&plan, target, 2025);
    let verdict = verdicts_for(&plan, &target.id)[0];
    assert_eq!(verdict.grade, Grade::Met);
    assert_eq!(
        compare(verdict.grade, assessment.status),
        Agreement::Disagrees
    );
    assert_eq!(
        describe(verdict, &assessment, Lang::Vi),
        "Báo cáo ghi «đạt» (8/12/2025), khác kết quả tính từ số liệu: Không đạt."
    );
    assert_eq!(
        describe(verdict, &assessment, Lang::En),
        "The report says “met” (8 Dec 2025), unlike the status computed from the figures: Missed."
    );
}

#[test]
fn the_xiv_congress_count_beside_the_computed_one() {
    let plan = can_tho();
    let tally = plan
        .tallies
        .iter()
        .find(|t| t.document == "dh-xiv" && t.date.year == 2025)
        .expect("the term result");
    assert_eq!(tally.of, 20);
    assert_eq!(
        tally_summary(tally, Lang::Vi),
        "đạt và vượt 15/20; phấn đấu đạt trong năm 2025 5/20"
    );
    let counted = counted_targets(&plan, tally);
    // The file holds only the XIV targets the readable sources named.
    let in_file = plan
        .targets
        .iter()
        .filter(|t| t.document == "dh-xiv" && t.territory == "cantho-pre2025")
        .count();
    assert_eq!(counted.len(), in_file);
    assert!(!counted.is_empty() && (counted.len() as u32) < tally.of);
    assert!(counted
        .iter()
        .all(|t| t.document == tally.document && t.territory == tally.territory));
}
