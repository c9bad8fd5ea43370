//! Sentences the views are made of, in Vietnamese and English: counts in plain words, short
//! names for documents and territories, and the lines that gather indicators.

use super::badge::Outcome;
pub use crate::describe::{month_year, territories_defined, territory_short};
use crate::plan::{Indicator, PartialDate, Plan};
use crate::status::Reason;
use crate::text::Lang;

pub fn all_periods(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "mọi giai đoạn",
        Lang::En => "all periods",
    }
}

/// The document's short name as the press cites it ("03-CTr/TU", "NQ Đại hội XIV").
pub fn document_short(plan: &Plan, id: &str, lang: Lang) -> String {
    crate::describe::document_short(plan, id, lang)
}

/// The headline and the sentence after it, from the tally of one period:
/// "2021–2025: 6 trên 22 chỉ tiêu đã đạt." + "5 không đạt, 3 chậm tiến độ, 8 chưa đánh giá được."
pub fn tally_sentences(
    tally: &[(Outcome, usize)],
    total: usize,
    period: &str,
    lang: Lang,
) -> (String, String) {
    let count = |which: &[Outcome]| -> usize {
        tally
            .iter()
            .filter(|(o, _)| which.contains(o))
            .map(|(_, n)| n)
            .sum()
    };
    let met = count(&[Outcome::Exceeded, Outcome::Achieved]);
    if total == 0 {
        return match lang {
            Lang::Vi => (
                format!("{period}: chưa có chỉ tiêu nào để đánh giá."),
                String::new(),
            ),
            Lang::En => (format!("{period}: no targets to assess."), String::new()),
        };
    }
    let headline = match lang {
        Lang::Vi => format!("{period}: {met} trên {total} chỉ tiêu đã đạt."),
        Lang::En => format!(
            "{period}: {met} of {total} target{} met.",
            if total == 1 { "" } else { "s" }
        ),
    };
    // The rest in the key's words and order, so the sentence and the bar's key agree.
    let rest: Vec<String> = [
        Outcome::Missed,
        Outcome::LikelyMissed,
        Outcome::OffTrack,
        Outcome::AtRisk,
        Outcome::OnTrack,
        Outcome::LikelyMet,
        Outcome::NotAssessable,
        Outcome::NoData,
    ]
    .iter()
    .map(|o| (count(&[*o]), o.label(lang).to_lowercase()))
    .filter(|(n, _)| *n > 0)
    .map(|(n, words)| format!("{n} {words}"))
    .collect();
    let dek = if rest.is_empty() {
        String::new()
    } else {
        format!("{}.", rest.join(", "))
    };
    (headline, dek)
}

