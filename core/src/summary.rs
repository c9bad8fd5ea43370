//! One generated sentence per chart, in Vietnamese and English: where the series starts and
//! ends, the target, the projection, the status and why. It is the chart's text alternative:
//! the canvas points at it with `aria-describedby`.

use crate::describe;
use crate::i18n::kind_label;
use crate::plan::{Indicator, Plan, Target, When};
use crate::status;
use crate::text::Lang;

pub fn indicator(
    plan: &Plan,
    indicator: &Indicator,
    primary: Option<&Target>,
    lang: Lang,
    today: i32,
) -> String {
    let vi = lang == Lang::Vi;
    let mut parts: Vec<String> = Vec::new();
    let series = plan.headline_series(&indicator.id);
    let name = indicator.name.get(lang);
    match (series.first(), series.last()) {
        (Some(first), Some(last)) if series.len() > 1 => {
            let (from, to, broken) = if vi {
                (
                    "từ",
                    "đến",
                    "; chuỗi số liệu gián đoạn do thay đổi địa giới",
                )
            } else {
                (
                    "from",
                    "to",
                    "; the series breaks where the boundaries changed",
                )
            };
            let broken = if first.territory != last.territory {
                broken
            } else {
                ""
            };
            parts.push(format!(
                "{name}: {from} {} ({}) {to} {} ({}, {}){broken}.",
                describe::observation(indicator, first, lang),
                first.when,
                describe::observation(indicator, last, lang),
                last.when,
                kind_label(last.kind, lang),
            ));
        }
        (Some(only), _) => parts.push(format!(
            "{name}: {} ({}, {}).",
            describe::observation(indicator, only, lang),
            only.when,
            kind_label(only.kind, lang)
        )),
        _ => parts.push(if vi {
            format!("{name}: chưa có số liệu.")
        } else {
            format!("{name}: no data yet.")
        }),
    }
    if let Some(target) = primary {
        let document = plan
            .document(&target.document)
            .map_or(target.document.as_str(), |d| d.number.as_str());
        let assessment = status::assess(plan, target, today);
        parts.push(if vi {
            format!(
                "Chỉ tiêu: {} theo {document}.",
                describe::target(indicator, target, lang)
            )
        } else {
            format!(
                "Target: {} set by {document}.",
                describe::target(indicator, target, lang)
            )
        });
        if let Some(projected) = assessment.projected {
            let year = target.when.end_year();
            parts.push(if vi {
                format!(
                    "Theo xu hướng hiện nay, năm {year} ước đạt {}.",
                    describe::value(indicator, projected, None, lang)
                )
            } else {
                format!(
                    "On the current trend, {year} would reach {}.",
                    describe::value(indicator, projected, None, lang)
                )
            });
        }
        let why = assessment
            .reasons
            .first()
            .map(|r| r.text(indicator, lang))
            .unwrap_or_default();
        parts.push(if vi {
            format!("Đánh giá: {}. {why}", assessment.status.label(lang))
        } else {
            format!("Status: {}. {why}", assessment.status.label(lang))
        });
    }
    let periods = plan
        .observations_of(&indicator.id)
        .filter(|o| matches!(o.when, When::Period(_)))
        .count();
    if periods > 0 {
        parts.push(if vi {
            format!("Có thêm {periods} số bình quân/tổng cả giai đoạn trong bảng.")
        } else {
            format!("The table also has {periods} period averages or totals.")
        });
    }
    parts.join(" ").trim().to_string()
}
