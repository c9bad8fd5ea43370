//! The city's own verdicts beside the computed ones. Reports grade their targets ("đạt",
//! "không đạt", "xấp xỉ đạt") and count them ("đạt và vượt 15/20 chỉ tiêu"); a reader wants to
//! see both, and where they disagree. Nothing here changes a computed status: the official
//! grade is shown beside it, never instead of it.

use crate::plan::{Grade, OfficialTally, OfficialVerdict, Plan, Target, When};
use crate::status::{Assessment, Status};
use crate::text::Lang;

/// The reader-facing name of a grade, as the city's reports use it.
pub fn grade_label(grade: Grade, lang: Lang) -> &'static str {
    match (grade, lang) {
        (Grade::Exceeded, Lang::Vi) => "vượt",
        (Grade::Met, Lang::Vi) => "đạt",
        (Grade::NearlyMet, Lang::Vi) => "xấp xỉ đạt",
        (Grade::OnTrack, Lang::Vi) => "đạt tiến độ",
        (Grade::Behind, Lang::Vi) => "đạt thấp",
        (Grade::NotMet, Lang::Vi) => "không đạt",
        (Grade::Pending, Lang::Vi) => "chưa đánh giá",
        (Grade::Exceeded, Lang::En) => "exceeded",
        (Grade::Met, Lang::En) => "met",
        (Grade::NearlyMet, Lang::En) => "nearly met",
        (Grade::OnTrack, Lang::En) => "on schedule",
        (Grade::Behind, Lang::En) => "behind",
        (Grade::NotMet, Lang::En) => "not met",
        (Grade::Pending, Lang::En) => "not yet graded",
    }
}

/// Whether a report's grade and the computed status say the same thing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Agreement {
    Agrees,
    Disagrees,
    /// One side does not grade: "phấn đấu đạt", or no figure / not assessable here.
    NotComparable,
}

/// Compares a report's grade with the computed status. Met ("đạt", "vượt") agrees with a met
/// status; not met and nearly met ("không đạt", "xấp xỉ đạt" — short of the target) agree with
/// one that is not met; "đạt tiến độ" agrees with on track or met, "đạt thấp" with at risk or
/// off track. Exceeded and met count as one side: a report's "đạt" is not contradicted by a
/// computed "vượt".
pub fn compare(grade: Grade, status: Status) -> Agreement {
    if matches!(status, Status::NoData | Status::NotAssessable) {
        return Agreement::NotComparable;
    }
    let agrees = match grade {
        Grade::Pending => return Agreement::NotComparable,
        Grade::Exceeded | Grade::Met => status.is_met(),
        Grade::NearlyMet | Grade::NotMet => !status.is_met(),
        Grade::OnTrack => status == Status::OnTrack || status.is_met(),
        Grade::Behind => matches!(status, Status::AtRisk | Status::OffTrack),
    };
    if agrees {
        Agreement::Agrees
    } else {
        Agreement::Disagrees
    }
}

/// The reports' verdicts on a target, oldest first.
pub fn verdicts_for<'a>(plan: &'a Plan, target: &str) -> Vec<&'a OfficialVerdict> {
    let mut list: Vec<&OfficialVerdict> = plan
        .verdicts
        .iter()
        .filter(|v| v.target == target)
        .collect();
    crate::order::sort_by_key(&mut list, |v| v.date);
    list
}

/// One sentence putting a report's verdict beside the computed status:
/// "Báo cáo ghi «chưa đạt» (8/12/2025); kết quả tính: Không đạt — khớp nhau."
pub fn describe(verdict: &OfficialVerdict, assessment: &Assessment, lang: Lang) -> String {
    let word = verdict.word.get(lang);
    let date = date_text(verdict, lang);
    let computed = assessment.label(lang);
    match (compare(verdict.grade, assessment.status), lang) {
        (Agreement::Agrees, Lang::Vi) => {
            format!("Báo cáo ghi «{word}» ({date}); kết quả tính: {computed} — khớp nhau.")
        }
        (Agreement::Disagrees, Lang::Vi) => format!(
            "Báo cáo ghi «{word}» ({date}), khác kết quả tính từ số liệu: {computed}."
        ),
        (Agreement::NotComparable, Lang::Vi) => {
            format!("Báo cáo ghi «{word}» ({date}); kết quả tính: {computed}.")
        }
        (Agreement::Agrees, Lang::En) => {
            format!("The report says “{word}” ({date}); computed: {computed} — they agree.")
        }
        (Agreement::Disagrees, Lang::En) => format!(
            "The report says “{word}” ({date}), unlike the status computed from the figures: {computed}."
        ),
        (Agreement::NotComparable, Lang::En) => {
            format!("The report says “{word}” ({date}); computed: {computed}.")
        }
    }
}

fn date_text(verdict: &OfficialVerdict, lang: Lang) -> String {
    crate::describe::date(verdict.date, lang)
}

/// The computed side of a report's count: the targets of the same document and territory that
/// this plan file holds, due within the count's year or period. A report counts every target of
/// its document; the file may hold only some of them, so their number is shown beside the
/// report's `of` (the overview assesses them and counts them in the badges' words).
pub fn counted_targets<'a>(plan: &'a Plan, tally: &OfficialTally) -> Vec<&'a Target> {
    plan.targets
        .iter()
        .filter(|t| t.document == tally.document && t.territory == tally.territory)
        .filter(|t| match tally.when {
            When::Year(year) => t.when.end_year() == year,
            When::Period(period) => period.contains(t.when.end_year()),
        })
        .collect()
}

/// "đạt và vượt 15/20; phấn đấu đạt trong năm 2025 5/20": the report's count in its own words.
pub fn tally_summary(tally: &OfficialTally, lang: Lang) -> String {
    tally
        .counts
        .iter()
        .map(|c| format!("{} {}/{}", c.word.get(lang), c.count, tally.of))
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grades_against_statuses() {
        use Agreement::*;
        let cases = [
            (Grade::Met, Status::Achieved, Agrees),
            (Grade::Met, Status::Exceeded, Agrees),
            (Grade::Exceeded, Status::Achieved, Agrees),
            (Grade::Met, Status::OffTrack, Disagrees),
            (Grade::Met, Status::OnTrack, Disagrees),
            (Grade::NotMet, Status::Exceeded, Disagrees),
            (Grade::NotMet, Status::OffTrack, Agrees),
            (Grade::NotMet, Status::AtRisk, Agrees),
            (Grade::NearlyMet, Status::AtRisk, Agrees),
            (Grade::NearlyMet, Status::Achieved, Disagrees),
            (Grade::OnTrack, Status::OnTrack, Agrees),
            (Grade::OnTrack, Status::Achieved, Agrees),
            (Grade::OnTrack, Status::AtRisk, Disagrees),
            (Grade::Behind, Status::OffTrack, Agrees),
            (Grade::Behind, Status::OnTrack, Disagrees),
            (Grade::Pending, Status::OffTrack, NotComparable),
            (Grade::Met, Status::NoData, NotComparable),
            (Grade::NotMet, Status::NotAssessable, NotComparable),
        ];
        for (grade, status, want) in cases {
            assert_eq!(compare(grade, status), want, "{grade:?} vs {status:?}");
        }
    }
}