/// "2 vượt chỉ tiêu, 5 có thể đạt, 7 chưa có số liệu": the non-zero counts in the badges' words,
/// best first (the key's order).
pub fn outcome_counts(outcomes: &[Outcome], lang: Lang) -> String {
    Outcome::ALL
        .iter()
        .map(|o| {
            let n = outcomes.iter().filter(|t| *t == o).count();
            (n, o.label(lang).to_lowercase())
        })
        .filter(|(n, _)| *n > 0)
        .map(|(n, words)| format!("{n} {words}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "Cả 13 đánh giá đều tạm tính: …" when statuses rest on estimates or reports.
pub fn provisional_sentence(provisional: usize, judged: usize, lang: Lang) -> Option<String> {
    if provisional == 0 {
        return None;
    }
    Some(match (provisional == judged, lang) {
        (true, Lang::Vi) => format!(
            "Cả {judged} đánh giá đều tạm tính: dựa trên số ước tính hoặc số báo cáo, chưa có số chính thức."
        ),
        (false, Lang::Vi) => format!(
            "{provisional} trong {judged} đánh giá là tạm tính: dựa trên số ước tính hoặc số báo cáo, chưa có số chính thức."
        ),
        (true, Lang::En) => format!(
            "All {judged} statuses are provisional: they rest on estimates or reported figures, not official ones."
        ),
        (false, Lang::En) => format!(
            "{provisional} of {judged} statuses are provisional: they rest on estimates or reported figures, not official ones."
        ),
    })
}

/// "Đang xem số liệu như ngày 8/12/2025: chỉ tính số đã công bố đến ngày này (3 số công bố sau
/// không tính)."
pub fn as_of_sentence(
    date: PartialDate,
    later: usize,
    undated: usize,
    later_targets: usize,
    lang: Lang,
) -> String {
    let day = crate::describe::date(date, lang);
    let mut left: Vec<String> = Vec::new();
    match lang {
        Lang::Vi => {
            if later > 0 {
                left.push(format!("{later} số liệu công bố sau"));
            }
            if undated > 0 {
                left.push(format!("{undated} số liệu không rõ ngày công bố"));
            }
            if later_targets > 0 {
                left.push(format!("{later_targets} chỉ tiêu đặt sau"));
            }
            let left = if left.is_empty() {
                String::new()
            } else {
                format!(" Không tính: {}.", left.join(", "))
            };
            format!(
                "Đang xem như ngày {day}: chỉ số liệu đã công bố đến ngày này, đánh giá tính lại từ đó.{left}"
            )
        }
        Lang::En => {
            let s = |n: usize| if n == 1 { "" } else { "s" };
            if later > 0 {
                left.push(format!("{later} figure{} published later", s(later)));
            }
            if undated > 0 {
                left.push(format!(
                    "{undated} figure{} with no publication date",
                    s(undated)
                ));
            }
            if later_targets > 0 {
                left.push(format!(
                    "{later_targets} target{} set later",
                    s(later_targets)
                ));
            }
            let left = if left.is_empty() {
                String::new()
            } else {
                format!(" Left out: {}.", left.join(", "))
            };
            format!(
                "As of {day}: only the figures published by then, with statuses computed from them.{left}"
            )
        }
    }
}

/// A figure's note with its age when it is two years old or more: "năm 2023, cách đây 3 năm" /
/// "2023, 3 years old". Newer figures need no warning.
pub fn with_age(note: &str, age: i32, lang: Lang) -> String {
    if age < 2 {
        return note.to_string();
    }
    match lang {
        Lang::Vi => format!("{note}, cách đây {age} năm"),
        Lang::En => format!("{note}, {age} years old"),
    }
}

pub fn no_data_lead(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{n} chỉ tiêu chưa có số liệu:"),
        Lang::En => format!(
            "{n} indicator{} without data yet:",
            if n == 1 { "" } else { "s" }
        ),
    }
}

pub fn unjudged_lead(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{n} chỉ tiêu có số liệu nhưng chưa đủ để đánh giá:"),
        Lang::En => format!(
            "{n} indicator{} with figures that cannot be judged yet:",
            if n == 1 { "" } else { "s" }
        ),
    }
}

/// A reason in plain words: no ratios, means or territory definitions (those are in "how it
/// is computed"), short territory names.
pub fn plain_reason(plan: &Plan, reason: &Reason, indicator: &Indicator, lang: Lang) -> String {
    match reason {
        Reason::OtherTerritory { other, count, .. } => {
            let short = plan
                .territories
                .iter()
                .find(|t| t.name == *other)
                .map_or_else(
                    || other.get(lang).to_string(),
                    |t| territory_short(plan, &t.id, lang),
                );
            match lang {
                Lang::Vi => format!(
                    "{count} số liệu của {short} không tính cho chỉ tiêu này: địa bàn khác."
                ),
                Lang::En => format!(
                    "{count} figure{} for {short} not counted: a different area.",
                    if *count == 1 { "" } else { "s" }
                ),
            }
        }
        other => other.text(indicator, lang),
    }
}

/// A key entry's first two words and the rest ("Cần Thơ", " (cũ), số từng năm"): the compact
/// key keeps its swatch with the first part, so a swatch never ends a line alone (gallery F10).
pub fn lead_words(label: &str) -> (&str, &str) {
    let mut spaces = label.match_indices(' ');
    match (spaces.next(), spaces.next()) {
        (Some(_), Some((second, _))) => label.split_at(second),
        _ => (label, ""),
    }
}

/// Text cut into runs, each marked whether a line may break inside it: a word with a dash
/// between two characters ("7,5–8%", "2021–2025).", "03-CTr/TU", "1519/QĐ-TTg"; not a unit
/// such as "đồng/người", which may break after its slash) is kept
/// whole, so no reader sees "7,5–" / "8%" or "03-" / "CTr/TU" at a line's end (gallery F10).
/// The runs put together give the text back unchanged; the page shows a kept run in a
/// no-wrap span, so what a reader copies or a screen reader reads is the same text.
pub fn unbreakable_runs(text: &str) -> Vec<(&str, bool)> {
    let joins = |word: &str| {
        let chars: Vec<char> = word.chars().collect();
        chars
            .windows(3)
            .any(|w| matches!(w[1], '–' | '-') && !w[0].is_whitespace() && !w[2].is_whitespace())
    };
    let mut runs: Vec<(&str, bool)> = Vec::new();
    let mut plain_start = 0;
    let mut at = 0;
    for word in text.split(char::is_whitespace) {
        // `word` is a slice of `text`: find where it starts.
        let start = at;
        let end = start + word.len();
        if !word.is_empty() && joins(word) {
            if plain_start < start {
                runs.push((&text[plain_start..start], false));
            }
            runs.push((&text[start..end], true));
            plain_start = end;
        }
        // Step over the word and the one whitespace character that ended it.
        at = end + text[end..].chars().next().map_or(0, char::len_utf8);
    }
    if plain_start < text.len() {
        runs.push((&text[plain_start..], false));
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tally_reads_as_two_plain_sentences() {
        let tally = [
            (Outcome::Exceeded, 2),
            (Outcome::Achieved, 4),
            (Outcome::Missed, 5),
            (Outcome::AtRisk, 2),
            (Outcome::OffTrack, 1),
            (Outcome::NoData, 8),
        ];
        let (h, d) = tally_sentences(&tally, 22, "2021–2025", Lang::Vi);
        assert_eq!(h, "2021–2025: 6 trên 22 chỉ tiêu đã đạt.");
        assert_eq!(
            d,
            "5 không đạt, 1 còn xa chỉ tiêu, 2 chậm tiến độ, 8 chưa có số liệu."
        );
        let (h, d) = tally_sentences(&tally, 22, "2021–2025", Lang::En);
        assert_eq!(h, "2021–2025: 6 of 22 targets met.");
        assert_eq!(d, "5 missed, 1 far behind, 2 behind, 8 no data.");
    }

    #[test]
    fn ranges_and_document_codes_are_kept_whole() {
        let text = "5,78% (bình quân 2021–2024), chưa đạt chỉ tiêu 7,5–8% (bình quân 2021–2025).";
        let runs = unbreakable_runs(text);
        assert_eq!(runs.iter().map(|(r, _)| *r).collect::<String>(), text);
        let kept: Vec<&str> = runs.iter().filter(|(_, k)| *k).map(|(r, _)| *r).collect();
        assert_eq!(kept, ["2021–2024),", "7,5–8%", "2021–2025)."]);
        let meta = "Cần Thơ (cũ) · 03-CTr/TU";
        let runs = unbreakable_runs(meta);
        assert_eq!(runs.iter().map(|(r, _)| *r).collect::<String>(), meta);
        assert_eq!(runs.last(), Some(&("03-CTr/TU", true)));
        // Nothing to keep: one plain run; a lone dash between spaces may break.
        assert_eq!(unbreakable_runs("a – b"), [("a – b", false)]);
        assert!(unbreakable_runs("").is_empty());
        // Whitespace of any kind (a no-break space) is kept as it was.
        let nbsp = "≥\u{a0}95% dân số 2021–2025";
        assert_eq!(
            unbreakable_runs(nbsp)
                .iter()
                .map(|(r, _)| *r)
                .collect::<String>(),
            nbsp
        );
        for (run, kept) in unbreakable_runs(nbsp) {
            assert!(!kept || !run.contains(char::is_whitespace), "{run:?}");
        }
    }

    #[test]
    fn a_key_entry_keeps_its_first_two_words() {
        assert_eq!(
            lead_words("Cần Thơ (cũ), số từng năm"),
            ("Cần Thơ", " (cũ), số từng năm")
        );
        assert_eq!(lead_words("Chỉ tiêu"), ("Chỉ tiêu", ""));
        assert_eq!(lead_words("Projection"), ("Projection", ""));
        let label = "Target 2021–2025: 7.5–8% on average";
        let (a, b) = lead_words(label);
        assert_eq!(format!("{a}{b}"), label);
    }
}
