//! "What was known when" on the Can Tho plan: the plan as it stood on a day, and the revisions
//! of a year in publication order (issue 14). The figures are those of data/can-tho.toml.

use chitieu_core::history::{as_of, revisions};
use chitieu_core::plan::{self, PartialDate, Plan, Published, When};
use chitieu_core::status::{assess, Status};

const CAN_THO: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../data/can-tho.toml"));

fn can_tho() -> Plan {
    plan::load("data/can-tho.toml", CAN_THO)
        .0
        .expect("data/can-tho.toml loads")
}

fn day(text: &str) -> PartialDate {
    PartialDate::parse(text).expect("date")
}

/// The headline 2025 growth of the merged city in a plan.
fn growth_2025(plan: &Plan) -> Option<f64> {
    plan.headline_series("grdp_growth")
        .into_iter()
        .find(|o| o.when == When::Year(2025) && o.territory == "cantho-merged")
        .map(|o| o.value)
}

#[test]
fn the_2025_growth_reads_as_the_city_said_it_on_each_day() {
    let plan = can_tho();
    assert_eq!(
        growth_2025(&plan),
        Some(7.23),
        "today: the January estimate"
    );
    // 6 Dec 2025: the Finance Department reported 7.23 % at the morning meeting.
    assert_eq!(
        growth_2025(&as_of(&plan, day("2025-12-06")).plan),
        Some(7.23)
    );
    // 8 Dec 2025: the Council's opening speech cited the 8.3 % of the submitted report.
    assert_eq!(
        growth_2025(&as_of(&plan, day("2025-12-08")).plan),
        Some(8.3)
    );
    // Before the December reports only the half-year figure had been published.
    assert_eq!(
        growth_2025(&as_of(&plan, day("2025-09-01")).plan),
        Some(7.87)
    );
    assert_eq!(growth_2025(&as_of(&plan, day("2025-06-30")).plan), None);
}

#[test]
fn the_as_of_plan_leaves_out_later_and_undated_figures_and_later_targets() {
    let plan = can_tho();
    let then = as_of(&plan, day("2025-12-08"));
    assert_eq!(
        then.later + then.undated + then.plan.observations.len(),
        plan.observations.len()
    );
    assert!(then.undated > 0, "some sources give no date");
    assert!(then.later > 0);
    for o in &then.plan.observations {
        match then.plan.source(&o.source).map(|s| s.published) {
            Some(Published::On(d)) => assert!(d <= day("2025-12-08"), "{o:?}"),
            other => panic!("kept an observation published {other:?}"),
        }
    }
    // The adjusted master plan (30 Dec 2025) had not been adopted on 8 Dec.
    assert!(then.later_targets > 0);
    assert!(!then
        .plan
        .targets
        .iter()
        .any(|t| t.document == "qh-dieu-chinh"));
    assert!(then.plan.targets.iter().any(|t| t.document == "dh-i"));
    // Ids still resolve: sources and documents are kept whole.
    for o in &then.plan.observations {
        assert!(then.plan.source(&o.source).is_some());
    }
}

#[test]
fn statuses_are_recomputed_from_what_was_published_then() {
    let plan = can_tho();
    let target = |p: &Plan| {
        p.targets
            .iter()
            .find(|t| t.id == "grdp-growth-2025-ctr01")
            .cloned()
            .expect("target")
    };
    let now = assess(&plan, &target(&plan), 2025);
    assert_eq!(now.status, Status::OffTrack);
    assert_eq!(now.latest, Some((2025, 7.23)));
    let then = as_of(&plan, day("2025-12-08")).plan;
    let before = assess(&then, &target(&then), 2025);
    assert_eq!(before.latest, Some((2025, 8.3)));
    assert_eq!(before.status, Status::OffTrack, "8.3 % also misses 8.4 %");
}

#[test]
fn revisions_list_every_value_of_a_year_in_publication_order() {
    let plan = can_tho();
    let all = revisions(&plan, "grdp_growth");
    let year = all
        .iter()
        .find(|g| g.when == When::Year(2025) && g.territory == "cantho-merged")
        .expect("2025 merged");
    let values: Vec<f64> = year.values.iter().map(|r| r.observation.value).collect();
    assert_eq!(
        values,
        vec![7.87, 7.23, 8.3, 8.3, 7.23, 7.23, 7.23, 7.0, 7.39],
        "July half-year, 6 Dec, 7 Dec, 8 Dec, 26 Dec, 10 Jan, 12 Jan, 11 Feb, then the undated copy"
    );
    assert_eq!(year.values.iter().filter(|r| r.headline).count(), 1);
    let headline = year.headline().expect("a headline");
    assert_eq!(headline.observation.value, 7.23);
    assert_eq!(
        headline.source.map(|s| s.id.as_str()),
        Some("src-vneconomy-2026-01-10")
    );
    // Groups come in year order, periods by their first year.
    let whens: Vec<When> = all.iter().map(|g| g.when).collect();
    let mut sorted = whens.clone();
    sorted.sort();
    assert_eq!(whens, sorted);
}
